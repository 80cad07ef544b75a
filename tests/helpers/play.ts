/**
 * Plays a route through a scenario the way a trainee would: answering, then
 * prepared replies by id and call controls by name, with time passing
 * between turns on a simulated clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { SimulatedClock } from 'xstate';
import { Call } from '../../src/engine/call/call';
import type { CallClock } from '../../src/engine/clock';
import { idealNotes } from '../../src/engine/scenario/ideal-notes';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import type { AccountSection } from '../../src/engine/vocabulary';
import { scoreCall } from '../../src/engine/scoring/scorer';
import type { CallNotes } from '../../src/engine/call/transcript';

export function loadScenarioFile(path: string): Scenario {
  const result = parseScenario(path, readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.scenario;
}

/** Every scenario shipped in scenarios/ (the schema file aside), loaded. */
export function loadShippedScenarios(): Scenario[] {
  return readdirSync('scenarios')
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .map((name) => loadScenarioFile(`scenarios/${name}`));
}

/** A step: a prepared reply id, or ANSWER, HOLD, RESUME, ESCALATE, HANG_UP, "LOOKUP <section>", "WAIT <ms>". */
export type Step = string;

export function newClock(): SimulatedClock & CallClock {
  return new SimulatedClock() as SimulatedClock & CallClock;
}

/** Advances in small steps, so timers that re-arm themselves fire as they would in real time. */
export function advance(clock: SimulatedClock, ms: number, step = 500) {
  for (let passed = 0; passed < ms; passed += step) clock.increment(Math.min(step, ms - passed));
}

export function play(scenario: Scenario, steps: Step[], { seed = 'test', pause = 3000 } = {}) {
  const clock = newClock();
  const call = new Call(scenario, { seed, clock });
  for (const step of steps) {
    const [word, arg] = step.split(' ');
    if (word === 'WAIT') advance(clock, Number(arg));
    else if (word === 'LOOKUP') call.send({ type: 'LOOKUP', section: arg as AccountSection });
    else if (word === 'ESCALATE') call.send({ type: 'ESCALATE_CALL' });
    else if (word === 'HANG_UP') call.send({ type: 'END_CALL' });
    else if (['ANSWER', 'HOLD', 'RESUME'].includes(word!)) call.send({ type: word as 'ANSWER' });
    else {
      if (call.view.status !== 'live') throw new Error(`Step "${step}": the call is ${call.view.status} (${call.view.phase})`);
      call.choose(step);
    }
    if (word !== 'WAIT') advance(clock, pause);
  }
  return call;
}

/** Plays a route and scores it, with the notes given or, by default, the notes a careful trainee would write. */
export function playAndScore(scenario: Scenario, steps: Step[], notes?: CallNotes) {
  const call = play(scenario, steps);
  const record = call.record();
  const scorecard = scoreCall(scenario, { ...record, notes: notes ?? idealNotes(scenario, record) });
  return { call, record, scorecard };
}

export function competency(scorecard: ReturnType<typeof scoreCall>, id: string) {
  const found = scorecard.competencies.find((c) => c.id === id);
  if (!found) throw new Error(`no competency ${id}`);
  return found;
}
