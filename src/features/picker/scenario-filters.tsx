import { RUBRIC } from '../../engine/scoring/rubric';
import type { Competency } from '../../engine/vocabulary';
import { LEVEL_NAMES } from '../../components/levels';
import { NO_FILTERS, type ScenarioFilters } from './recommend';

interface Props {
  filters: ScenarioFilters;
  settings: string[];
  shown: number;
  total: number;
  onChange: (filters: ScenarioFilters) => void;
}

/** Narrows the library by level, setting and the competency a scenario stresses; says how many match. */
export function ScenarioFiltersForm({ filters, settings, shown, total, onChange }: Props) {
  const filtered = filters.level || filters.setting || filters.competency;
  return (
    <form className="scenario-filters" role="search" aria-label="Filter scenarios" onSubmit={(event) => event.preventDefault()}>
      <label>
        Level
        <select value={filters.level} onChange={(event) => onChange({ ...filters, level: event.target.value as ScenarioFilters['level'] })}>
          <option value="">Any level</option>
          {(Object.keys(LEVEL_NAMES) as (keyof typeof LEVEL_NAMES)[]).map((level) => (
            <option key={level} value={level}>
              Level {level}: {LEVEL_NAMES[level]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Setting
        <select value={filters.setting} onChange={(event) => onChange({ ...filters, setting: event.target.value })}>
          <option value="">Any setting</option>
          {settings.map((setting) => (
            <option key={setting} value={setting}>
              {setting}
            </option>
          ))}
        </select>
      </label>
      <label>
        Stresses
        <select value={filters.competency} onChange={(event) => onChange({ ...filters, competency: event.target.value as Competency | '' })}>
          <option value="">Any competency</option>
          {RUBRIC.competencies.map((competency) => (
            <option key={competency.id} value={competency.id}>
              {competency.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="link-button" disabled={!filtered} onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </button>
      <p className="filter-count" role="status">
        {filtered ? `Showing ${shown} of ${total} scenarios` : `${total} scenarios`}
      </p>
    </form>
  );
}
