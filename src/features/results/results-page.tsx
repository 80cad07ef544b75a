import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { loadScenario } from '../../lib/scenarios';
import { downloadSession, loadSession, type StoredSession } from '../../lib/session-store';
import { UnsavedWorkNotice } from '../../components/unsaved-work-notice';
import { AnnotatedTranscript } from './annotated-transcript';
import { CallReplay } from './call-replay';
import { ReviewFeedback } from './review-feedback';
import { ModelCall } from './model-call';
import { FindingLine, ScorecardView } from './scorecard-view';
import { dateTime } from '../../components/date-time';

const NOTE_FIELDS = ['who', 'what', 'when', 'where', 'why', 'action'] as const;

export function ResultsPage({ sessionId }: { sessionId: string }) {
  const [session, setSession] = useState<StoredSession | null | undefined>(undefined);
  const [scenario, setScenario] = useState<Scenario | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const scored = Boolean(session?.scorecard && scenario);
  // Arriving at the scorecard, focus goes to its heading, not the page body.
  useEffect(() => {
    if (scored) heading.current?.focus();
  }, [scored]);
  useEffect(() => {
    let live = true;
    void loadSession(sessionId).then(async (found) => {
      const script = found ? await loadScenario(found.scenarioId) : undefined;
      if (!live) return;
      setScenario(script);
      setSession(found ?? null);
    });
    return () => {
      live = false;
    };
  }, [sessionId]);

  if (session === undefined) return <p role="status">Loading the scorecard…</p>;
  if (session === null) {
    return (
      <section>
        <h1>Results not found</h1>
        <UnsavedWorkNotice sessionId={sessionId} shown={null} />
        <p>
          This session is not in this browser’s storage. <Link href="/history">See your history</Link>.
        </p>
      </section>
    );
  }
  if (!scenario) {
    return (
      <section>
        <h1>Scenario not installed</h1>
        <p>
          The scenario “{session.scenarioTitle}” is no longer installed, so its scorecard cannot be shown. You can still{' '}
          <button type="button" className="link-button" onClick={() => downloadSession(session)}>
            download the session
          </button>
          .
        </p>
      </section>
    );
  }
  if (!session.scorecard) {
    return (
      <section>
        <h1>Not scored yet</h1>
        <UnsavedWorkNotice sessionId={sessionId} shown={session} />
        <p>
          This call has not been scored. <Link href={`/call/${session.id}`}>Return to the call</Link> to finish it.
        </p>
      </section>
    );
  }
  const { scorecard, record } = session;
  const notesFindings = scorecard.competencies.flatMap((c) => c.behaviours.flatMap((b) => b.findings.filter((f) => f.notesField)));

  return (
    <article className="results" aria-labelledby="results-heading">
      <header className="results-header">
        <h1 id="results-heading" tabIndex={-1} ref={heading}>
          Your scorecard: {scenario.title}
        </h1>
        <p className="overall">
          <span className="overall-score">{scorecard.overall}</span>
          <span> / 100 overall, </span>
          <strong>{scorecard.level}</strong>
        </p>
        {scorecard.cap && <p className="notice notice-warning">{scorecard.cap.reason}</p>}
        <p>
          {session.traineeName} · {dateTime(session.startedAt)} · {scorecard.ending ? `Ending: ${scorecard.ending.title} (${scorecard.ending.outcome})` : 'The call did not end'}
        </p>
        <div className="control-row no-print">
          <Link href={`/briefing/${scenario.id}`} className="button primary">
            Try again
          </Link>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" onClick={() => downloadSession(session)}>
            Download session
          </button>
          <Link href="/history" className="button">
            History
          </Link>
        </div>
      </header>
      <ReviewFeedback session={{ ...session, scorecard }} />
      <ScorecardView scorecard={scorecard} />
      <section className="card" aria-labelledby="notes-review-heading">
        <h2 id="notes-review-heading">Your call notes</h2>
        <dl className="facts">
          {NOTE_FIELDS.map((field) => (
            <div key={field}>
              <dt>{field === 'action' ? 'Action taken' : field[0]!.toUpperCase() + field.slice(1)}</dt>
              <dd>{record.notes[field] || <span className="muted">(left blank)</span>}</dd>
            </div>
          ))}
        </dl>
        {notesFindings.length > 0 && (
          <ul className="findings">
            {notesFindings.map((finding, i) => (
              <FindingLine key={i} finding={finding} />
            ))}
          </ul>
        )}
      </section>
      <div className="side-by-side">
        <AnnotatedTranscript transcript={record.transcript} scorecard={scorecard} customerName={scenario.persona.name} />
        <ModelCall scenario={scenario} />
      </div>
      <div className="no-print">
        <CallReplay transcript={record.transcript} scenario={scenario} />
      </div>
    </article>
  );
}
