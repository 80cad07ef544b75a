/**
 * The full check of a draft (the same loader as the CLI, with the search for
 * a route to the best ending), run in a worker so the page never waits for
 * it. A newer text makes a running check moot: the worker is stopped and a
 * fresh one checks the new text, since the search cannot be interrupted.
 */
import type { FileProblem } from '../../engine/scenario/scenario-loader';

export interface FullCheckRequest {
  file: string;
  text: string;
}

export interface FullCheckAnswer {
  ok: boolean;
  problems: FileProblem[];
  ms: number;
}

export class CheckSuperseded extends Error {
  constructor() {
    super('A newer text was given to check');
    this.name = 'CheckSuperseded';
  }
}

let worker: Worker | null = null;
let running: { reject: (error: Error) => void } | null = null;

function stopWorker() {
  worker?.terminate();
  worker = null;
}

export function fullCheck(request: FullCheckRequest): Promise<FullCheckAnswer> {
  if (running) {
    stopWorker();
    running.reject(new CheckSuperseded());
    running = null;
  }
  worker ??= new Worker(new URL('./full-check-worker.ts', import.meta.url), { type: 'module', name: 'scenario check' });
  const own = worker;
  return new Promise((resolve, reject) => {
    const job = { reject };
    running = job;
    own.onmessage = (event: MessageEvent<FullCheckAnswer>) => {
      if (running === job) running = null;
      resolve(event.data);
    };
    own.onerror = (event) => {
      if (running === job) running = null;
      stopWorker();
      reject(new Error(`The check stopped: ${event.message}`));
    };
    own.postMessage(request);
  });
}
