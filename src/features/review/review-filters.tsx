import { useState } from 'react';
import type { ReviewFilter } from '../../engine/records/review-query';
import type { ReviewStatus } from '../../engine/records/stored-session';
import { RUBRIC } from '../../engine/scoring/rubric';
import type { Competency } from '../../engine/vocabulary';
import { useReviewer } from './reviewer';

export const REVIEW_STATUS_TEXT: Record<ReviewStatus, string> = { notReviewed: 'Not reviewed', reviewed: 'Reviewed', disputed: 'Disputed' };

export interface Facets {
  traineeNames: string[];
  scenarios: { id: string; title: string }[];
}

/** Filters for the review table; every change applies at once. Saved filters are kept in this browser. */
export function ReviewFilters({ filter, facets, onFilter }: { filter: ReviewFilter; facets: Facets; onFilter: (filter: ReviewFilter) => void }) {
  const { savedFilters, saveFilter, removeFilter } = useReviewer();
  const [saveName, setSaveName] = useState('');
  const set = (change: Partial<ReviewFilter>) => {
    const next = { ...filter, ...change };
    for (const key of Object.keys(next) as (keyof ReviewFilter)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onFilter(next);
  };
  return (
    <form className="review-filters" aria-label="Filter the sessions" onSubmit={(event) => event.preventDefault()}>
      <label>
        Search
        <input type="search" value={filter.text ?? ''} placeholder="Trainee or scenario" onChange={(event) => set({ text: event.target.value || undefined })} />
      </label>
      <label>
        Said in the call
        <input type="search" value={filter.said ?? ''} placeholder="Words from the transcripts" aria-describedby="said-hint" onChange={(event) => set({ said: event.target.value || undefined })} />
        <span id="said-hint" className="visually-hidden">Finds calls in which every word you type begins a word the customer or the trainee said.</span>
      </label>
      <label>
        Trainee
        <select value={filter.traineeName ?? ''} onChange={(event) => set({ traineeName: event.target.value || undefined })}>
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
        <select value={filter.scenarioId ?? ''} onChange={(event) => set({ scenarioId: event.target.value || undefined })}>
          <option value="">All scenarios</option>
          {facets.scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" value={filter.startedFrom ?? ''} onChange={(event) => set({ startedFrom: event.target.value || undefined })} />
      </label>
      <label>
        Before
        <input type="date" value={filter.startedBefore ?? ''} onChange={(event) => set({ startedBefore: event.target.value || undefined })} />
      </label>
      <label>
        Level
        <select value={filter.level ?? ''} onChange={(event) => set({ level: (event.target.value || undefined) as ReviewFilter['level'] })}>
          <option value="">Any level</option>
          {RUBRIC.levels.map(({ level }) => (
            <option key={level}>{level}</option>
          ))}
        </select>
      </label>
      <label>
        Ending
        <select value={filter.outcome ?? ''} onChange={(event) => set({ outcome: (event.target.value || undefined) as ReviewFilter['outcome'] })}>
          <option value="">Any ending</option>
          <option value="resolved">Resolved</option>
          <option value="referred">Referred</option>
          <option value="lost">Lost</option>
        </select>
      </label>
      <label>
        Replies
        <select value={filter.replyMode ?? ''} onChange={(event) => set({ replyMode: (event.target.value || undefined) as ReviewFilter['replyMode'] })}>
          <option value="">Either</option>
          <option value="prepared">Prepared</option>
          <option value="open">Own words</option>
        </select>
      </label>
      <label>
        Review
        <select value={filter.reviewStatus ?? ''} onChange={(event) => set({ reviewStatus: (event.target.value || undefined) as ReviewStatus | undefined })}>
          <option value="">Any</option>
          {Object.entries(REVIEW_STATUS_TEXT).map(([status, text]) => (
            <option key={status} value={status}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="below-filter">
        <legend>Below a level in a competency</legend>
        <select aria-label="Competency" value={filter.below?.competency ?? ''} onChange={(event) => set({ below: event.target.value ? { competency: event.target.value as Competency, level: filter.below?.level ?? 'Satisfactory' } : undefined })}>
          <option value="">Any competency</option>
          {RUBRIC.competencies.map((competency) => (
            <option key={competency.id} value={competency.id}>
              {competency.title}
            </option>
          ))}
        </select>
        <select aria-label="Below level" value={filter.below?.level ?? 'Satisfactory'} disabled={!filter.below} onChange={(event) => filter.below && set({ below: { ...filter.below, level: event.target.value as 'Satisfactory' | 'Superior' } })}>
          <option value="Satisfactory">below Satisfactory</option>
          <option value="Superior">below Superior</option>
        </select>
      </fieldset>
      <div className="saved-filters">
        <label>
          Save these filters as
          <input value={saveName} onChange={(event) => setSaveName(event.target.value)} />
        </label>
        <button type="button" className="button" disabled={!saveName.trim()} onClick={() => { saveFilter(saveName.trim(), filter); setSaveName(''); }}>
          Save filters
        </button>
        {savedFilters.length > 0 && (
          <ul aria-label="Saved filters">
            {savedFilters.map((saved) => (
              <li key={saved.name}>
                <button type="button" className="link-button" onClick={() => onFilter(saved.filter)}>
                  {saved.name}
                </button>{' '}
                <button type="button" className="link-button" aria-label={`Forget the saved filter ${saved.name}`} onClick={() => removeFilter(saved.name)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {Object.keys(filter).length > 0 && (
          <button type="button" className="link-button" onClick={() => onFilter({})}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
