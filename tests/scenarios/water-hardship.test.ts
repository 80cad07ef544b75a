/**
 * The water shut-off after a bereavement: a frightened, recently widowed
 * customer owes $420.00. Kindness first, then a payment arrangement she can
 * keep, her first payment taken, and what happens next said plainly.
 */
import { describe, expect, it } from 'vitest';
import { competency, play, playAndScore } from '../helpers/play';
import { customerLines, describeLibraryScenario } from '../helpers/library-scenario';

const PERFECT = ['ANSWER', 'greet-warm', 'comfort-paraphrase', 'verify-gentle', 'LOOKUP bills', 'LOOKUP notices', 'situation-when', 'history-where', 'budget-ask', 'plan-explain', 'pay-ask', 'confirm-full', 'bye-warm'];
/** Asks what she needs first, lets empathy open her story, asks her income, states the plan briefly and explains it when she asks. */
const OTHER_GOOD = ['ANSWER', 'greet-name', 'comfort-empathy', 'verify-explain', 'situation-when', 'history-where', 'LOOKUP notices', 'budget-income', 'LOOKUP bills', 'plan-short', 'planwhy-plain', 'pay-hold', 'confirm-summary', 'bye-warm'];
const LOST = ['ANSWER', 'greet-bare', 'comfort-blame', 'hurting-calm'];
const UP_TO_BUDGET = PERFECT.slice(0, PERFECT.indexOf('budget-ask'));
const UP_TO_PLAN = PERFECT.slice(0, PERFECT.indexOf('plan-explain'));

const scenario = describeLibraryScenario({ file: 'scenarios/water-hardship.json', level: 'III', perfect: PERFECT, otherGood: OTHER_GOOD, lost: LOST });

function behaviour(scorecard: Parameters<typeof competency>[0], competencyId: string, behaviourId: string) {
  return competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId)!;
}
const cents = (amount: number) => Math.round(amount * 100);

describe('water-hardship: the arrangement adds up', () => {
  it('the overdue amount on the notice is the three unpaid bills, and its late fees their late-fee lines', () => {
    const unpaid = scenario.account.bills.filter((bill) => bill.status === 'Unpaid');
    const overdue = unpaid.reduce((sum, bill) => sum + cents(bill.amount), 0);
    const notice = scenario.account.sections.notices!.items[0]!;
    expect(cents(notice.amounts[0]!.amount)).toBe(overdue);
    const fees = unpaid.flatMap((bill) => bill.lines ?? []).filter((line) => line.label.startsWith('Late fee'));
    expect(cents(notice.amounts[1]!.amount)).toBe(fees.reduce((sum, line) => sum + cents(line.amount), 0));
    for (const bill of scenario.account.bills) expect((bill.lines ?? []).reduce((sum, line) => sum + cents(line.amount), 0), bill.id).toBe(cents(bill.amount));
  });

  it('the correct plan is a first payment of at least 10% and six equal instalments of what is left; the wrong ones are the usual mistakes', () => {
    const overdue = 420;
    const firstPayment = 60;
    expect(firstPayment).toBeGreaterThanOrEqual(overdue * 0.1);
    const { resolutions } = scenario.policy;
    expect(resolutions.plan6).toMatchObject({ correct: true, amount: (overdue - firstPayment) / 6 });
    expect(resolutions.planNoFirstPayment!.amount).toBe(overdue / 6);
    expect(resolutions.plan3!.amount).toBe((overdue - firstPayment) / 3);
    expect(resolutions.planWithFees!.amount).toBe((overdue - firstPayment + 30) / 6);
    expect(resolutions.payInFull!.amount).toBe(overdue);
  });
});

describe('water-hardship: a vulnerable caller', () => {
  it('kindness first: she tells her story once she is shown empathy', () => {
    const call = play(scenario, ['ANSWER', 'greet-warm', 'comfort-paraphrase']);
    expect(call.context.revealed).toContain('husbandPaid');
    const brisk = play(scenario, ['ANSWER', 'greet-warm', 'comfort-business']);
    expect(brisk.context.revealed).not.toContain('husbandPaid');
    expect(customerLines(brisk).at(-1)).toBe('businessFirst');
  });

  it('blame brings her to tears; an apology brings her back, more blame loses her', () => {
    const hurt = play(scenario, ['ANSWER', 'greet-warm', 'comfort-blame']);
    expect(hurt.view.beat).toBe('hurting');
    expect(play(scenario, ['ANSWER', 'greet-warm', 'comfort-blame', 'hurting-sorry']).view.beat).toBe('verify');
    const lost = play(scenario, ['ANSWER', 'greet-warm', 'comfort-blame', 'hurting-move-on']);
    expect(lost.view.ending?.state).toBe('hungUpInTears');
  });

  it('reading her balance and address before she is verified is a security breach the scorecard cites', () => {
    const { record, scorecard } = playAndScore(scenario, ['ANSWER', 'greet-warm', 'comfort-paraphrase', 'verify-read']);
    const breach = record.transcript.findIndex((entry) => entry.kind === 'trainee' && entry.replyId === 'verify-read');
    const check = behaviour(scorecard, 'opening', 'verifyBeforeDisclosing');
    expect(check.earned).toBe(0);
    expect(check.findings.some((finding) => finding.turn === breach && finding.points < 0)).toBe(true);
  });

  it('gives her time: silence is only noticed after 25 seconds', () => {
    expect(customerLines(play(scenario, ['ANSWER', 'WAIT 18000'])).at(-1)).not.toBe('silence');
    expect(customerLines(play(scenario, ['ANSWER', 'WAIT 23000'])).at(-1)).toBe('silence');
  });
});

describe('water-hardship: the plan', () => {
  it('offered before asking what she can afford, she says what she can manage first', () => {
    const call = play(scenario, [...UP_TO_BUDGET, 'budget-jump']);
    expect(customerLines(call)).toContain('notSureICan');
    expect(call.context.revealed).toContain('budget');
  });

  it('a three-month plan is more than she can pay, and she says so', () => {
    const call = play(scenario, [...UP_TO_PLAN, 'plan-three']);
    expect(customerLines(call).at(-1)).toBe('thatIsTooMuch');
    expect(call.view.beat).toBe('plan');
  });

  it('a plan with the late fees in it is accepted, but ends as the wrong plan', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_PLAN, 'plan-fees', 'pay-ask', 'confirm-full', 'bye-warm']);
    expect(call.view.ending?.state).toBe('arrangedWrong');
    expect(behaviour(scorecard, 'resolution', 'arithmetic').findings[0]!.note).toMatch(/65\.00 should be 60\.00/);
  });

  it('referring her to another team leaves her waiting, and costs the escalation marks', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_PLAN, 'plan-refer']);
    expect(call.view.ending?.state).toBe('handedOn');
    expect(call.view.ending?.detail.outcome).toBe('referred');
    expect(behaviour(scorecard, 'resolution', 'escalationJudgement').earned).toBe(0);
  });

  it('the first payment is taken before the call closes', () => {
    const call = play(scenario, [...UP_TO_PLAN, 'plan-explain', 'pay-ask']);
    expect(call.context.flags).toContain('paid');
    expect(customerLines(call).at(-1)).toBe('cardRead');
  });
});
