import { describe, expect, it } from 'vitest';
import { findLoops } from '../../src/engine/scenario/loop-checks';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import { loadScenarioFile } from '../helpers/play';

const tiny = loadScenarioFile('tests/fixtures/tiny-scenario.json');

describe('the loop check of scenarios:check', () => {
  it('reports a state where the reply it listens for leaves the customer saying the same line again', () => {
    const looping = structuredClone(tiny) as Scenario;
    const closing = looping.machine.states.closing!;
    // Asked whether anything else is needed, she says "anything else?" back, for ever.
    closing.on!.HEARD = [
      { guard: { type: 'said', params: { anyOf: ['closing'] } }, target: 'resolved' },
      { guard: { type: 'said', params: { anyOf: ['checkResolved'] } }, actions: [{ type: 'say', params: { line: 'listening' } }] },
    ];
    looping.replies.close = [...looping.replies.close!, { id: 'close-check-only', text: 'Anything else?', acts: ['checkResolved'], quality: 'mediocre' }];
    const loops = findLoops(looping);
    expect(loops.some((loop) => loop.state === 'closing' && loop.message.includes('close-check-only'))).toBe(true);
    expect(findLoops(tiny).filter((loop) => loop.state === 'closing')).toEqual([]);
    // Given other words for the line, she says them the second time, and it is no loop.
    const rephrased = structuredClone(looping);
    rephrased.lines.listening = [...rephrased.lines.listening!.filter((variant) => !variant.when), { text: 'Mm-hm, I am still listening.' }];
    expect(findLoops(rephrased).filter((loop) => loop.state === 'closing')).toEqual([]);
  });

  it.each(['irate-outage', 'billing-dispute', 'confused-new-bill'])('finds no line said more than twice on the best route of %s', (id) => {
    const loops = findLoops(loadScenarioFile(`scenarios/${id}.json`));
    expect(loops.filter((loop) => loop.state === 'best route')).toEqual([]);
  }, 60_000);
});
