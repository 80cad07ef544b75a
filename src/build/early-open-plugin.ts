/**
 * Opens the trainee's database from a tiny classic script in index.html's
 * head, which runs before the app's module bundle has downloaded: on a
 * first visit to the picker with thousands of calls stored, the open took
 * 100–300 ms that began only once the whole bundle had been evaluated.
 * The script never creates or upgrades the database (only the app's code
 * knows its stores): if the version it finds is not the app's, it steps
 * back and openDatabase opens as before.
 *
 * The strict content policy allows this one inline script by its hash.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { DB_NAME, DB_VERSION, EARLY_OPEN_GLOBAL } from '../lib/storage/database-name';

export const EARLY_OPEN_SCRIPT = `(function () {
  var answer = null;
  try {
    var request = indexedDB.open(${JSON.stringify(DB_NAME)}, ${DB_VERSION});
    answer = new Promise(function (resolve) {
      request.onupgradeneeded = function () { request.transaction.abort(); };
      request.onsuccess = function () {
        var db = request.result;
        // Until the app takes it (and on pages that never do), a newer version in another tab must not be blocked.
        db.onversionchange = function () { db.close(); };
        resolve(db);
      };
      request.onerror = function (event) { event.preventDefault(); resolve(null); };
    });
  } catch (error) {}
  window[${JSON.stringify(EARLY_OPEN_GLOBAL)}] = answer;
})();`;

/** The policy's source expression for the script, as script-src needs it. */
export const EARLY_OPEN_SCRIPT_HASH = `'sha256-${createHash('sha256').update(EARLY_OPEN_SCRIPT).digest('base64')}'`;

export function earlyOpenPlugin(): Plugin {
  return {
    name: 'call-trainer-early-open',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'script', children: EARLY_OPEN_SCRIPT, injectTo: 'head' }],
    },
  };
}
