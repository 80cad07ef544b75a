/**
 * The call notes a careful trainee would write after a call, used wherever
 * the best score of a route is worked out.
 */
import { FACT_CATEGORIES, type FactCategory } from '../acts';
import type { Scenario } from './scenario-schema';
import { EMPTY_NOTES, type CallNotes, type CallRecord } from '../call/transcript';

/** The note each fact would get, by category in the scenario's order: the score search writes notes for thousands of calls. */
const factNotes = new WeakMap<Scenario, Map<FactCategory, { id: string; note: string }[]>>();

function notesByCategory(scenario: Scenario) {
  let known = factNotes.get(scenario);
  if (!known) {
    const facts = Object.entries(scenario.facts);
    known = new Map(FACT_CATEGORIES.map((category) => [category, facts.filter(([, fact]) => fact.category === category).map(([id, fact]) => ({ id, note: `${fact.summary} (${fact.noteKeywords[0]})` }))]));
    factNotes.set(scenario, known);
  }
  return known;
}

/** The notes a careful trainee would write after this call: every fact learned, and the action taken. */
export function idealNotes(scenario: Scenario, record: CallRecord): CallNotes {
  const revealed = new Set<string>();
  let offers: string | undefined;
  let escalated = false;
  for (const entry of record.transcript) {
    if (entry.kind === 'customer' && entry.reveals) revealed.add(entry.reveals);
    else if (entry.kind === 'trainee') {
      // The last offer made is the one that stands.
      if (entry.offers) offers = entry.offers;
      if (entry.acts.includes('escalate')) escalated = true;
    } else if (entry.kind === 'event' && entry.event === 'escalate') escalated = true;
  }
  const notes: CallNotes = { ...EMPTY_NOTES };
  for (const [category, facts] of notesByCategory(scenario)) {
    notes[category] = facts.filter(({ id }) => revealed.has(id)).map(({ note }) => note).join('; ');
  }
  const resolution = offers ? scenario.policy.resolutions[offers] : undefined;
  notes.action = [
    resolution ? `${resolution.summary} (${resolution.noteKeywords[0]})${resolution.amount !== undefined ? ` ${resolution.amount.toFixed(2)} ${scenario.currency}` : ''}` : '',
    escalated ? 'Escalated to a supervisor' : '',
  ].filter(Boolean).join('; ');
  return notes;
}
