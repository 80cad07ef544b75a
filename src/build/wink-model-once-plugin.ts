/**
 * wink-eng-lite-web-model copies its whole language model (3 MB of JSON)
 * with JSON.parse(JSON.stringify(…)) each time wink-nlp loads it, so that
 * a second load starts from a clean copy. The page loads it once
 * (english.ts keeps one instance), so in the browser build the copy is
 * only work: about a tenth of a second, on the main thread, while the
 * trainee waits for the reply box. This plugin drops it there. Node (the
 * CLIs and tests) runs the package as published. If a new version of the
 * package no longer has the line, the build stops rather than quietly
 * losing the saving or patching the wrong thing.
 */
import type { Plugin } from 'vite';

const MODULE = /[\\/]wink-eng-lite-web-model[\\/]dist[\\/]read-core-model\.js$/;
const COPY = 'JSON.parse(JSON.stringify(originalModel))';

export function winkModelOncePlugin(): Plugin {
  return {
    name: 'call-trainer-wink-model-once',
    transform(code, id) {
      if (!MODULE.test(id)) return null;
      if (code.split(COPY).length !== 2) this.error(`${id}: expected the model copy "${COPY}" exactly once; update src/build/wink-model-once-plugin.ts for this version of wink-eng-lite-web-model`);
      return { code: code.replace(COPY, 'originalModel'), map: null };
    },
  };
}
