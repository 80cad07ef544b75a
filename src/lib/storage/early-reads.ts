/**
 * Reads started while the app starts, before the page that wants them has
 * rendered (see src/app/pages.tsx): the page takes the read already under
 * way instead of starting its own once its code has arrived and rendered,
 * and if the read has finished by then, it renders with the answer at once.
 * Each is taken once, and only while fresh; after that pages read for themselves.
 */

/** How long an early read stays worth taking. It lays this tab's later changes over its result (unsettledChanges); staleness beyond that is bounded by this. */
const FRESH_MS = 5_000;

interface EarlyRead {
  startedAt: number;
  result: Promise<unknown>;
  answer?: { value: unknown };
}

const reads = new Map<string, EarlyRead>();

/** Starts `read` now; the promise settles when it has answered or failed. */
export function readEarly<T>(key: string, read: () => Promise<T>): Promise<void> {
  const early: EarlyRead = { startedAt: performance.now(), result: read() };
  reads.set(key, early);
  // Nobody may take it: a failure then is not worth an unhandled rejection (the page reads again and meets it itself).
  return early.result.then(
    (value) => void (early.answer = { value }),
    () => undefined,
  );
}

function take(key: string): EarlyRead | undefined {
  const early = reads.get(key);
  if (!early || performance.now() - early.startedAt > FRESH_MS) {
    reads.delete(key);
    return undefined;
  }
  return early;
}

/** The read under way (or done), taken: later calls get undefined. */
export function takeEarlyRead<T>(key: string): Promise<T> | undefined {
  const early = take(key);
  reads.delete(key);
  return early?.result as Promise<T> | undefined;
}

/** The answer, if the read has answered: then it is taken; if not, it stays for takeEarlyRead. */
export function takeEarlyAnswer<T>(key: string): { value: T } | undefined {
  const answer = take(key)?.answer;
  if (answer) reads.delete(key);
  return answer as { value: T } | undefined;
}
