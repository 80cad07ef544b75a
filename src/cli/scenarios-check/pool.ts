/**
 * Checks scenario files on worker threads, one per core: each scenario's
 * analysis is independent and takes from under a second to several, so the
 * library is done in about the time of its slowest share rather than the sum.
 * The results come back in the order the files were given, whatever order
 * the workers finish in.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import { checkFile, type CheckedFile } from './check-file';

interface Job {
  index: number;
  file: string;
  text: string;
}

/**
 * `entry` is the script a worker runs: it must call serveChecks() when it is
 * not the main thread. `onChecked` hears of each file as it is done, in the
 * order they finish.
 */
export async function checkFiles(files: { file: string; text: string }[], entry: URL, onChecked: (checked: CheckedFile) => void = () => {}): Promise<CheckedFile[]> {
  const threads = Math.min(availableParallelism(), files.length);
  if (threads <= 1) {
    return files.map(({ file, text }) => {
      const checked = checkFile(file, text);
      onChecked(checked);
      return checked;
    });
  }
  // Largest first: the file's size stands in for how long its analysis takes, so no long one starts last.
  const queue: Job[] = files.map((job, index) => ({ index, ...job })).sort((a, b) => b.text.length - a.text.length);
  const results: CheckedFile[] = new Array(files.length);
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = startWorker(entry);
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          results[job.index] = await ask(worker, job);
          onChecked(results[job.index]!);
        }
      } finally {
        // Not waited for: the results are in, and the report need not wait while a worker's heap is torn down.
        void worker.terminate();
      }
    }),
  );
  return results;
}

/**
 * Under tsx (the script run as TypeScript), a worker does not inherit tsx's
 * loader, so it registers it before importing the entry; a bundled entry is
 * plain JavaScript and starts as it is.
 */
function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true });
}

function ask(worker: Worker, job: Job): Promise<CheckedFile> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      worker.off('message', done);
      reject(error);
    };
    const done = (checked: CheckedFile) => {
      worker.off('error', fail);
      resolve(checked);
    };
    worker.once('message', done);
    worker.once('error', fail);
    worker.postMessage(job);
  });
}

/** The worker's side: check each file the main thread sends, and send the result back. */
export function serveChecks(): void {
  parentPort!.on('message', ({ file, text }: Job) => parentPort!.postMessage(checkFile(file, text)));
}
