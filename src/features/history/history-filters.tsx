import type { SummaryFilter, SummaryQuery } from '../../engine/records/summary-query';
import type { SessionStatus } from '../../engine/records/stored-session';

export const SORTS = {
  newest: { label: 'Newest first', sort: { key: 'startedAt', direction: 'desc' } },
  oldest: { label: 'Oldest first', sort: { key: 'startedAt', direction: 'asc' } },
  best: { label: 'Highest score', sort: { key: 'overall', direction: 'desc' } },
  worst: { label: 'Lowest score', sort: { key: 'overall', direction: 'asc' } },
  trainee: { label: 'Trainee A–Z', sort: { key: 'traineeName', direction: 'asc' } },
  scenario: { label: 'Scenario A–Z', sort: { key: 'scenarioTitle', direction: 'asc' } },
} as const satisfies Record<string, { label: string; sort: NonNullable<SummaryQuery['sort']> }>;
export type SortName = keyof typeof SORTS;

export const STATUS_TEXT: Record<SessionStatus, string> = { live: 'In progress', wrapUp: 'Notes not finished', scored: 'Scored' };

export interface Facets {
  traineeNames: string[];
  scenarios: { id: string; title: string }[];
}

/** The filter and sort controls; every change applies at once. */
export function HistoryFilters({ filter, sort, facets, onFilter, onSort }: { filter: SummaryFilter; sort: SortName; facets: Facets; onFilter: (filter: SummaryFilter) => void; onSort: (sort: SortName) => void }) {
  return (
    <form className="history-filters" aria-label="Filter and sort" onSubmit={(event) => event.preventDefault()}>
      <label>
        Trainee
        <select value={filter.traineeName ?? ''} onChange={(event) => onFilter({ ...filter, traineeName: event.target.value || undefined })}>
          <option value="">Everyone</option>
          {facets.traineeNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Scenario
        <select value={filter.scenarioId ?? ''} onChange={(event) => onFilter({ ...filter, scenarioId: event.target.value || undefined })}>
          <option value="">All scenarios</option>
          {facets.scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={filter.status ?? ''} onChange={(event) => onFilter({ ...filter, status: (event.target.value || undefined) as SessionStatus | undefined })}>
          <option value="">Any status</option>
          {Object.entries(STATUS_TEXT).map(([status, text]) => (
            <option key={status} value={status}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort
        <select value={sort} onChange={(event) => onSort(event.target.value as SortName)}>
          {Object.entries(SORTS).map(([name, { label }]) => (
            <option key={name} value={name}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
