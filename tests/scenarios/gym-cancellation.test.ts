/**
 * The gym cancellation: a member moving out of state cancels on her lunch
 * break. The trainee makes the one retention offer that fits her reason,
 * takes her no, and issues the cancellation with the right final charges.
 */
import { describe, expect, it } from 'vitest';
import { competency, play, playAndScore } from '../helpers/play';
import { customerLines, describeLibraryScenario } from '../helpers/library-scenario';

const PERFECT = ['ANSWER', 'greet-warm', 'verify-ack', 'LOOKUP bills', 'LOOKUP history', 'reason-why', 'move-congrats', 'save-pass', 'afterno-accept', 'charges-explain', 'order-confirm', 'close-check', 'bye-warm'];
/** Asks who and what first, paraphrases, asks why and when together, then explains the fee only when she asks. */
const OTHER_GOOD = ['ANSWER', 'greet-name', 'verify-paraphrase', 'reason-open', 'LOOKUP history', 'move-where', 'save-pass', 'afterno-summary', 'LOOKUP bills', 'charges-amount', 'why-plain', 'order-next', 'close-bye'];
const LOST = ['ANSWER', 'greet-rushed', 'verify-inperson'];
const UP_TO_SAVE = PERFECT.slice(0, PERFECT.indexOf('save-pass'));
const UP_TO_CHARGES = PERFECT.slice(0, PERFECT.indexOf('charges-explain'));

const scenario = describeLibraryScenario({ file: 'scenarios/gym-cancellation.json', level: 'II', perfect: PERFECT, otherGood: OTHER_GOOD, lost: LOST });

function behaviour(scorecard: Parameters<typeof competency>[0], competencyId: string, behaviourId: string) {
  return competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId)!;
}

describe('gym-cancellation: the final charges', () => {
  it('the correct fee is half the dues left after the month already paid, recomputed from the account and terms', () => {
    const dues = scenario.account.bills[0]!.amount;
    expect(dues).toBe(46);
    expect(scenario.account.plan).toContain('28 Feb 2027');
    const monthsLeft = 3; // December, January, February: November is paid and the cancellation takes effect at its end.
    const fee = Math.min(100, (monthsLeft * dues) / 2);
    const correct = Object.entries(scenario.policy.resolutions).filter(([, resolution]) => resolution.correct);
    expect(correct.map(([id]) => id)).toEqual(['cancelWithFee']);
    expect(correct[0]![1].amount).toBe(fee);
    expect(scenario.policy.resolutions.feeCountingNovember!.amount).toBe(Math.min(100, (4 * dues) / 2));
    expect(scenario.policy.resolutions.fullRemainingDues!.amount).toBe(monthsLeft * dues);
    expect(scenario.policy.resolutions.refundNovember!.amount).toBe(Math.round((10 / 30) * dues * 100) / 100);
  });

  it('a wrong fee still cancels, but as a lesser ending that costs the resolution and arithmetic points', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_CHARGES, 'charges-cap', 'order-confirm', 'close-check', 'bye-warm']);
    expect(call.view.ending?.state).toBe('cancelledWrongCharges');
    expect(behaviour(scorecard, 'resolution', 'correctResolution').earned).toBe(0);
    expect(behaviour(scorecard, 'resolution', 'arithmetic').findings[0]!.note).toMatch(/100\.00 should be 69\.00/);
  });

  it('waiving the fee pleases her, and is still the wrong charge', () => {
    const call = play(scenario, [...UP_TO_CHARGES, 'charges-waive']);
    expect(customerLines(call).at(-1)).toBe('delighted');
    expect(call.context.flags).toContain('wrongCharges');
  });

  it('stating the fee without the reason makes her ask where it comes from; a plain explanation settles it', () => {
    const call = play(scenario, [...UP_TO_CHARGES, 'charges-amount']);
    expect(customerLines(call).at(-1)).toBe('whySixtyNine');
    const settled = play(scenario, [...UP_TO_CHARGES, 'charges-amount', 'why-agreement']);
    expect(customerLines(settled).at(-1)).toBe('fairEnough');
    expect(settled.view.beat).toBe('order');
  });
});

describe('gym-cancellation: the retention offer', () => {
  it('the offer that fits her move is heard and declined politely, once', () => {
    const call = play(scenario, [...UP_TO_SAVE, 'save-pass']);
    expect(customerLines(call).at(-1)).toBe('declinesPass');
    expect(call.context.flags).toContain('saveOffered');
  });

  it('an offer that does not fit her reason gets "I\'m moving", and the fitting one can still follow', () => {
    const call = play(scenario, [...UP_TO_SAVE, 'save-freeze']);
    expect(customerLines(call).at(-1)).toBe('misfit');
    expect(call.view.beat).toBe('save');
    expect(play(scenario, [...UP_TO_SAVE, 'save-freeze', 'save-pass']).context.flags).toContain('saveOffered');
  });

  it('skipping the offer cancels correctly but not in the best way', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_SAVE, 'save-skip', 'charges-explain', 'order-confirm', 'close-check', 'bye-warm']);
    expect(call.view.ending?.state).toBe('cancelledNoOffer');
    expect(behaviour(scorecard, 'resolution', 'resolvedOutcome').earned).toBe(15);
  });

  it('pushing after her no angers her; pushing again makes her ask for a supervisor, and transferring is then right', () => {
    const pushed = play(scenario, [...UP_TO_SAVE, 'save-pass', 'afterno-offpeak']);
    expect(customerLines(pushed).at(-1)).toBe('pushedOnce');
    expect(pushed.view.mood.anger).toBeGreaterThan(play(scenario, [...UP_TO_SAVE, 'save-pass']).view.mood.anger);
    const { call, record, scorecard } = playAndScore(scenario, [...UP_TO_SAVE, 'save-pass', 'afterno-offpeak', 'pushed-again', 'sup-transfer']);
    expect(record.flags).toContain('supervisorDemanded');
    expect(call.view.ending?.state).toBe('referred');
    const judgement = behaviour(scorecard, 'resolution', 'escalationJudgement');
    expect(judgement.earned).toBe(judgement.points);
  });

  it('an apology after one push gets the call back on track', () => {
    const call = play(scenario, [...UP_TO_SAVE, 'save-pass', 'afterno-offpeak', 'pushed-sorry']);
    expect(call.view.beat).toBe('charges');
  });
});

describe('gym-cancellation: how she is lost', () => {
  it('telling her to cancel in person loses her to her bank', () => {
    const call = play(scenario, ['ANSWER', 'greet-warm', 'verify-inperson']);
    expect(call.view.ending?.state).toBe('lostToBank');
    expect(customerLines(call).at(-1)).toBe('inPersonFury');
  });

  it('escalating before she asks passes on a call the trainee could handle', () => {
    const { call, scorecard } = playAndScore(scenario, ['ANSWER', 'greet-warm', 'ESCALATE']);
    expect(call.view.ending?.state).toBe('transferredEarly');
    expect(behaviour(scorecard, 'resolution', 'escalationJudgement').earned).toBe(0);
  });

  it('she is short of time: silence is noticed after 10 seconds', () => {
    const call = play(scenario, ['ANSWER', 'WAIT 8000']);
    expect(customerLines(call).at(-1)).toBe('silence');
  });
});
