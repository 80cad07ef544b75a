import { useState } from 'react';
import { ACT_LABELS, DIALOGUE_ACTS, type DialogueAct } from '../../engine/acts';
import type { ReviewEntry } from '../../engine/records/review-log';
import type { StoredSession } from '../../engine/records/stored-session';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { findingsByTurn, type Scorecard } from '../../engine/scoring/scorer';
import { TranscriptLine } from '../../components/transcript-entry';
import type { AddEntry } from './add-entry';
import { CommentForm } from './comment-form';
import { CallTimeline } from './call-timeline';

/** The transcript with what each turn was heard as and what it earned, and the review's comments beside the turns. */
export function ReviewTranscript({ session, scenario, comments, onAdd }: { session: StoredSession & { scorecard: Scorecard }; scenario: Scenario | undefined; comments: ReviewEntry[]; onAdd: AddEntry }) {
  const [open, setOpen] = useState<string | null>(null);
  const byTurn = findingsByTurn(session.scorecard);
  const customerName = scenario?.persona.name ?? 'Customer';
  return (
    <section className="review-transcript" aria-labelledby="review-transcript-heading">
      <h2 id="review-transcript-heading">Transcript</h2>
      <CallTimeline transcript={session.record.transcript} />
      <ol className="transcript">
        {session.record.transcript.map((entry, index) => {
          const findings = byTurn.get(index) ?? [];
          const here = comments.filter((c) => (c.kind === 'comment' || c.kind === 'correction') && c.turn === index);
          return (
            <li key={index} id={`review-turn-${index}`} tabIndex={-1}>
              <TranscriptLine entry={entry} customerName={customerName}>
                {entry.kind === 'trainee' && (
                  <p className="acts-heard">
                    Heard as: {entry.acts.length ? entry.acts.map((act) => ACT_LABELS[act]).join(', ') : 'no act'}
                    {entry.evidence?.length ? <span className="muted"> (from “{entry.evidence.flatMap((e) => e.words).join('”, “')}”)</span> : null}
                  </p>
                )}
                {findings.length > 0 && (
                  <ul className="findings">
                    {findings.map((finding, i) => (
                      <li key={i} className={finding.points < 0 ? 'lost' : 'won'}>
                        {finding.points > 0 ? `+${finding.points}` : finding.points} {finding.note}
                      </li>
                    ))}
                  </ul>
                )}
                {here.map((c) => (
                  <p key={c.id} className="review-comment">
                    {c.kind === 'comment' ? <>💬 {c.author.name}: {c.text}</> : c.kind === 'correction' ? <>✎ {c.author.name}: should be heard as {c.acts.map((act) => ACT_LABELS[act]).join(', ') || 'no act'}</> : null}
                  </p>
                ))}
              </TranscriptLine>
              <div className="turn-actions no-print">
                {open === `comment-${index}` ? (
                  <CommentForm label={`Comment on turn ${index + 1}`} onSubmit={(text) => onAdd({ kind: 'comment', turn: index, text }, `Comment added to turn ${index + 1}`)} onDone={() => setOpen(null)} />
                ) : (
                  <button type="button" className="link-button" aria-label={`Comment on turn ${index + 1}`} onClick={() => setOpen(`comment-${index}`)}>
                    comment
                  </button>
                )}
                {entry.kind === 'trainee' && !entry.replyId && (
                  <>
                    {' '}
                    {open === `acts-${index}` ? (
                      <ActsCorrection initial={entry.acts} turn={index} onAdd={onAdd} onDone={() => setOpen(null)} />
                    ) : (
                      <button type="button" className="link-button" aria-label={`Correct the acts heard in turn ${index + 1}`} onClick={() => setOpen(`acts-${index}`)}>
                        heard wrong?
                      </button>
                    )}
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <h3>Comment on the whole call</h3>
      <CommentForm label="Comment on the call" onSubmit={(text) => onAdd({ kind: 'comment', turn: null, text }, 'Comment on the call added')} onDone={() => undefined} />
    </section>
  );
}

/** The acts a typed turn should have been heard as; exported later as labelled utterances for retraining. */
function ActsCorrection({ initial, turn, onAdd, onDone }: { initial: DialogueAct[]; turn: number; onAdd: AddEntry; onDone: () => void }) {
  const [acts, setActs] = useState<DialogueAct[]>(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="acts-correction"
      onSubmit={(event) => {
        event.preventDefault();
        void onAdd({ kind: 'correction', turn, acts }, `Turn ${turn + 1} corrected`).then((problem) => (problem ? setError(problem) : onDone()));
      }}
    >
      <fieldset>
        <legend>Turn {turn + 1} should be heard as</legend>
        {DIALOGUE_ACTS.map((act) => (
          <label key={act} className="act-choice">
            <input type="checkbox" checked={acts.includes(act)} onChange={(event) => setActs(event.target.checked ? [...acts, act] : acts.filter((a) => a !== act))} /> {ACT_LABELS[act]}
          </label>
        ))}
      </fieldset>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="control-row">
        <button type="submit" className="button primary">
          Save correction
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
