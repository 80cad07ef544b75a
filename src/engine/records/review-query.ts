/**
 * The supervisor's table: which summaries show, in what order. It adds to
 * History's query (summary-query.ts) what a review needs: reply mode, ending
 * outcome, "below a level in a competency", and sorting by any column,
 * competencies included. Pure, so it runs on 10,000 summaries in a test.
 */
import type { Level } from '../scoring/rubric';
import type { Competency } from '../vocabulary';
import type { Ending } from '../scenario/scenario-schema';
import { querySummaries, type SummaryFilter, type SummarySortKey } from './summary-query';
import type { SessionSummary } from './summary';

export interface ReviewFilter extends SummaryFilter {
  replyMode?: SessionSummary['replyMode'];
  outcome?: Ending['outcome'];
  /** Only sessions where this competency is below this level (not assessed does not count as below). */
  below?: { competency: Competency; level: Exclude<Level, 'Needs improvement'> };
  /** Words said in the call (by customer or trainee); storage answers it (transcript-words.ts) and the answer comes back as `ReviewQuery.saying`. */
  said?: string;
}

export type ReviewSortKey = SummarySortKey | 'replyMode' | 'outcome' | 'reviewStatus' | `competency:${Competency}`;

export interface ReviewQuery {
  filter?: ReviewFilter;
  sort?: { key: ReviewSortKey; direction: 'asc' | 'desc' };
  /** The ids of the sessions whose transcripts have the words of `filter.said`; absent, the search does not narrow. */
  saying?: ReadonlySet<string>;
}

const LEVEL_RANK: Record<Level, number> = { 'Needs improvement': 0, Satisfactory: 1, Superior: 2 };
const HISTORY_KEYS: ReadonlySet<string> = new Set(['startedAt', 'updatedAt', 'overall', 'traineeName', 'scenarioTitle', 'status', 'turns']);

function extra(filter: ReviewFilter, saying: ReadonlySet<string> | undefined): (summary: SessionSummary) => boolean {
  return (summary) => {
    if (saying && !saying.has(summary.id)) return false;
    if (filter.replyMode !== undefined && summary.replyMode !== filter.replyMode) return false;
    if (filter.outcome !== undefined && summary.ending?.outcome !== filter.outcome) return false;
    if (filter.below) {
      const level = summary.competencies[filter.below.competency]?.level;
      if (!level || LEVEL_RANK[level] >= LEVEL_RANK[filter.below.level]) return false;
    }
    return true;
  };
}

function valueFor(summary: SessionSummary, key: ReviewSortKey): string | number | null {
  if (key.startsWith('competency:')) return summary.competencies[key.slice('competency:'.length) as Competency]?.score ?? null;
  if (key === 'outcome') return summary.ending?.outcome ?? null;
  return (summary as unknown as Record<string, string | number | null>)[key] ?? null;
}

/** The rows of the review table, filtered and sorted; sessions with no value for the sort key go last either way. */
export function reviewRows(summaries: Iterable<SessionSummary>, query: ReviewQuery = {}): SessionSummary[] {
  const filter = query.filter ?? {};
  const keep = extra(filter, query.saying);
  const sort = query.sort ?? { key: 'startedAt', direction: 'desc' };
  const historySort = HISTORY_KEYS.has(sort.key) ? (sort as { key: SummarySortKey; direction: 'asc' | 'desc' }) : undefined;
  const base = querySummaries(summaries, { filter, ...(historySort ? { sort: historySort } : {}) }).items.filter(keep);
  if (historySort) return base;
  const sign = sort.direction === 'asc' ? 1 : -1;
  return base
    .map((summary, index) => ({ summary, index, value: valueFor(summary, sort.key) }))
    .sort((a, b) => {
      if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
      if (a.value !== null && b.value !== null && a.value !== b.value) return sign * (a.value < b.value ? -1 : 1);
      return a.index - b.index;
    })
    .map(({ summary }) => summary);
}

/** The table as CSV for spreadsheets: one row per session, a column per competency. Quotes every text cell. */
export function reviewCsv(rows: readonly SessionSummary[], competencies: readonly Competency[]): string {
  const header = ['session', 'trainee', 'scenario', 'started', 'reply mode', 'ending', 'overall', 'level', ...competencies, 'review status'];
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return String(value);
    const text = String(value);
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const lines = rows.map((row) =>
    [row.id, row.traineeName, row.scenarioTitle, row.startedAt, row.replyMode, row.ending?.outcome ?? '', row.overall, row.level, ...competencies.map((c) => row.competencies[c]?.score ?? null), row.reviewStatus]
      .map(cell)
      .join(','),
  );
  return `${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
}
