import { paceOf } from '../../src/engine/scenario/pace';
import { loadShippedScenarios } from '../helpers/play';

describe('a customer\'s pace', () => {
  it('is brisk at ten seconds of silence or less, patient at twenty or more, steady between', () => {
    expect([5_000, 10_000, 10_001, 15_000, 19_999, 20_000, 25_000].map(paceOf)).toEqual(['brisk', 'brisk', 'steady', 'steady', 'steady', 'patient', 'patient']);
  });

  it('in the shipped library, at least two customers are brisk', () => {
    const brisk = loadShippedScenarios().filter((scenario) => paceOf(scenario.timing.silenceMs) === 'brisk');
    expect(brisk.length).toBeGreaterThanOrEqual(2);
  });
});
