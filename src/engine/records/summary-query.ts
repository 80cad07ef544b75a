/**
 * Filtering, sorting and paging over session summaries: what History and
 * the supervisor review ask of storage. Pure, so storage can answer from
 * its cache of summaries and tests can check the answers in Node.
 */
import type { Level } from '../scoring/rubric';
import type { ReviewStatus, SessionOrigin, SessionStatus } from './stored-session';
import type { SessionSummary } from './summary';

export interface SummaryFilter {
  traineeName?: string;
  scenarioId?: string;
  status?: SessionStatus;
  reviewStatus?: ReviewStatus;
  origin?: SessionOrigin;
  level?: Level;
  /** Inclusive bounds on startedAt, ISO 8601 (a date alone works as a prefix). */
  startedFrom?: string;
  startedBefore?: string;
  minOverall?: number;
  maxOverall?: number;
  /** Case-insensitive words to find in the trainee's name or the scenario title. */
  text?: string;
}

export type SummarySortKey = 'startedAt' | 'updatedAt' | 'overall' | 'traineeName' | 'scenarioTitle' | 'status' | 'turns';

export interface SummaryQuery {
  filter?: SummaryFilter;
  sort?: { key: SummarySortKey; direction: 'asc' | 'desc' };
  offset?: number;
  /** Defaults to every match. */
  limit?: number;
}

export interface SummaryPage {
  items: SessionSummary[];
  /** How many summaries match the filter, across all pages. */
  total: number;
  offset: number;
}

export const DEFAULT_SORT: NonNullable<SummaryQuery['sort']> = { key: 'startedAt', direction: 'desc' };

function matcher(filter: SummaryFilter): (summary: SessionSummary) => boolean {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return (summary) =>
    (filter.traineeName === undefined || summary.traineeName === filter.traineeName) &&
    (filter.scenarioId === undefined || summary.scenarioId === filter.scenarioId) &&
    (filter.status === undefined || summary.status === filter.status) &&
    (filter.reviewStatus === undefined || summary.reviewStatus === filter.reviewStatus) &&
    (filter.origin === undefined || summary.origin === filter.origin) &&
    (filter.level === undefined || summary.level === filter.level) &&
    (filter.startedFrom === undefined || summary.startedAt >= filter.startedFrom) &&
    (filter.startedBefore === undefined || summary.startedAt < filter.startedBefore) &&
    (filter.minOverall === undefined || (summary.overall !== null && summary.overall >= filter.minOverall)) &&
    (filter.maxOverall === undefined || (summary.overall !== null && summary.overall <= filter.maxOverall)) &&
    words.every((word) => summary.traineeName.toLowerCase().includes(word) || summary.scenarioTitle.toLowerCase().includes(word));
}

// Made on the first sort by name: a collator takes tens of milliseconds to build, which a page that only sorts by date need not pay.
let collator: Intl.Collator | null = null;

function compareBy(key: SummarySortKey): (a: SessionSummary, b: SessionSummary) => number {
  switch (key) {
    case 'traineeName':
    case 'scenarioTitle':
      collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      return (a, b) => collator!.compare(a[key], b[key]);
    case 'overall':
    case 'turns':
      return (a, b) => (a[key] ?? 0) - (b[key] ?? 0);
    default:
      return (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
  }
}

/**
 * Summaries in the order a sort asks for. Unscored sessions sort after
 * scored ones by score in either direction (no score is not a low score);
 * ties fall back to the newest first, then the id, so pages never overlap.
 */
export function sortSummaries(summaries: Iterable<SessionSummary>, sort: NonNullable<SummaryQuery['sort']> = DEFAULT_SORT): SessionSummary[] {
  const { key, direction } = sort;
  const compare = compareBy(key);
  const sign = direction === 'asc' ? 1 : -1;
  return [...summaries].sort((a, b) => {
    if (key === 'overall' && (a.overall === null) !== (b.overall === null)) return a.overall === null ? 1 : -1;
    return sign * compare(a, b) || (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** The page a query asks for from summaries already in its sort order (sortSummaries): filtering keeps the order. */
export function pageOfSorted(sorted: readonly SessionSummary[], query: SummaryQuery = {}): SummaryPage {
  const keep = matcher(query.filter ?? {});
  const matches = sorted.filter(keep);
  const offset = Math.max(0, Math.min(query.offset ?? 0, matches.length));
  const end = query.limit === undefined ? matches.length : offset + Math.max(0, query.limit);
  return { items: matches.slice(offset, end), total: matches.length, offset };
}

/** The page of summaries a query asks for: filtered, sorted (as sortSummaries) and sliced. */
export function querySummaries(summaries: Iterable<SessionSummary>, query: SummaryQuery = {}): SummaryPage {
  return pageOfSorted(sortSummaries(summaries, query.sort ?? DEFAULT_SORT), query);
}
