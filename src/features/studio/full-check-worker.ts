/**
 * The studio's full check in a Web Worker: the search for a route to the
 * best ending takes seconds at 200 states, and on the page's own thread
 * those seconds froze typing (see full-check.ts).
 */
import { parseScenario } from '../../engine/scenario/scenario-loader';
import type { FullCheckAnswer, FullCheckRequest } from './full-check';

self.onmessage = (event: MessageEvent<FullCheckRequest>) => {
  const started = performance.now();
  const result = parseScenario(event.data.file, event.data.text, { bestRoute: true });
  const answer: FullCheckAnswer = { ok: result.ok, problems: result.problems, ms: performance.now() - started };
  self.postMessage(answer);
};
