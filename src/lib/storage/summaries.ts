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
export { newestSummaries, newestSummariesReadEarly } from './newest-summaries';

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
