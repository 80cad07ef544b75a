/**
 * The newest calls for a list's first screen, apart from summaries.ts so
 * the app can start this read while it starts (pages.ts), before the
 * History page's code has arrived.
 */
import type { SessionSummary } from '../../engine/records/summary';
import { openDatabase } from './database';
import { readEarly, takeEarlyAnswer, takeEarlyRead } from './early-reads';
import { summariesLoaded, unsettledChanges } from './summary-cache';

const earlyKey = (limit: number) => `newestSummaries ${limit}`;

async function readNewest(limit: number): Promise<SessionSummary[] | null> {
  const db = await openDatabase();
  if (!db) return null;
  const index = db.transaction('summaries').store.index('startedAt');
  try {
    // IndexedDB 3's getAll options; older browsers take the object for a key and throw.
    return await index.getAll({ query: null, count: limit, direction: 'prev' } as unknown as IDBKeyRange);
  } catch {
    const newest: SessionSummary[] = [];
    for (let cursor = await db.transaction('summaries').store.index('startedAt').openCursor(null, 'prev'); cursor && newest.length < limit; cursor = await cursor.continue()) newest.push(cursor.value);
    return newest;
  }
}

/** Starts reading the newest calls now, for the History page to take when it renders; settles when they are read. */
export function readNewestSummariesEarly(limit: number): Promise<void> {
  return readEarly(earlyKey(limit), () => readNewest(limit));
}

/** What this tab changed since the read began wins over what was read. */
function withChanges(newest: SessionSummary[]): SessionSummary[] {
  const changes = unsettledChanges();
  return newest.flatMap((summary) => {
    const changed = changes.get(summary.id);
    return changed === undefined ? [summary] : changed ? [changed] : [];
  });
}

/** The newest calls at once, if the read the app started early has answered (and every summary is not at hand already); else null. */
export function newestSummariesReadEarly(limit: number): SessionSummary[] | null {
  if (summariesLoaded()) return null;
  const newest = takeEarlyAnswer<SessionSummary[] | null>(earlyKey(limit))?.value;
  return newest ? withChanges(newest) : null;
}

/**
 * The newest calls, read straight from the startedAt index in one request,
 * for a list's first screen while the whole set is still being read (with
 * thousands of calls that takes a while, and counting them as long); null
 * once the whole set is at hand, when listSummaries answers at once.
 */
export async function newestSummaries(limit: number): Promise<SessionSummary[] | null> {
  const early = takeEarlyRead<SessionSummary[] | null>(earlyKey(limit));
  if (summariesLoaded()) return null;
  const newest = await (early ?? readNewest(limit));
  return newest ? withChanges(newest) : null;
}
