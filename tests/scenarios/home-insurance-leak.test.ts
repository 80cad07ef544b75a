/**
 * The insurance coverage question: a homeowner with a burst hose wants to
 * know, fast, what her policy covers. The trainee checks the cause and the
 * timing, reads the terms, and says plainly what is covered, what is not,
 * and what she pays herself.
 */
import { describe, expect, it } from 'vitest';
import { competency, play, playAndScore } from '../helpers/play';
import { customerLines, describeLibraryScenario, englishClassifier } from '../helpers/library-scenario';

const PERFECT = ['ANSWER', 'greet-warm', 'verify-paraphrase', 'LOOKUP coverage', 'LOOKUP policy', 'facts-when', 'more-why', 'more-where', 'more-costs', 'cover-plain', 'next-adjuster', 'close-check', 'bye-warm'];
/** Asks what happened first, reassures before verifying, asks where before when, states the figure and explains the deductible when asked. */
const OTHER_GOOD = ['ANSWER', 'greet-named', 'verify-quick', 'facts-where', 'facts-when', 'more-why', 'LOOKUP coverage', 'more-costs', 'LOOKUP policy', 'cover-short', 'why-deductible', 'next-short', 'close-bye'];
const LOST = ['ANSWER', 'greet-flat', 'verify-blame', 'verify-cold', 'facts-guess'];
const UP_TO_COVER = PERFECT.slice(0, PERFECT.indexOf('cover-plain'));

const scenario = describeLibraryScenario({ file: 'scenarios/home-insurance-leak.json', level: 'II', perfect: PERFECT, otherGood: OTHER_GOOD, lost: LOST });

function behaviour(scorecard: Parameters<typeof competency>[0], competencyId: string, behaviourId: string) {
  return competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId)!;
}

describe('home-insurance-leak: reading the policy', () => {
  it('the estimate is the covered damage less the deductible on the panel; the hose is out', () => {
    const dwelling = scenario.account.sections.coverage!.items.find((item) => item.id === 'dwelling')!;
    const deductible = dwelling.amounts.find((line) => line.label.startsWith('Deductible'))!.amount;
    const floorAndCabinets = 4800;
    const extraction = 650;
    const hose = 180;
    const { resolutions } = scenario.policy;
    expect(resolutions.coveredLessDeductible).toMatchObject({ correct: true, amount: floorAndCabinets + extraction - deductible });
    expect(resolutions.noDeductible!.amount).toBe(floorAndCabinets + extraction);
    expect(resolutions.withPlumber!.amount).toBe(floorAndCabinets + extraction + hose - deductible);
    expect(resolutions.everything!.amount).toBe(floorAndCabinets + extraction + hose);
  });

  it('"policy" and "deductible" are ordinary words here: a plain typed answer using them is not heard as negative wording', () => {
    const call = play(scenario, UP_TO_COVER);
    const heard = call.sayTyped(englishClassifier(), 'Your policy covers a sudden burst like this, less your deductible of $1,000, so about $4,450.').transcript;
    const reply = heard.filter((entry) => entry.kind === 'trainee').at(-1)!;
    expect(reply.kind === 'trainee' && reply.acts).not.toContain('negativeWording');
  });
});

describe('home-insurance-leak: the answer', () => {
  it('stating the figure without the why makes her ask what she pays; a plain explanation settles it', () => {
    const call = play(scenario, [...UP_TO_COVER, 'cover-short']);
    expect(customerLines(call).at(-1)).toBe('whatDoIPay');
    expect(customerLines(play(scenario, [...UP_TO_COVER, 'cover-short', 'why-deductible'])).at(-1)).toBe('explainedNow');
  });

  it('telling her water damage is not covered is wrong for a sudden burst, and she is outraged', () => {
    const call = play(scenario, [...UP_TO_COVER, 'cover-denied']);
    expect(customerLines(call).at(-1)).toBe('outraged');
    expect(call.context.flags).toContain('deniedWrongly');
  });

  it('promising everything pleases her and ends on a wrong answer, with the amount cited', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_COVER, 'cover-everything', 'next-adjuster', 'close-check', 'bye-warm']);
    expect(call.view.ending?.state).toBe('wrongAnswer');
    expect(behaviour(scorecard, 'resolution', 'arithmetic').findings[0]!.note).toMatch(/5630\.00 should be 4450\.00/);
  });

  it('insurance jargon confuses her and costs plain-language points', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_COVER, 'cover-jargon']);
    expect(customerLines(call)).toContain('plainEnglish');
    expect(behaviour(scorecard, 'resolution', 'plainLanguage').earned).toBeLessThan(20);
  });

  it('checking when it started is what shows the burst was sudden: skipping it costs the validity points', () => {
    const skipped = playAndScore(scenario, ['ANSWER', 'greet-warm', 'verify-paraphrase', 'LOOKUP coverage', 'LOOKUP policy', 'facts-where', 'facts-costs']);
    expect(skipped.call.view.beat).toBe('facts');
    const { scorecard } = playAndScore(scenario, PERFECT);
    expect(behaviour(scorecard, 'information', 'validity').earned).toBe(25);
  });

  it('she is in a hurry: silence is noticed after 10 seconds', () => {
    expect(customerLines(play(scenario, ['ANSWER', 'WAIT 8000'])).at(-1)).toBe('silence');
  });
});
