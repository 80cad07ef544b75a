import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { Call } from '../../src/engine/call/call';
import { ACCOUNT_SECTIONS } from '../../src/engine/vocabulary';
import { scoreCall } from '../../src/engine/scoring/scorer';
import type { CallNotes } from '../../src/engine/call/transcript';
import { advance, loadScenarioFile, newClock } from '../helpers/play';

const files = [
  'tests/fixtures/tiny-scenario.json',
  ...readdirSync('scenarios').filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).map((name) => `scenarios/${name}`),
];

/** One thing a trainee might do next: a reply (by position in the beat), a call control, or nothing for a while. */
const action = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('reply' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('HOLD' as const, 'RESUME' as const, 'ESCALATE_CALL' as const, 'END_CALL' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('LOOKUP' as const), section: fc.constantFrom(...ACCOUNT_SECTIONS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('WAIT' as const), ms: fc.integer({ min: 0, max: 90_000 }) }) },
);
const notes: fc.Arbitrary<CallNotes> = fc.record({ who: fc.string(), what: fc.string(), when: fc.string(), where: fc.string(), why: fc.string(), action: fc.string() });

type Action = { kind: string; pick?: number; section?: string; ms?: number };

// Loading checks that a best route exists, which takes seconds: load each file once, not once per random call.
const loaded = new Map<string, ReturnType<typeof loadScenarioFile>>();

function run(file: string, seed: string, actions: Action[], onStep?: (call: Call) => void) {
  const scenario = loaded.get(file) ?? loadScenarioFile(file);
  loaded.set(file, scenario);
  const clock = newClock();
  const call = new Call(scenario, { seed, clock });
  call.answer();
  for (const step of actions) {
    if (call.view.status !== 'live') break;
    if (step.kind === 'reply') {
      const replies = call.view.replies;
      if (replies.length) call.choose(replies[step.pick! % replies.length]!.id);
    } else if (step.kind === 'WAIT') advance(clock, step.ms!, 2000);
    else if (step.kind === 'LOOKUP') call.send({ type: 'LOOKUP', section: step.section as 'bills' });
    else call.send({ type: step.kind as 'HOLD' });
    advance(clock, 1500);
    onStep?.(call);
  }
  return { scenario, call };
}

describe.each(files)('random calls through %s', (file) => {
  loaded.set(file, loadScenarioFile(file));
  it('never throw, keep every mood within 0 to 100 and every score within 0 to 100', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(action, { maxLength: 40 }), notes, (seed, actions, written) => {
        const { scenario, call } = run(file, seed, actions, (current) => {
          for (const value of Object.values(current.view.mood)) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
        });
        const card = scoreCall(scenario, call.record(written));
        expect(card.overall).toBeGreaterThanOrEqual(0);
        expect(card.overall).toBeLessThanOrEqual(100);
        for (const competency of card.competencies) {
          if (competency.score === null) continue;
          expect(competency.score).toBeGreaterThanOrEqual(0);
          expect(competency.score).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 60 },
    );
    // Generous: on the shared two-core machine these runs take 5-20 s; the default 5 s failed them for load, not for a fault.
  }, 60_000);

  it('give the same transcript and score for the same seed and replies', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(action, { maxLength: 25 }), (seed, actions) => {
        const first = run(file, seed, actions);
        const second = run(file, seed, actions);
        expect(second.call.record()).toEqual(first.call.record());
        expect(scoreCall(second.scenario, second.call.record())).toEqual(scoreCall(first.scenario, first.call.record()));
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});
