/**
 * A scenario of any size, made from the template: a chain of `states`
 * listening states, each with its own beat, every one reachable and able to
 * end. For the studio's size tests and benchmarks.
 */
import { scenarioTemplate } from './scenario-template';

export function generatedScenario(id: string, states: number): Record<string, any> {
  const scenario = scenarioTemplate(id) as Record<string, any>;
  const machine = scenario.machine;
  const template = scenario.replies.listen;
  for (let i = 0; i < states; i++) {
    const next = i + 1 < states ? `step${i + 1}` : 'resolving';
    machine.states[`step${i}`] = { meta: { beat: `beat${i}` }, on: { HEARD: [{ guard: { type: 'said', params: { noneOf: ['negativeWording'] } }, target: next }, { target: 'lost' }] } };
    scenario.replies[`beat${i}`] = template.map((reply: Record<string, unknown>) => ({ ...reply, id: `${reply.id}-${i}` }));
  }
  machine.states.opening.on.HEARD = [{ target: 'step0' }];
  // A long call must not wear the customer's patience out before it ends.
  scenario.moodEffects = { turn: {} };
  machine.states.listening.on.HEARD.push({ target: 'lost' });
  // The chain replaces "listening": keep it reachable from the last step's lost branch, so nothing is left unused.
  machine.states[`step${states - 1}`].on.HEARD.push({ target: 'listening' });
  return scenario;
}
