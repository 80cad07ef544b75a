/**
 * Lists of session summaries for History and the supervisor review:
 * filtered, sorted and paged (summary-query.ts) over this tab's copy of
 * the summaries (summary-cache.ts), so none of it reads a transcript or
 * goes back to the database for the whole list.
 */
import { DEFAULT_SORT, pageOfSorted, sortSummaries, type SummaryPage, type SummaryQuery } from '../../engine/records/summary-query';
import type { SessionSummary } from '../../engine/records/summary';
import { openDatabase } from './database';
import { allSummaries, inMemory, onSummariesChanged, summariesLoaded, unsettledChanges } from './summary-cache';

export { onSummariesChanged };

/** The summaries in each sort order asked for so far, until any summary changes: a new filter then only filters. */
const sortedCache = new Map<string, SessionSummary[]>();
let listeningForChanges = false;

/** A page of summaries: filtered, sorted and sliced as the query says (see summary-query.ts). */
export async function listSummaries(query: SummaryQuery = {}): Promise<SummaryPage> {
  if (!listeningForChanges) {
    listeningForChanges = true;
    onSummariesChanged(() => sortedCache.clear());
  }
  const all = await allSummaries();
  const sort = query.sort ?? DEFAULT_SORT;
  const key = `${sort.key} ${sort.direction}`;
  let sorted = sortedCache.get(key);
  if (!sorted) {
    sorted = sortSummaries(all, sort);
    sortedCache.set(key, sorted);
  }
  return pageOfSorted(sorted, query);
}

/** The distinct trainee names and scenarios among stored sessions, for filter menus. */
export async function summaryFacets(): Promise<{ traineeNames: string[]; scenarios: { id: string; title: string }[] }> {
  const names = new Set<string>();
  const scenarios = new Map<string, string>();
  for (const summary of await allSummaries()) {
    names.add(summary.traineeName);
    if (!scenarios.has(summary.scenarioId)) scenarios.set(summary.scenarioId, summary.scenarioTitle);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    traineeNames: [...names].sort(byName),
    scenarios: [...scenarios].map(([id, title]) => ({ id, title })).sort((a, b) => byName(a.title, b.title)),
  };
}

/**
 * The newest calls, read straight from the startedAt index in one request,
 * for a list's first screen while the whole set is still being read (with
 * thousands of calls that takes a while, and counting them as long); null
 * once the whole set is at hand, when listSummaries answers at once.
 */
export async function newestSummaries(limit: number): Promise<SessionSummary[] | null> {
  if (summariesLoaded()) return null;
  const db = await openDatabase();
  if (!db) return null;
  const index = db.transaction('summaries').store.index('startedAt');
  let newest: SessionSummary[];
  try {
    // IndexedDB 3's getAll options; older browsers take the object for a key and throw.
    newest = await index.getAll({ query: null, count: limit, direction: 'prev' } as unknown as IDBKeyRange);
  } catch {
    newest = [];
    for (let cursor = await db.transaction('summaries').store.index('startedAt').openCursor(null, 'prev'); cursor && newest.length < limit; cursor = await cursor.continue()) newest.push(cursor.value);
  }
  // What this tab changed since the read began wins over what was read.
  const changes = unsettledChanges();
  return newest.flatMap((summary) => {
    const changed = changes.get(summary.id);
    return changed === undefined ? [summary] : changed ? [changed] : [];
  });
}

/**
 * One trainee's scored calls. Until this tab has read every summary, they
 * come from the traineeName index alone, so the picker's recommendation
 * never waits for ten thousand other trainees' calls to be read.
 */
export async function scoredSummariesOf(traineeName: string): Promise<SessionSummary[]> {
  const db = summariesLoaded() ? null : await openDatabase();
  if (!db) return (await listSummaries({ filter: { traineeName, status: 'scored' } })).items;
  const byId = new Map((await db.getAllFromIndex('summaries', 'traineeName', traineeName)).map((summary) => [summary.id, summary]));
  // What this tab changed since it started, or holds only in memory, wins over what was read.
  for (const [id, changed] of unsettledChanges()) {
    if (changed?.traineeName === traineeName) byId.set(id, changed);
    else byId.delete(id);
  }
  for (const summary of inMemory.values()) if (summary.traineeName === traineeName) byId.set(summary.id, summary);
  return [...byId.values()].filter((summary) => summary.status === 'scored');
}
