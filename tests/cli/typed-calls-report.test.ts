/**
 * The report `npm run scenarios:typed-calls` prints: a scenario's typed call
 * told turn by turn at a typing pace, ending where the call ended.
 */
import { describe, expect, it } from 'vitest';
import { HUMAN_PACE, typingMs } from '../../src/cli/typed-calls/paced-typed-call';
import { readTypedCall } from '../../src/cli/typed-calls/typed-call-file';
import { typedCallReport } from '../../src/cli/typed-calls/typed-call-report';
import { loadScenarioFile } from '../helpers/play';
import { englishClassifier } from '../helpers/typed-call';

describe('the typed-call report', () => {
  const scenario = loadScenarioFile('scenarios/gym-cancellation.json');
  const [bestState, best] = Object.entries(scenario.machine.states).find(([, state]) => state.meta?.ending?.best)!;
  const script = readTypedCall('gym-cancellation');

  it('tells the competent typed call turn by turn and ends in the best ending, with its score and a handle time at typing pace', () => {
    const report = typedCallReport(scenario, script, englishClassifier());
    expect(report.ending).toBe(bestState);
    expect(report.best).toBe(true);
    const typed = script.steps.filter((step) => !step.startsWith('LOOKUP '));
    // Every typed line is in the report, in the order typed.
    const at = typed.map((step) => report.markdown.indexOf(step));
    expect(at.every((index) => index > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(report.markdown).toContain(`**Ending:** ${best.meta!.ending!.title}`);
    expect(report.markdown).toContain(`**Score:** ${report.scorecard.overall}, ${report.scorecard.level}`);
    // The customer waits while the trainee types: the call lasts at least as long as the typing.
    expect(report.handleMs).toBeGreaterThanOrEqual(typed.reduce((sum, step) => sum + typingMs(step, HUMAN_PACE), 0));
    expect(report.turns).toBe(typed.length);
  }, 60_000);

  it('says so when the typed call loses the customer instead', () => {
    const report = typedCallReport(scenario, { ...script, steps: script.lost! }, englishClassifier());
    expect(report.best).toBe(false);
    expect(report.scorecard.ending?.outcome).toBe('lost');
    expect(report.markdown).toMatch(/\*\*Ending:\*\* .*, lost\)/);
  }, 60_000);
});
