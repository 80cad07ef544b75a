import { ACT_LABELS } from '../../engine/acts';
import { TranscriptLine } from '../../components/transcript-entry';
import { RUBRIC } from '../../engine/scoring/rubric';
import { findingsByTurn, type Scorecard } from '../../engine/scoring/scorer';
import type { TranscriptEntry } from '../../engine/call/transcript';
import { FindingLine } from './scorecard-view';

const competencyTitle = new Map(RUBRIC.competencies.map((competency) => [competency.id, competency.title]));

/**
 * How a turn was heard. For typed or spoken replies, each act comes with the
 * words that gave it away, so a trainee can see, and dispute, the judgement.
 */
function HeardAs({ entry }: { entry: Extract<TranscriptEntry, { kind: 'trainee' }> }) {
  if (!entry.acts.length) return <p className="acts">Heard as: no dialogue act (the customer could not tell what you meant)</p>;
  if (!entry.evidence?.length) return <p className="acts">Prepared reply, heard as: {entry.acts.map((act) => ACT_LABELS[act]).join(', ')}</p>;
  return (
    <p className="acts">
      Heard as:{' '}
      {entry.evidence.map((item, i) => (
        <span key={item.act}>
          {i > 0 && '; '}
          {ACT_LABELS[item.act]} from “{item.words.join('”, “')}”
        </span>
      ))}
    </p>
  );
}

/** Every turn with the points it won or lost, and the acts it was heard as. */
export function AnnotatedTranscript({ transcript, scorecard, customerName }: { transcript: TranscriptEntry[]; scorecard: Scorecard; customerName: string }) {
  const byTurn = findingsByTurn(scorecard);
  return (
    <section className="annotated" aria-labelledby="annotated-heading">
      <h2 id="annotated-heading">The call, turn by turn</h2>
      {transcript.length === 0 ? (
        <p className="muted">Nothing was said on this call.</p>
      ) : (
        <ol className="lines">
          {transcript.map((entry, index) => {
            const findings = byTurn.get(index) ?? [];
            return (
              <li key={index} id={`turn-${index}`} tabIndex={-1} className={findings.some((f) => f.points < 0) ? 'has-loss' : undefined}>
                <span className="turn-number">Turn {index + 1}</span>
                <TranscriptLine entry={entry} customerName={customerName}>
                  {entry.kind === 'trainee' && <HeardAs entry={entry} />}
                </TranscriptLine>
                {findings.length > 0 && (
                  <ul className="findings">
                    {findings.map((finding, i) => (
                      <FindingLine key={i} finding={{ ...finding, note: `${competencyTitle.get(finding.competency)}: ${finding.note}` }} showTurnLink={false} />
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
