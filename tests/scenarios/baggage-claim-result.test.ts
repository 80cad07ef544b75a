/**
 * The outbound notification: the trainee calls a passenger with the result of
 * his delayed-baggage claim. Confirm who answered, give the partly good news
 * plainly, explain what is not covered, say what he can still do and when the
 * money arrives.
 */
import { describe, expect, it } from 'vitest';
import { competency, play, playAndScore } from '../helpers/play';
import { customerLines, describeLibraryScenario } from '../helpers/library-scenario';

const PERFECT = ['ANSWER', 'intro-full', 'verify-dob', 'LOOKUP claim', 'LOOKUP history', 'result-warm', 'excl-ask', 'excl-plain', 'options-insurance', 'pay-when', 'check-understood', 'bye-warm'];
/** Says the purpose up front, verifies by booking reference, explains the exclusion at once, and closes with a thank-you. */
const OTHER_GOOD = ['ANSWER', 'intro-purpose', 'verify-booking', 'LOOKUP history', 'result-clear', 'excl-plain', 'options-review', 'LOOKUP claim', 'pay-check', 'check-else', 'bye-warm'];
const LOST = ['ANSWER', 'intro-full', 'verify-dob', 'result-clear', 'excl-policy', 'excl-blame', 'excl-policy'];
const UP_TO_RESULT = PERFECT.slice(0, PERFECT.indexOf('result-warm'));
const UP_TO_CLOSE = PERFECT.slice(0, PERFECT.indexOf('check-understood'));

const scenario = describeLibraryScenario({ file: 'scenarios/baggage-claim-result.json', level: 'I', perfect: PERFECT, otherGood: OTHER_GOOD, lost: LOST });

function behaviour(scorecard: Parameters<typeof competency>[0], competencyId: string, behaviourId: string) {
  return competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId)!;
}

describe('baggage-claim-result: the trainee places the call', () => {
  it('is an outbound call: he picks up and speaks first', () => {
    expect(scenario.direction).toBe('outbound');
    const call = play(scenario, ['ANSWER']);
    expect(customerLines(call)).toEqual(['hello']);
  });

  it('the result comes from the receipts and the terms: clothes and toiletries within 3 days at $100, the suitcase out', () => {
    const claim = scenario.account.sections.claim!.items;
    const amount = (id: string) => claim.find((item) => item.id === id)!.amounts[0]!.amount;
    const approved = amount('toiletries') + amount('clothes');
    expect(approved).toBeLessThanOrEqual(3 * 100);
    expect(scenario.policy.resolutions.approvedPart).toMatchObject({ correct: true, amount: approved });
    expect(scenario.policy.resolutions.payAll!.amount).toBe(approved + amount('suitcase'));
    const decision = claim.find((item) => item.id === 'decision')!.amounts;
    expect(decision.map((line) => line.amount)).toEqual([approved + amount('suitcase'), approved, 300]);
  });
});

describe('baggage-claim-result: confidentiality', () => {
  it('telling the result before checking who answered is cited as a disclosure, and ends short of the best', () => {
    const steps = ['ANSWER', 'intro-blurt', 'excl-ask', 'excl-plain', 'options-insurance', 'pay-when', 'check-understood', 'bye-warm'];
    const { call, record, scorecard } = playAndScore(scenario, steps);
    expect(customerLines(call)).toContain('askedFirst');
    expect(call.view.ending?.state).toBe('notifiedPartly');
    const blurt = record.transcript.findIndex((entry) => entry.kind === 'trainee' && entry.replyId === 'intro-blurt');
    const check = behaviour(scorecard, 'opening', 'verifyBeforeDisclosing');
    expect(check.earned).toBe(0);
    expect(check.findings.some((finding) => finding.turn === blurt)).toBe(true);
  });
});

describe('baggage-claim-result: the news', () => {
  it('the right amount brings the question about the suitcase; a plain reason answers it', () => {
    const call = play(scenario, [...UP_TO_RESULT, 'result-clear']);
    expect(customerLines(call).at(-1)).toBe('whySuitcase');
    expect(customerLines(play(scenario, [...UP_TO_RESULT, 'result-clear', 'excl-plain'])).at(-1)).toBe('fairEnough');
  });

  it('the limit is not the payment: offering $300 does not add up to him', () => {
    expect(customerLines(play(scenario, [...UP_TO_RESULT, 'result-limit'])).at(-1)).toBe('doesNotAddUp');
  });

  it('promising the whole claim pleases him but is the wrong amount', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_RESULT, 'result-all', 'pay-when', 'check-else', 'bye-warm']);
    expect(call.view.ending?.state).toBe('notifiedWrong');
    expect(behaviour(scorecard, 'resolution', 'correctResolution').earned).toBe(0);
  });

  it('"nothing else I can do" leaves him out of pocket and without the options, which costs the best ending', () => {
    const steps = [...UP_TO_RESULT, 'result-clear', 'excl-plain', 'options-none', 'pay-when', 'check-else', 'bye-warm'];
    const { call } = playAndScore(scenario, steps);
    expect(customerLines(call)).toContain('nothingAtAll');
    expect(call.view.ending?.state).toBe('notifiedPartly');
  });

  it('rule-quoting twice makes him ask for a manager; transferring then is right', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_RESULT, 'result-clear', 'excl-policy', 'excl-policy', 'complaint-transfer']);
    expect(customerLines(call)).toContain('wantsManager');
    expect(call.view.ending?.state).toBe('referred');
    const judgement = behaviour(scorecard, 'resolution', 'escalationJudgement');
    expect(judgement.earned).toBe(judgement.points);
  });

  it('checking understanding before the goodbye earns the close', () => {
    const { scorecard } = playAndScore(scenario, [...UP_TO_CLOSE, 'check-understood', 'bye-warm']);
    expect(behaviour(scorecard, 'closing', 'checkResolved').earned).toBe(40);
    const rushed = playAndScore(scenario, [...UP_TO_CLOSE, 'check-rush', 'close-thanks']);
    expect(behaviour(rushed.scorecard, 'closing', 'checkResolved').earned).toBe(0);
  });
});
