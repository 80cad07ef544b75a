/**
 * The call notes a careful trainee would write after a call, used wherever
 * the best score of a route is worked out.
 */
import { FACT_CATEGORIES } from '../acts';
import type { Scenario } from './scenario-schema';
import { EMPTY_NOTES, type CallNotes, type CallRecord } from '../call/transcript';

/** The notes a careful trainee would write after this call: every fact learned, and the action taken. */
export function idealNotes(scenario: Scenario, record: CallRecord): CallNotes {
  const revealed = new Set(record.transcript.flatMap((entry) => (entry.kind === 'customer' && entry.reveals ? [entry.reveals] : [])));
  const notes: CallNotes = { ...EMPTY_NOTES };
  for (const category of FACT_CATEGORIES) {
    notes[category] = Object.entries(scenario.facts)
      .filter(([id, fact]) => fact.category === category && revealed.has(id))
      .map(([, fact]) => `${fact.summary} (${fact.noteKeywords[0]})`)
      .join('; ');
  }
  const offer = [...record.transcript].reverse().find((entry) => entry.kind === 'trainee' && entry.offers);
  const resolution = offer?.kind === 'trainee' && offer.offers ? scenario.policy.resolutions[offer.offers] : undefined;
  const escalated = record.transcript.some((entry) => (entry.kind === 'event' && entry.event === 'escalate') || (entry.kind === 'trainee' && entry.acts.includes('escalate')));
  notes.action = [
    resolution ? `${resolution.summary} (${resolution.noteKeywords[0]})${resolution.amount !== undefined ? ` ${resolution.amount.toFixed(2)} ${scenario.currency}` : ''}` : '',
    escalated ? 'Escalated to a supervisor' : '',
  ].filter(Boolean).join('; ');
  return notes;
}
