import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { effectiveEntries, latestVerdict, ReviewError, reviewStatus, type ReviewChange, type ReviewEntry } from '../../engine/records/review-log';
import { reviewedScorecard } from '../../engine/records/reviewed-scorecard';
import type { StoredSession } from '../../engine/records/stored-session';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import type { Scorecard } from '../../engine/scoring/scorer';
import { addReviewEntry, loadReview } from '../../lib/review-store';
import { loadScenario } from '../../lib/scenarios';
import { loadSession } from '../../lib/session-store';
import { REVIEW_STATUS_TEXT } from './review-filters';
import { MoodChart } from './mood-chart';
import { NotesBesideFacts } from './notes-beside-facts';
import { ReviewLogView } from './review-log-view';
import { ReviewScorecard } from './review-scorecard';
import { ReviewTranscript } from './review-transcript';
import { useReviewer } from './reviewer';
import { ReviewerName } from './reviewer-name';
import { VerdictForm } from './verdict-form';
import { dateTime } from '../../components/date-time';

type Scored = StoredSession & { scorecard: Scorecard };

/** One call, reviewed: the scorecard beside the annotated transcript, and every review entry with who made it. */
export function SessionReviewPage({ sessionId }: { sessionId: string }) {
  const [session, setSession] = useState<Scored | null | undefined>(undefined);
  const [scenario, setScenario] = useState<Scenario | undefined>();
  const [log, setLog] = useState<ReviewEntry[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const reviewer = useReviewer((state) => state.name);

  useEffect(() => {
    let live = true;
    void (async () => {
      const found = await loadSession(sessionId);
      const [script, entries] = found ? await Promise.all([loadScenario(found.scenarioId), loadReview(sessionId)]) : [undefined, []];
      if (!live) return;
      setScenario(script);
      setLog(entries);
      setSession(found?.scorecard ? (found as Scored) : null);
    })();
    return () => {
      live = false;
    };
  }, [sessionId]);

  /** Adds an entry signed by the reviewer; returns an error message for the form, or null. */
  const add = useCallback(
    async (change: ReviewChange, done: string): Promise<string | null> => {
      if (!session) return 'The session is not loaded';
      if (!reviewer) return 'Enter your name above first: every review entry is signed.';
      const entry = { ...change, id: crypto.randomUUID(), sessionId: session.id, author: { name: reviewer, role: 'supervisor' as const }, at: new Date().toISOString() } as ReviewEntry;
      try {
        setLog(await addReviewEntry(session, entry));
        setAnnouncement(done);
        return null;
      } catch (error) {
        if (error instanceof ReviewError) return error.message;
        throw error;
      }
    },
    [session, reviewer],
  );

  if (session === undefined) return <p role="status">Loading the session…</p>;
  if (session === null) {
    return (
      <section>
        <h1>Session not found</h1>
        <p>
          There is no scored session {sessionId} in this browser. <Link href="/review">Back to the review</Link>.
        </p>
      </section>
    );
  }
  const reviewed = reviewedScorecard(session.scorecard, log);
  const verdict = latestVerdict(log);
  const comments = effectiveEntries(log).filter((entry) => entry.kind === 'comment' || entry.kind === 'correction' || entry.kind === 'dispute');

  return (
    <article className="session-review" aria-labelledby="session-review-heading">
      <p className="no-print">
        <Link href="/review">← All sessions</Link>
      </p>
      <h1 id="session-review-heading">
        {session.traineeName}: {session.scenarioTitle}
      </h1>
      <p>
        {dateTime(session.startedAt)} · {session.replyMode === 'open' ? 'own words' : 'prepared replies'} · {session.scorecard.ending ? `Ending: ${session.scorecard.ending.title} (${session.scorecard.ending.outcome})` : 'The call did not end'} ·{' '}
        <strong>{REVIEW_STATUS_TEXT[reviewStatus(log)]}</strong>
        {verdict && <> · Verdict: {verdict.verdict === 'pass' ? 'pass' : `another attempt${verdict.retryScenarioId ? ` (${verdict.retryScenarioId})` : ''}`}</>}
      </p>
      <p className="overall">
        <span className="overall-score">{reviewed.scorecard.overall}</span> / 100, <strong>{reviewed.scorecard.level}</strong>
        {reviewed.scorecard.overall !== reviewed.computedOverall && <span className="muted"> (computed: {reviewed.computedOverall}, changed by overrides)</span>}
      </p>
      <p className="no-print">
        <Link href={`/review/trainee/${encodeURIComponent(session.traineeName)}`}>{session.traineeName}’s progress</Link>
      </p>
      <ReviewerName />
      <MoodChart transcript={session.record.transcript} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="review-columns">
        <ReviewScorecard reviewed={reviewed} onOverride={add} />
        <ReviewTranscript session={session} scenario={scenario} comments={comments} onAdd={add} />
      </div>
      <NotesBesideFacts scorecard={session.scorecard} notes={session.record.notes} />
      <VerdictForm onAdd={add} currentScenarioId={session.scenarioId} />
      <ReviewLogView log={log} onAdd={add} />
    </article>
  );
}
