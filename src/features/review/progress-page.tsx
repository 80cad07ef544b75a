import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { traineeProgress, type TraineeProgress } from '../../engine/records/progress';
import { RUBRIC } from '../../engine/scoring/rubric';
import { listSummaries } from '../../lib/storage/summaries';
import { LineChart } from './line-chart';

const COLORS = ['#0b5cad', '#a3261b', '#1d6b36', '#7a4fa0', '#b35c00', '#00796b', '#5d4037'];

/** One trainee's progress: competencies over time, results per scenario, and mastery of the checklist rows. Printable. */
export function ProgressPage({ traineeName }: { traineeName: string }) {
  const [progress, setProgress] = useState<TraineeProgress | null>(null);
  useEffect(() => {
    let live = true;
    void listSummaries({ filter: { traineeName, status: 'scored' } }).then((page) => live && setProgress(traineeProgress(page.items, traineeName)));
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
  const { minLevel, minScenarios, rule } = RUBRIC.mastery;
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
        {rule} (now: {minLevel} or better in {minScenarios} scenarios.)
      </p>
      <table className="progress-table">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">What it asks</th>
            <th scope="col">Reached in</th>
            <th scope="col">Mastered</th>
          </tr>
        </thead>
        <tbody>
          {progress.mastery.map((m) => (
            <tr key={m.row.clause}>
              <th scope="row">{m.row.clause}</th>
              <td>{m.row.text}</td>
              <td>{m.reachedIn.map((r) => `${RUBRIC.competencies.find((c) => c.id === r.competency)?.title}: ${r.scenarios.length ? r.scenarios.join(', ') : 'not yet'}`).join('; ')}</td>
              <td>{m.mastered ? 'Yes' : 'Not yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
