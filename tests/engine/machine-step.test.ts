/**
 * The analyses' own stepper (machine-step.ts) must take exactly the steps
 * xstate's transition() takes. Over every situation route exploration reaches
 * in every library scenario, each action exploration tries there (and, at
 * some situations, the call controls it never tries) is stepped both ways and
 * the results compared: state, status, active nodes, tags and the whole
 * context.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyMachineSnapshot } from 'xstate';
import { compileScenario, type CallEvent } from '../../src/engine/call/compile';
import { callStepper, decisiveLookups, DEFAULT_EXPLORATION_LIMIT, eventsFor, situationKey } from '../../src/engine/scenario/routes';
import { stepsItself, xstateStepper } from '../../src/engine/scenario/machine-step';
import { loadScenarioFile } from '../helpers/play';

const LIBRARY = readdirSync('scenarios')
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => join('scenarios', name));

/** Events a trainee can send that exploration never tries, stepped at every EXTRA_EVERY-th situation. */
const CALL_CONTROLS: CallEvent[] = [
  { type: 'HOLD' },
  { type: 'RESUME' },
  { type: 'END_CALL' },
  { type: 'MISHEARD' },
  { type: 'COMPOSING', composing: true },
  { type: 'COMPOSING', composing: false },
  { type: 'SILENCE_TIMEOUT' },
  { type: 'SET_THINKING', ms: 4000 },
  { type: 'SAY', reply: { text: '???', acts: [], notUnderstood: 'noWords' } },
];
const EXTRA_EVERY = 20;

/** Everything of a snapshot that anything reads: two equal, the same call. */
function described(snapshot: AnyMachineSnapshot) {
  return {
    status: snapshot.status,
    value: snapshot.value,
    nodes: snapshot._nodes.map((node) => node.id),
    tags: [...snapshot.tags],
    meta: snapshot.getMeta(),
    children: Object.keys(snapshot.children),
    history: snapshot.historyValue,
    context: snapshot.context,
  };
}

/**
 * Deep equality with keys in the same order, quick where both sides share an
 * object (both steppers start from the same snapshot, so most of a transcript
 * is shared): comparing some 150,000 steps' whole contexts by text took minutes.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return aKeys.length === bKeys.length && aKeys.every((key, i) => key === bKeys[i] && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function expectSameStep(actual: AnyMachineSnapshot, expected: AnyMachineSnapshot, what: unknown) {
  // toEqual only on a difference, for its readable report; it does not check key order, which same() does.
  if (!same(described(actual), described(expected))) {
    expect({ what, ...described(actual) }).toEqual({ what, ...described(expected) });
    expect(JSON.stringify(described(actual))).toBe(JSON.stringify(described(expected)));
  }
}

describe('the analyses step a call machine as xstate does', () => {
  it.each(LIBRARY)('%s', (file) => {
    const scenario = loadScenarioFile(file);
    const machine = compileScenario(scenario);
    // Otherwise both sides would be xstate, and the comparison would prove nothing.
    expect(stepsItself(machine)).toBe(true);
    const reference = xstateStepper(machine);
    const fast = callStepper(machine);
    const key = situationKey(scenario);
    const events = eventsFor(scenario, decisiveLookups(scenario));
    const start = reference.initial({ seed: 'explore' });
    const queue = [start];
    const seen = new Set([key(start)]);
    let compared = 0;
    for (let i = 0; i < queue.length && i < DEFAULT_EXPLORATION_LIMIT; i++) {
      const snapshot = queue[i]!;
      const tried = [...events(snapshot)];
      if (snapshot.status === 'active' && i % EXTRA_EVERY === 0) tried.push(...CALL_CONTROLS);
      for (const event of tried) {
        const expected = reference.step(snapshot, event);
        const actual = fast.step(snapshot, event);
        compared++;
        expectSameStep(actual, expected, { situation: key(snapshot), event });
        // Stepping on from the faster stepper's own snapshot must agree too.
        if (i % EXTRA_EVERY === 0 && expected.status === 'active') {
          for (const next of events(expected).slice(0, 3)) expectSameStep(fast.step(actual, next), reference.step(expected, next), { after: event, event: next });
        }
        const situation = key(expected);
        if (!seen.has(situation)) {
          seen.add(situation);
          queue.push(expected);
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 120_000);
});
