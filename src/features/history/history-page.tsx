/**
 * Past calls, read from the session summaries only (never a transcript), a
 * page at a time, with filter and sort; deleting offers undo. Stays quick
 * with ten thousand stored calls (see npm run bench).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { dateTime } from '../../components/date-time';
import type { SummaryFilter, SummaryPage } from '../../engine/records/summary-query';
import type { SessionSummary } from '../../engine/records/summary';
import { deleteSession, downloadSession, loadSession, restoreSession, type StoredSession } from '../../lib/session-store';
import { listSummaries, newestSummaries, newestSummariesReadEarly, onSummariesChanged, summaryFacets } from '../../lib/storage/summaries';
import { HistoryFilters, SORTS, STATUS_TEXT, type Facets, type SortName } from './history-filters';
import { HISTORY_PAGE_SIZE as PAGE_SIZE } from './page-size';


/** A page whose total is not known yet: the newest calls, shown while the rest are read. */
type ShownPage = SummaryPage | { items: SessionSummary[]; total: null; offset: 0 };

/** Resolves after the next paint (at once in a hidden tab, where frames wait for it to be shown). */
function afterPaint(): Promise<void> {
  return new Promise((painted) => {
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(painted, 0));
    else setTimeout(painted, 0);
  });
}

function when(summary: SessionSummary) {
  return dateTime(summary.startedAt);
}

