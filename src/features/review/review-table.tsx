import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'wouter';
import type { ReviewQuery, ReviewSortKey } from '../../engine/records/review-query';
import type { SessionSummary } from '../../engine/records/summary';
import { RUBRIC } from '../../engine/scoring/rubric';
import { REVIEW_STATUS_TEXT } from './review-filters';

const ROW_HEIGHT = 40;

const SHORT_TITLES: Record<string, string> = {
  opening: 'Open',
  listening: 'Listen',
  deescalation: 'De-esc',
  information: '5W',
  resolution: 'Resolve',
  closing: 'Close',
  documentation: 'Notes',
};

interface Column {
  key: ReviewSortKey;
  label: string;
  title?: string;
  cell: (row: SessionSummary) => string | number;
}

const COLUMNS: Column[] = [
  { key: 'traineeName', label: 'Trainee', cell: (row) => row.traineeName },
  { key: 'scenarioTitle', label: 'Scenario', cell: (row) => row.scenarioTitle },
  { key: 'startedAt', label: 'Date', cell: (row) => row.startedAt.slice(0, 16).replace('T', ' ') },
  { key: 'replyMode', label: 'Replies', cell: (row) => (row.replyMode === 'open' ? 'Own words' : 'Prepared') },
  { key: 'outcome', label: 'Ending', cell: (row) => row.ending?.outcome ?? '—' },
  { key: 'overall', label: 'Score', cell: (row) => row.overall ?? '—' },
  ...RUBRIC.competencies.map((competency): Column => ({
    key: `competency:${competency.id}`,
    label: SHORT_TITLES[competency.id] ?? competency.title,
    title: competency.title,
    cell: (row) => row.competencies[competency.id]?.score ?? '—',
  })),
  { key: 'reviewStatus', label: 'Review', cell: (row) => REVIEW_STATUS_TEXT[row.reviewStatus] },
];

/**
 * Every matching session as one table, with only the rows in view in the
 * page: 10,000 sessions scroll as smoothly as ten. The header sorts by any
 * column; the first cell of each row links to the session's review.
 */
export function ReviewTable({ rows, sort, onSort }: { rows: SessionSummary[]; sort: NonNullable<ReviewQuery['sort']>; onSort: (sort: NonNullable<ReviewQuery['sort']>) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div className="review-table-scroller" ref={scroller} tabIndex={0} aria-label="Sessions (scroll for more)" role="region">
      <table className="review-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">Sessions, sorted by {COLUMNS.find((c) => c.key === sort.key)?.title ?? COLUMNS.find((c) => c.key === sort.key)?.label} {sort.direction === 'asc' ? 'ascending' : 'descending'}</caption>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <th key={column.key} scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined} title={column.title}>
                  <button type="button" className="sort-button" onClick={() => onSort({ key: column.key, direction: active && sort.direction === 'desc' ? 'asc' : 'desc' })}>
                    {column.label}
                    <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" style={{ height: top }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }} className={row.reviewStatus === 'disputed' ? 'row-disputed' : undefined}>
                {COLUMNS.map((column, index) =>
                  index === 0 ? (
                    <th key={column.key} scope="row">
                      <Link href={`/review/${row.id}`}>{column.cell(row)}</Link>
                    </th>
                  ) : (
                    <td key={column.key}>{column.cell(row)}</td>
                  ),
                )}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" style={{ height: bottom }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
