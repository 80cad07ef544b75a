/**
 * The checker's report, on demand (it plays many routes, which takes a few
 * seconds): endings with their shortest routes, the best and worst score and
 * whether each is exact, why the best is not 100, unused replies, and where
 * the way to the best ending is blocked.
 */
import { useState } from 'react';
import { reportScenario, type ScenarioReport } from '../../engine/scenario/scenario-report';
import type { Scenario } from '../../engine/scenario/scenario-schema';

export function AnalysisPanel({ scenario }: { scenario: Scenario }) {
  const [report, setReport] = useState<ScenarioReport | null>(null);
  const [running, setRunning] = useState(false);
  const run = () => {
    setRunning(true);
    // Let the "Analysing…" status paint before the search holds the thread.
    setTimeout(() => {
      setReport(reportScenario(scenario));
      setRunning(false);
    }, 30);
  };
  return (
    <div className="analysis">
      <button type="button" onClick={run} disabled={running}>
        {report ? 'Analyse again' : 'Analyse routes and scores'}
      </button>
      <p role="status" className="muted">
        {running ? 'Analysing: playing every route…' : ''}
      </p>
      {report && (
        <>
          <h3>Endings</h3>
          <ul>
            {report.endings.map((ending) => (
              <li key={ending.state}>
                <strong>{ending.state}</strong> [{ending.ending.outcome}
                {ending.ending.best ? ', best' : ''}] {ending.ending.title}: {ending.reached ? ending.shortest.join(' → ') : 'not reached by prepared replies'}
              </li>
            ))}
          </ul>
          <h3>Scores</h3>
          {report.best && (
            <p>
              Best: <strong>{report.best.score}</strong>, {report.best.basis}. Route: {report.best.route}
            </p>
          )}
          {report.whyNot100.length > 0 && (
            <ul aria-label="Why not 100">
              {report.whyNot100.map((point, i) => (
                <li key={i}>
                  −{point.lost} {point.competency} / {point.behaviour}: {point.note}
                </li>
              ))}
            </ul>
          )}
          {report.worst && (
            <p>
              Worst: <strong>{report.worst.score}</strong>, {report.worst.basis}. Route: {report.worst.route}
            </p>
          )}
          {report.unusedReplies.length > 0 && <p>Replies no reachable state offers: {report.unusedReplies.map((reply) => reply.id).join(', ')}</p>}
          {report.blocked.length > 0 && (
            <ul aria-label="Where the way to the best ending is blocked">
              {report.blocked.map((step, i) => (
                <li key={i}>
                  In {step.state}: {step.at} → {step.target} needs “{step.guard}”
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
