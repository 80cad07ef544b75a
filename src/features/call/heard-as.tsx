import { ACT_LABELS } from '../../engine/acts';
import type { TranscriptEntry } from '../../engine/call/transcript';

/**
 * How the customer heard the trainee's last typed turn, with the words that
 * gave each act away, while there is still time to say it another way.
 */
export function HeardAs({ transcript, live, onMisheard }: { transcript: TranscriptEntry[]; live: boolean; onMisheard: () => void }) {
  const index = transcript.findLastIndex((entry) => entry.kind === 'trainee');
  const last = transcript[index];
  if (!last || last.kind !== 'trainee' || last.replyId) return null;
  const disowned = transcript.slice(index).some((entry) => entry.kind === 'event' && entry.event === 'misheard');
  return (
    <section className="heard-as card" aria-labelledby="heard-as-heading">
      <h2 id="heard-as-heading">How your last reply was heard</h2>
      {last.acts.length ? (
        <ul aria-live="polite">
          {last.acts.map((act) => {
            const words = last.evidence?.find((item) => item.act === act)?.words ?? [];
            return (
              <li key={act}>
                <strong>{ACT_LABELS[act]}</strong>
                {words.length > 0 && <span className="muted"> from “{words.join('”, “')}”</span>}
              </li>
            );
          })}
        </ul>
      ) : (
        <p aria-live="polite">Nothing the customer could act on was heard in it.</p>
      )}
      {disowned ? (
        <p className="muted">You said that was not what you meant; it is marked for review and not scored. Say it another way.</p>
      ) : (
        <button type="button" onClick={onMisheard} disabled={!live}>
          That’s not what I meant
        </button>
      )}
    </section>
  );
}
