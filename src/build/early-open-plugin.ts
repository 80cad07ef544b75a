/**
 * Opens the trainee's database from a tiny classic script in index.html's
 * head, which runs before the app's module bundle has downloaded: on a
 * first visit to the picker with thousands of calls stored, the open took
 * 100–300 ms that began only once the whole bundle had been evaluated.
 * The script never creates or upgrades the database (only the app's code
 * knows its stores): if the version it finds is not the app's, it steps
 * back and openDatabase opens as before. Once open, it starts reading the
 * signed-in trainee's best scores for the picker, with the app's own
 * function (best-score-cursor.ts), so that a first visit has them by the
 * time the bundle has run.
 *
 * The strict content policy allows this one inline script by its hash.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { readBestScoreKeys } from '../lib/storage/best-score-cursor';
import { BEST_SCORE_INDEX, DB_NAME, DB_VERSION, EARLY_BEST_SCORES_GLOBAL, EARLY_OPEN_GLOBAL, PREFERENCES_KEY } from '../lib/storage/database-name';

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
        readBestScores(db);
        resolve(db);
      };
      request.onerror = function (event) { event.preventDefault(); resolve(null); };
    });
  } catch (error) {}
  window[${JSON.stringify(EARLY_OPEN_GLOBAL)}] = answer;

  function readBestScores(db) {
    try {
      var preferences = JSON.parse(localStorage.getItem(${JSON.stringify(PREFERENCES_KEY)}) || 'null');
      var traineeName = preferences && preferences.state && preferences.state.traineeName;
      if (typeof traineeName !== 'string' || !traineeName) return;
      var index = db.transaction('summaries').objectStore('summaries').index(${JSON.stringify(BEST_SCORE_INDEX)});
      var best = (${readBestScoreKeys.toString()})(index, traineeName);
      // A failure is the app's to meet: it reads again itself.
      best.catch(function () {});
      window[${JSON.stringify(EARLY_BEST_SCORES_GLOBAL)}] = { traineeName: traineeName, best: best };
    } catch (error) {}
  }
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
