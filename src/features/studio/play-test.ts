/**
 * A play-test call: the route that brought it to its starting state, the
 * call's state as the trainer set it by hand there, and the steps taken
 * since. The call is rebuilt from these each time, so stepping back is just
 * dropping the last step, and nothing runs on a real clock.
 */
import { SimulatedClock } from 'xstate';
import { Call } from '../../engine/call/call';
import type { CallContext } from '../../engine/call/call-context';
import type { CallEvent } from '../../engine/call/compile';
import type { Mood } from '../../engine/mood';
import { idealNotes } from '../../engine/scenario/ideal-notes';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { scoreCall, type Scorecard } from '../../engine/scoring/scorer';
import type { CallClock } from '../../engine/clock';

/** What the trainer may set by hand before playing on. */
export interface HandSet {
  mood: Mood;
  flags: string[];
  revealed: string[];
  lookedUp: string[];
  verified: boolean;
}

export interface PlayTest {
  start: CallEvent[];
  handSet: HandSet | null;
  steps: CallEvent[];
}

const SEED = 'studio';

function newCall(scenario: Scenario, restore?: unknown) {
  return new Call(scenario, { seed: SEED, clock: new SimulatedClock() as SimulatedClock & CallClock }, restore as never);
}

export function buildCall(scenario: Scenario, test: PlayTest): Call {
  let call = newCall(scenario);
  for (const event of test.start) call.send(event);
  if (test.handSet) {
    const saved = call.persist() as { context: CallContext };
    call.stop();
    call = newCall(scenario, { ...saved, context: { ...saved.context, ...test.handSet } });
  }
  for (const event of test.steps) call.send(event);
  return call;
}

export function handSetOf(call: Call): HandSet {
  const { mood, flags, revealed, lookedUp, verified } = call.context;
  return { mood: { ...mood }, flags: [...flags], revealed: [...revealed], lookedUp: [...lookedUp], verified };
}

/** The scorecard this call would get, with the notes a careful trainee would write. */
export function scorecardOf(scenario: Scenario, call: Call): Scorecard {
  const record = call.record();
  return scoreCall(scenario, { ...record, notes: idealNotes(scenario, record) });
}

/** The active state as a path, "venting.listening". */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, inner] = Object.entries(value as Record<string, unknown>)[0] ?? [];
  return key ? `${key}.${statePath(inner)}` : '';
}
