import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { reviewRows, type ReviewFilter, type ReviewQuery } from '../../engine/records/review-query';
import type { SessionSummary } from '../../engine/records/summary';
import { listSummaries, newestSummaries, onSummariesChanged, summaryFacets } from '../../lib/storage/summaries';
import { sessionsSaying } from '../../lib/storage/transcript-search';
import { ReviewFilters, type Facets } from './review-filters';
import { ReviewTable } from './review-table';
import { ReviewerName } from './reviewer-name';
import { TeamRecords } from './team-records';

/** How long typing may pause before the transcripts are searched, so a search does not run on every key. */
const SEARCH_PAUSE_MS = 200;
/** Calls read for the first screen while every summary is read: a screenful once the unscored are left out. */
const FIRST_SCREEN = 60;

/** The supervisor's queue: every scored session this browser knows, to filter, sort and open. */
export function ReviewPage() {
  const [all, setAll] = useState<SessionSummary[] | null>(null);
  // The newest scored calls, shown while every summary is still being read (thousands take a while).
  const [newest, setNewest] = useState<SessionSummary[] | null>(null);
  const [facets, setFacets] = useState<Facets>({ traineeNames: [], scenarios: [] });
  const [filter, setFilter] = useState<ReviewFilter>({});
  const [sort, setSort] = useState<NonNullable<ReviewQuery['sort']>>({ key: 'startedAt', direction: 'desc' });

  useEffect(() => {
    let live = true;
    void newestSummaries(FIRST_SCREEN).then((first) => live && first && setNewest(first.filter((summary) => summary.status === 'scored')));
    const load = async () => {
      const [page, names] = await Promise.all([listSummaries({ filter: { status: 'scored' } }), summaryFacets()]);
      if (!live) return;
      setAll(page.items);
      setFacets(names);
    };
    void load();
    const stop = onSummariesChanged(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, []);

  // The transcript search asks storage, so it answers a moment later; until then the last answer stays and the count says so.
  const said = filter.said?.trim() ?? '';
  const [saying, setSaying] = useState<{ said: string; ids: Set<string> | null } | null>(null);
  useEffect(() => {
    if (!said) return;
    let live = true;
    const timer = setTimeout(() => void sessionsSaying(said).then((ids) => live && setSaying({ said, ids })), SEARCH_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [said, all]);
  const searching = said !== '' && saying?.said !== said;
  const ids = said ? (saying?.ids ?? undefined) : undefined;

  const rows = useMemo(() => reviewRows(all ?? newest ?? [], { filter, sort, saying: ids }), [all, newest, filter, sort, ids]);

  return (
    <section className="review-page" aria-labelledby="review-heading">
      <h1 id="review-heading">Review</h1>
      <ReviewerName />
      <TeamRecords rows={rows} />
      <ReviewFilters filter={filter} facets={facets} onFilter={setFilter} />
      {filter.traineeName && (
        <p>
          <Link href={`/review/trainee/${encodeURIComponent(filter.traineeName)}`}>See {filter.traineeName}’s progress</Link>
        </p>
      )}
      {all === null && newest?.length ? (
        <>
          <p role="status" className="review-count">
            Showing the newest scored sessions while the rest are read…
          </p>
          <ReviewTable rows={rows} sort={sort} onSort={setSort} />
        </>
      ) : all === null ? (
        <p role="status">Loading sessions…</p>
      ) : (
        <>
          <p role="status" aria-live="polite" className="review-count">
            {searching
              ? 'Searching what was said in the calls…'
              : rows.length === all.length
                ? `${all.length.toLocaleString('en-US')} scored sessions`
                : `${rows.length.toLocaleString('en-US')} of ${all.length.toLocaleString('en-US')} scored sessions match`}
          </p>
          {all.length === 0 ? (
            <p className="empty-state">No scored sessions yet. Calls taken in this browser appear here once scored; import a bundle or load the team’s calls from the LRS to review others.</p>
          ) : rows.length === 0 && searching ? null : rows.length === 0 ? (
            <p className="empty-state">
              {said && Object.keys(filter).length === 1
                ? `No call’s transcript has words beginning with “${said.split(/\s+/).join('”, “')}”. Try fewer or shorter words.`
                : said
                  ? `No session matches these filters with “${said}” said in the call. Try fewer words or clear a filter.`
                  : 'No session matches these filters.'}
            </p>
          ) : (
            <ReviewTable rows={rows} sort={sort} onSort={setSort} />
          )}
        </>
      )}
    </section>
  );
}
