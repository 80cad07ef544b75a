/**
 * A supervisor's corrections of how typed turns were heard, as labelled
 * utterances in the format of tests/fixtures/acts/ ({ id, text, acts,
 * context }), ready to add to the classifier's tuning data. The latest
 * correction of a turn in effect wins; prepared replies are never exported
 * (their acts are the scenario author's, not the classifier's).
 */
import type { DialogueAct } from '../acts';
import type { ClassifyContext } from '../classifier/classify';
import { effectiveEntries, type ReviewEntry } from './review-log';
import type { ScoredSession } from './scored-session';

export interface LabelledCorrection {
  id: string;
  text: string;
  acts: DialogueAct[];
  context?: ClassifyContext;
}

export function correctionsAsUtterances(session: Pick<ScoredSession, 'id' | 'record'>, log: readonly ReviewEntry[]): LabelledCorrection[] {
  const latest = new Map<number, DialogueAct[]>();
  for (const entry of effectiveEntries(log)) if (entry.kind === 'correction') latest.set(entry.turn, entry.acts);
  const transcript = session.record.transcript;
  return [...latest]
    .sort(([a], [b]) => a - b)
    .flatMap(([turn, acts]) => {
      const entry = transcript[turn];
      if (!entry || entry.kind !== 'trainee' || entry.replyId) return [];
      const before = transcript.slice(0, turn).filter((earlier) => earlier.kind === 'customer');
      const customerSaid = before.map((line) => line.text);
      const anger = before.at(-1)?.mood.anger;
      const context: ClassifyContext = { ...(customerSaid.length ? { customerSaid } : {}), ...(anger !== undefined ? { customerAnger: anger } : {}) };
      return [{ id: `review-${session.id.slice(0, 8)}-t${turn}`, text: entry.text, acts: [...acts], ...(Object.keys(context).length ? { context } : {}) }];
    });
}
