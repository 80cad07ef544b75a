import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { traineeProgress, type TraineeProgress } from '../../engine/records/progress';
import { CHECKLIST } from '../../engine/scoring/checklist';
import { RUBRIC } from '../../engine/scoring/rubric';
import { SCENARIO_SUMMARIES, summaryById } from '../../lib/scenarios';
import { listSummaries } from '../../lib/storage/summaries';
import { LineChart } from './line-chart';

const COLORS = ['#0b5cad', '#a3261b', '#1d6b36', '#7a4fa0', '#b35c00', '#00796b', '#5d4037'];

/** One trainee's progress: competencies over time, results per scenario, and mastery of the checklist rows. Printable. */
export function ProgressPage({ traineeName }: { traineeName: string }) {
  const [progress, setProgress] = useState<TraineeProgress | null>(null);
  useEffect(() => {
    let live = true;
    void listSummaries({ filter: { traineeName, status: 'scored' } }).then((page) => live && setProgress(traineeProgress(page.items, traineeName, rowsOf)));
    return () => {
      live = false;
    };
  }, [traineeName]);
  const x = useMemo(() => progress?.timeline.map((_point, index) => index + 1) ?? [], [progress]);
  const series = useMemo(
    () => RUBRIC.competencies.map((competency, index) => ({ label: competency.title, color: COLORS[index % COLORS.length]!, values: progress?.timeline.map((point) => point.competencies[competency.id] ?? null) ?? [] })),
    [progress],
  );

  if (!progress) return <p role="status">Loading progress…</p>;
  return (
    <article className="progress-page" aria-labelledby="progress-heading">
      <p className="no-print">
        <Link href="/review">← All sessions</Link>{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          Print the progress report
        </button>
      </p>
      <h1 id="progress-heading">Progress: {traineeName}</h1>
      {progress.timeline.length === 0 ? (
        <p className="empty-state">No scored calls for {traineeName} in this browser.</p>
      ) : (
        <>
          <p>
            {progress.timeline.length} scored {progress.timeline.length === 1 ? 'call' : 'calls'} from {new Date(progress.timeline[0]!.startedAt).toLocaleDateString()} to {new Date(progress.timeline.at(-1)!.startedAt).toLocaleDateString()}.
          </p>
          <LineChart title="Each competency, call by call" xLabel="Call" x={x} xText={(n) => `#${n}`} series={series} wholeX />
          <h2>By scenario</h2>
          <table className="progress-table">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Attempts</th>
                <th scope="col">Best</th>
                <th scope="col">Latest</th>
              </tr>
            </thead>
            <tbody>
              {progress.scenarios.map((s) => (
                <tr key={s.scenarioId}>
                  <th scope="row">{s.scenarioTitle}</th>
                  <td>{s.attempts}</td>
                  <td>
                    <Link href={`/review/${s.best.id}`}>{s.best.overall}</Link> {s.best.level}
                  </td>
                  <td>
                    <Link href={`/review/${s.latest.id}`}>{s.latest.overall}</Link> {s.latest.level} ({new Date(s.latest.startedAt).toLocaleDateString()})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Checklist mastery</h2>
      <p className="muted">
        {CHECKLIST.mastery.rule} A call counts for a row when its scenario covers the row.
      </p>
      <table className="progress-table">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">What it asks</th>
            <th scope="col">Shown in</th>
            <th scope="col">Mastered</th>
          </tr>
        </thead>
        <tbody>
          {progress.checklist.map(({ row, shownIn, mastered }) => (
            <tr key={row.id}>
              <th scope="row">{row.source === '004' ? `004 ${row.category}` : row.id.replace('-', ' ')}</th>
              <td>{row.text}</td>
              <td>{shownIn.length ? shownIn.map((id) => summaryById(id)?.title ?? id).join('; ') : coveredBy(row.id).length ? 'Not yet' : 'No scenario in this library covers it'}</td>
              <td>{mastered ? 'Yes' : 'Not yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function rowsOf(scenarioId: string): readonly string[] {
  return summaryById(scenarioId)?.checklist.map((row) => row.id) ?? [];
}

function coveredBy(rowId: string) {
  return SCENARIO_SUMMARIES.filter((scenario) => scenario.checklist.some((row) => row.id === rowId));
}
