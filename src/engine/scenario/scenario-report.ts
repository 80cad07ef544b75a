/**
 * What `npm run scenarios:check` prints for a scenario: its size, endings,
 * routes, the shortest route to each ending, and the best and worst score a
 * trainee could get along the routes explored.
 */
import type { AnyMachineSnapshot } from 'xstate';
import { FACT_CATEGORIES } from '../acts';
import type { CallContext } from '../call/call-context';
import { endingOf, type CallEvent } from '../call/compile';
import { exploreRoutes, type Exploration } from './routes';
import type { Ending, Scenario } from './scenario-schema';
import { scoreCall } from '../scoring/scorer';
import { allNodes, buildStateTree } from './state-tree';
import { EMPTY_NOTES, type CallNotes, type CallRecord, type TranscriptEntry } from '../call/transcript';

export interface EndingReport {
  state: string;
  ending: Ending;
  reached: boolean;
  shortest: string[];
}

export interface ScenarioReport {
  id: string;
  states: number;
  endings: EndingReport[];
  situations: number;
  routes: number;
  routesCapped: boolean;
  truncated: boolean;
  best: { score: number; route: string } | null;
  worst: { score: number; route: string } | null;
}

export function describeEvent(event: CallEvent): string {
  if (event.type === 'SAY') return event.reply.replyId ?? `"${event.reply.text}"`;
  if (event.type === 'LOOKUP') return `LOOKUP ${event.section}`;
  if (event.type === 'ESCALATE_CALL') return 'ESCALATE';
  if (event.type === 'END_CALL') return 'HANG_UP';
  return event.type;
}

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

function recordOf(scenario: Scenario, snapshot: AnyMachineSnapshot): CallRecord {
  const context = snapshot.context as CallContext;
  return { scenarioId: scenario.id, scenarioVersion: scenario.version, seed: 'explore', transcript: context.transcript, ending: String(snapshot.value), flags: context.flags, flaggedAt: context.flaggedAt, notes: EMPTY_NOTES };
}

/**
 * The same call with the look-ups a careful trainee makes to judge the
 * complaint. Exploration leaves out look-ups no guard reads, since they never
 * change what the customer does; so adding them right after answering gives
 * a call the trainee could really have made.
 */
function withValidityLookups(scenario: Scenario, record: CallRecord): CallRecord {
  const answered = record.transcript.findIndex((entry) => entry.kind === 'event' && entry.event === 'answer');
  const done = new Set(record.transcript.flatMap((entry) => (entry.kind === 'event' && entry.section ? [entry.section] : [])));
  const missing = scenario.validity.lookups.filter((section) => !done.has(section));
  if (answered < 0 || !missing.length) return record;
  const at = record.transcript[answered]!;
  const lookups = missing.map((section): TranscriptEntry => ({ kind: 'event', event: 'lookup', section, at: at.at, mood: at.mood }));
  return { ...record, transcript: [...record.transcript.slice(0, answered + 1), ...lookups, ...record.transcript.slice(answered + 1)] };
}

function routeText(record: CallRecord): string {
  return record.transcript.flatMap((entry) => {
    if (entry.kind === 'trainee') return [entry.replyId ?? 'typed'];
    if (entry.kind === 'event' && (entry.event === 'escalate' || entry.event === 'lookup')) return [entry.section ? `LOOKUP ${entry.section}` : entry.event.toUpperCase()];
    return [];
  }).join(' → ');
}

export function reportScenario(scenario: Scenario, exploration: Exploration = exploreRoutes(scenario)): ScenarioReport {
  const nodes = allNodes(buildStateTree(scenario)).filter((node) => node.parent);
  const endings = nodes
    .filter((node) => node.config.type === 'final')
    .map((node): EndingReport => {
      const found = exploration.endings.get(node.key);
      return { state: node.key, ending: node.config.meta!.ending!, reached: Boolean(found), shortest: found?.shortest.map(describeEvent) ?? [] };
    });
  for (const [state, found] of exploration.endings) {
    if (!endings.some((ending) => ending.state === state)) {
      endings.push({ state, ending: endingOf(scenario, state)!, reached: true, shortest: found.shortest.map(describeEvent) });
    }
  }
  let best: ScenarioReport['best'] = null;
  let worst: ScenarioReport['worst'] = null;
  for (const { finals } of exploration.endings.values()) {
    for (const snapshot of finals) {
      const record = recordOf(scenario, snapshot);
      const careful = withValidityLookups(scenario, record);
      const high = scoreCall(scenario, { ...careful, notes: idealNotes(scenario, careful) }).overall;
      const low = scoreCall(scenario, record).overall;
      if (!best || high > best.score) best = { score: high, route: routeText(careful) };
      if (!worst || low < worst.score) worst = { score: low, route: routeText(record) };
    }
  }
  return {
    id: scenario.id,
    states: nodes.length,
    endings,
    situations: exploration.situations,
    routes: exploration.routes,
    routesCapped: exploration.routesCapped,
    truncated: exploration.truncated,
    best,
    worst,
  };
}
