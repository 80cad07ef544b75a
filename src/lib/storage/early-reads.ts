/**
 * Reads started while the app starts, before the page that wants them has
 * rendered (see src/app/pages.ts): the page takes the read already under way
 * instead of starting its own once its code has arrived and rendered. Each
 * is taken once, and only while fresh; after that pages read for themselves.
 */

/** How long an early read stays worth taking. It lays this tab's later changes over its result (unsettledChanges); staleness beyond that is bounded by this. */
const FRESH_MS = 5_000;

const reads = new Map<string, { startedAt: number; result: Promise<unknown> }>();

export function readEarly<T>(key: string, read: () => Promise<T>): void {
  const result = read();
  // Nobody may take it: a failure then is not worth an unhandled rejection (the page reads again and meets it itself).
  result.catch(() => undefined);
  reads.set(key, { startedAt: performance.now(), result });
}

export function takeEarlyRead<T>(key: string): Promise<T> | undefined {
  const early = reads.get(key);
  reads.delete(key);
  if (!early || performance.now() - early.startedAt > FRESH_MS) return undefined;
  return early.result as Promise<T>;
}
