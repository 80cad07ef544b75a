import { useEffect, useId, useState } from 'react';
import { effectiveEntries, latestVerdict, ReviewError, type ReviewEntry } from '../../engine/records/review-log';
import { reviewedScorecard } from '../../engine/records/reviewed-scorecard';
import type { StoredSession } from '../../engine/records/stored-session';
import type { Scorecard } from '../../engine/scoring/scorer';
import { addReviewEntry, loadReview } from '../../lib/review-store';
import { activeConnection } from '../../lib/xapi/lrs-settings';

/**
 * What a supervisor said about this call: comments, score overrides with
 * their reasons, the verdict. The trainee acknowledges it or disputes a
 * finding with a comment, which puts the call back in the supervisor's queue.
 */
export function ReviewFeedback({ session }: { session: StoredSession & { scorecard: Scorecard } }) {
  const [log, setLog] = useState<ReviewEntry[] | null>(null);
  const [status, setStatus] = useState('');
  const [disputing, setDisputing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Whether the last look at the team records failed, and how many times the trainee asked to look again. */
  const [lookFailed, setLookFailed] = useState(false);
  const [looks, setLooks] = useState(0);
  const textId = useId();

  useEffect(() => {
    let live = true;
    void (async () => {
      const local = await loadReview(session.id);
      if (!live) return;
      setLog(local);
      const connection = activeConnection();
      if (!connection) return;
      setLookFailed(false);
      setStatus('Checking the team records for feedback from your supervisor…');
      try {
        // Only in team mode: checking what the LRS sends needs the records schema, which a lone trainee's page never loads.
        const { fetchReviewFromLrs } = await import('../../lib/records-import');
        const { added } = await fetchReviewFromLrs(connection, session);
        if (!live) return;
        if (added) setLog(await loadReview(session.id));
        setStatus(added ? `${added} new review ${added === 1 ? 'entry' : 'entries'} from your supervisor.` : '');
      } catch (problem) {
        if (!live) return;
        setStatus(`Could not check the team records for feedback: ${(problem as Error).message}`);
        setLookFailed(true);
      }
    })();
    return () => {
      live = false;
    };
    // The results page passes a fresh object each render; the call it names is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.id, looks]);

  /** The outcome of the last look at the team records and, when it failed, a way to look again (the LRS may be back). */
  const lookStatus = (
    <>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {lookFailed && (
        <button type="button" className="button no-print" onClick={() => setLooks((count) => count + 1)}>
          Check again
        </button>
      )}
    </>
  );

  if (!log) return null;
  const entries = effectiveEntries(log);
  const fromSupervisor = entries.filter((entry) => entry.author.role === 'supervisor');
  if (!fromSupervisor.length) return status ? lookStatus : null;
  const reviewed = reviewedScorecard(session.scorecard, log);
  const verdict = latestVerdict(log);
  const lastSupervisorAt = fromSupervisor.at(-1)!.at;
  const answered = entries.some((entry) => entry.author.role === 'trainee' && entry.at >= lastSupervisorAt);

  const add = async (change: { kind: 'acknowledge'; of: null } | { kind: 'dispute'; of: null; text: string }, done: string) => {
    const entry = { ...change, id: crypto.randomUUID(), sessionId: session.id, author: { name: session.traineeName, role: 'trainee' as const }, at: new Date().toISOString() } as ReviewEntry;
    try {
      setLog(await addReviewEntry(session, entry));
      setStatus(done);
      setError(null);
      setDisputing(false);
      setText('');
    } catch (problem) {
      if (problem instanceof ReviewError) setError(problem.message);
      else throw problem;
    }
  };

  return (
    <section className="review-feedback" aria-labelledby="review-feedback-heading">
      <h2 id="review-feedback-heading">Your supervisor’s review</h2>
      {reviewed.scorecard.overall !== reviewed.computedOverall && (
        <p>
          Reviewed score: <strong>{reviewed.scorecard.overall}</strong> / 100 ({reviewed.scorecard.level}); computed: {reviewed.computedOverall}.
        </p>
      )}
      {verdict && (
        <p>
          Verdict from {verdict.author.name}: <strong>{verdict.verdict === 'pass' ? 'pass' : 'another attempt needed'}</strong>
          {verdict.retryScenarioId && <> (retry: {verdict.retryScenarioId})</>}
          {verdict.text && <>: “{verdict.text}”</>}
        </p>
      )}
      <ul>
        {reviewed.overrides.map((override) => (
          <li key={override.entryId}>
            {override.by} changed {override.target.behaviour ?? override.target.competency} from {override.computed ?? 'not assessed'} to {override.score}: “{override.reason}”
          </li>
        ))}
        {fromSupervisor
          .filter((entry) => entry.kind === 'comment')
          .map((entry) => entry.kind === 'comment' && (
            <li key={entry.id}>
              {entry.author.name} on {entry.turn === null ? 'the call' : `turn ${entry.turn + 1}`}: “{entry.text}”
            </li>
          ))}
      </ul>
      {answered ? (
        <p className="muted">You have answered this review.</p>
      ) : disputing ? (
        <form onSubmit={(event) => { event.preventDefault(); void add({ kind: 'dispute', of: null, text: text.trim() }, 'Your dispute was sent to your supervisor.'); }}>
          <label htmlFor={textId}>What do you disagree with, and why?</label>
          <textarea id={textId} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
          {error && <p className="field-error" role="alert">{error}</p>}
          <div className="control-row">
            <button type="submit" className="button primary">
              Send dispute
            </button>
            <button type="button" className="button" onClick={() => setDisputing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="control-row no-print">
          <button type="button" className="button primary" onClick={() => void add({ kind: 'acknowledge', of: null }, 'Acknowledged.')}>
            Acknowledge
          </button>
          <button type="button" className="button" onClick={() => setDisputing(true)}>
            Dispute…
          </button>
        </div>
      )}
      {lookStatus}
    </section>
  );
}