export function HistoryPage() {
  const [filter, setFilter] = useState<SummaryFilter>({});
  const [sort, setSort] = useState<SortName>('newest');
  const [offset, setOffset] = useState(0);
  // Rows at the first render when the app read them while it started (History opened by address).
  const [page, setPage] = useState<ShownPage | null>(() => {
    const newest = newestSummariesReadEarly(PAGE_SIZE);
    return newest?.length ? { items: newest, total: null, offset: 0 } : null;
  });
  const shownEarly = useRef(page !== null);
  const [facets, setFacets] = useState<Facets>({ traineeNames: [], scenarios: [] });
  const [removed, setRemoved] = useState<StoredSession | null>(null);
  const [changes, setChanges] = useState(0);
  const undoButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => onSummariesChanged(() => setChanges((count) => count + 1)), []);
  useEffect(() => {
    let live = true;
    const firstScreen = offset === 0 && sort === 'newest' && !Object.values(filter).some((value) => value !== undefined);
    const earlyRows = shownEarly.current;
    shownEarly.current = false;
    void (async () => {
      // The newest calls first, in one small read; then every summary, which the count, filters and sorts need.
      const newest = firstScreen && !earlyRows ? await newestSummaries(PAGE_SIZE) : null;
      if (live && newest?.length) setPage((shown) => (shown && shown.total !== null ? shown : { items: newest, total: null, offset: 0 }));
      // Let those rows paint before the browser spends a while unpacking every summary.
      if (live && (newest?.length || earlyRows)) await afterPaint();
      const next = await listSummaries({ filter, sort: SORTS[sort].sort, offset, limit: PAGE_SIZE });
      if (!live) return;
      // A deletion can empty the last page: step back to the one before.
      if (next.items.length === 0 && next.total > 0 && offset > 0) setOffset(Math.max(0, (Math.ceil(next.total / PAGE_SIZE) - 1) * PAGE_SIZE));
      else setPage(next);
    })();
    return () => {
      live = false;
    };
  }, [filter, sort, offset, changes]);

  useEffect(() => {
    let live = true;
    void summaryFacets().then((next) => live && setFacets(next));
    return () => {
      live = false;
    };
  }, [changes]);

  const changeFilter = useCallback((next: SummaryFilter) => {
    setFilter(next);
    setOffset(0);
  }, []);
  const changeSort = useCallback((next: SortName) => {
    setSort(next);
    setOffset(0);
  }, []);

  const remove = async (summary: SessionSummary) => {
    const session = await deleteSession(summary.id);
    if (!session) return;
    setRemoved(session);
    requestAnimationFrame(() => undoButton.current?.focus());
  };
  const undo = async () => {
    if (!removed) return;
    setRemoved(null);
    await restoreSession(removed);
    heading.current?.focus();
  };
  const download = async (summary: SessionSummary) => {
    const session = await loadSession(summary.id);
    if (session) downloadSession(session);
  };

  const filtered = Object.values(filter).some((value) => value !== undefined);
  return (
    <section aria-labelledby="history-heading">
      <h1 id="history-heading" ref={heading} tabIndex={-1}>
        Your calls
      </h1>
      {removed && (
        <div className="notice" role="status">
          Deleted the call “{removed.scenarioTitle}” of {dateTime(removed.startedAt)}.{' '}
          <button ref={undoButton} type="button" className="link-button" onClick={undo}>
            Undo
          </button>
        </div>
      )}
      {page === null ? (
        <p role="status">Loading your calls…</p>
      ) : page.total === 0 && !filtered ? (
        <p className="empty">
          No calls yet. <Link href="/">Choose a scenario</Link> to take your first call.
        </p>
      ) : (
        <>
          <HistoryFilters filter={filter} sort={sort} facets={facets} onFilter={changeFilter} onSort={changeSort} />
          <p role="status" className="history-count">
            {page.total === null
              ? `Showing the ${page.items.length} most recent calls; counting the others…`
              : page.total === 0
                ? 'No calls match these filters.'
                : `Showing ${(page.offset + 1).toLocaleString('en-US')}–${(page.offset + page.items.length).toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')} calls`}
          </p>
          {page.items.length > 0 && <HistoryTable items={page.items} onDelete={remove} onDownload={download} sortLabel={SORTS[sort].label} />}
          {page.total !== null && page.total > PAGE_SIZE && (
            <nav className="control-row pager" aria-label="Pages">
              <button type="button" disabled={page.offset === 0} onClick={() => setOffset(Math.max(0, page.offset - PAGE_SIZE))}>
                Previous page
              </button>
              <span>
                Page {Math.floor(page.offset / PAGE_SIZE) + 1} of {Math.ceil(page.total / PAGE_SIZE)}
              </span>
              <button type="button" disabled={page.offset + PAGE_SIZE >= page.total} onClick={() => setOffset(page.offset + PAGE_SIZE)}>
                Next page
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function HistoryTable({ items, sortLabel, onDelete, onDownload }: { items: SessionSummary[]; sortLabel: string; onDelete: (summary: SessionSummary) => void; onDownload: (summary: SessionSummary) => void }) {
  return (
    <table className="history-table">
      {/* For screen readers, which name a table by its caption; the Sort box above already shows the order. */}
      <caption className="visually-hidden">Your calls, sorted: {sortLabel}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Trainee</th>
          <th scope="col">Scenario</th>
          <th scope="col">Status</th>
          <th scope="col">Score</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {items.map((summary) => (
          <HistoryRow key={summary.id} summary={summary} onDelete={onDelete} onDownload={onDownload} />
        ))}
      </tbody>
    </table>
  );
}

function HistoryRow({ summary, onDelete, onDownload }: { summary: SessionSummary; onDelete: (summary: SessionSummary) => void; onDownload: (summary: SessionSummary) => void }) {
  const started = when(summary);
  return (
    <tr>
      <td>{started}</td>
      <td>{summary.traineeName}</td>
      <td>{summary.scenarioTitle}</td>
      <td>{STATUS_TEXT[summary.status]}</td>
      <td>{summary.overall === null ? '—' : `${summary.overall} (${summary.level})`}</td>
      <td className="actions">
        {summary.status === 'scored' ? <Link href={`/results/${summary.id}`}>Scorecard</Link> : <Link href={`/call/${summary.id}`}>Continue</Link>}
        <button type="button" className="link-button" onClick={() => onDownload(summary)}>
          Download
        </button>
        <button type="button" className="link-button danger" onClick={() => onDelete(summary)} aria-label={`Delete the call ${summary.scenarioTitle} of ${started}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}
