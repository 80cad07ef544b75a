/**
 * Lists of session summaries for History and the supervisor review:
 * filtered, sorted and paged (summary-query.ts) over this tab's copy of
 * the summaries (summary-cache.ts), so none of it reads a transcript or
 * goes back to the database for the whole list.
 */
import { querySummaries, type SummaryPage, type SummaryQuery } from '../../engine/records/summary-query';
import { allSummaries } from './summary-cache';

export { onSummariesChanged } from './summary-cache';

/** A page of summaries: filtered, sorted and sliced as the query says (see summary-query.ts). */
export async function listSummaries(query: SummaryQuery = {}): Promise<SummaryPage> {
  return querySummaries(await allSummaries(), query);
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
