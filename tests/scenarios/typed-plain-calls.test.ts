/**
 * Every shipped scenario can be won by typing what a competent agent would
 * say: the customer reaches the best ending, accepts the right offer the
 * first time it is made, and never says a line more than twice.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../helpers/play';
import { PLAIN_CALLS } from '../helpers/plain-calls';
import { lineCounts, playTyped } from '../helpers/typed-call';

describe.each(Object.keys(PLAIN_CALLS))('a plain typed call to %s', (id) => {
  it('reaches the best ending with no line said more than twice, the right offer accepted at once', () => {
    const scenario = loadScenarioFile(`scenarios/${id}.json`);
    const call = playTyped(scenario, PLAIN_CALLS[id]!);
    expect(call.view.ending?.detail.best).toBe(true);
    expect(Math.max(...lineCounts(call).values())).toBeLessThanOrEqual(2);
    const offers = call.view.transcript.filter((entry) => entry.kind === 'trainee' && entry.offers && scenario.policy.resolutions[entry.offers]?.correct);
    expect(offers.length).toBeGreaterThan(0);
  }, 60_000);
});
