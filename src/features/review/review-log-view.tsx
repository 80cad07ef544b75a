import { ACT_LABELS } from '../../engine/acts';
import { inEffect, type ReviewEntry } from '../../engine/records/review-log';
import type { AddEntry } from './add-entry';
import { dateTime } from '../../components/date-time';

function describe(entry: ReviewEntry, log: readonly ReviewEntry[]): string {
  switch (entry.kind) {
    case 'comment':
      return `commented${entry.turn === null ? ' on the call' : ` on turn ${entry.turn + 1}`}: “${entry.text}”`;
    case 'override':
      return `overrode ${entry.target.behaviour ?? entry.target.competency} to ${entry.score}: “${entry.reason}”`;
    case 'verdict':
      return `gave the verdict ${entry.verdict === 'pass' ? 'pass' : `another attempt${entry.retryScenarioId ? ` at ${entry.retryScenarioId}` : ''}`}${entry.text ? `: “${entry.text}”` : ''}`;
    case 'correction':
      return `said turn ${entry.turn + 1} should be heard as ${entry.acts.map((act) => ACT_LABELS[act]).join(', ') || 'no act'}`;
    case 'undo': {
      const target = log.find((e) => e.id === entry.undoes);
      return `took back: ${target ? describe(target, log) : entry.undoes}`;
    }
    case 'acknowledge':
      return 'acknowledged the review';
    case 'dispute':
      return `disputed: “${entry.text}”`;
  }
}

/** Every entry ever made, oldest first, with who and when: the audit trail. Undo adds an entry; nothing is deleted. */
export function ReviewLogView({ log, onAdd }: { log: ReviewEntry[]; onAdd: AddEntry }) {
  const effective = inEffect(log);
  return (
    <section className="review-log" aria-labelledby="review-log-heading">
      <h2 id="review-log-heading">Review history</h2>
      {log.length === 0 ? (
        <p className="empty-state">No comments, overrides or verdicts yet.</p>
      ) : (
        <ol>
          {log.map((entry) => (
            <li key={entry.id} className={effective.has(entry.id) ? undefined : 'undone'}>
              <span className="muted">{dateTime(entry.at)}</span> <strong>{entry.author.name}</strong> {describe(entry, log)}
              {!effective.has(entry.id) && <span className="muted"> (taken back)</span>}
              {effective.has(entry.id) && entry.author.role === 'supervisor' && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => void onAdd({ kind: 'undo', undoes: entry.id }, 'Taken back')}>
                    {entry.kind === 'undo' ? 'redo' : 'undo'}
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
