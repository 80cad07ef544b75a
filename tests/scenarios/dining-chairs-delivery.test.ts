/**
 * The disputed delivery: two chairs missing, two the wrong colour, and a
 * card charged more than the order. The trainee compares the order, the
 * invoice and the delivery note, then ships, exchanges and refunds exactly
 * what the paperwork shows.
 */
import { describe, expect, it } from 'vitest';
import { competency, play, playAndScore } from '../helpers/play';
import { customerLines, describeLibraryScenario } from '../helpers/library-scenario';

const PERFECT = ['ANSWER', 'greet-warm', 'verify-paraphrase', 'LOOKUP order', 'LOOKUP invoice', 'LOOKUP deliveryNote', 'details-when', 'more-where', 'more-why', 'compare-note', 'charge-invoice', 'fix-all', 'arrange-dates', 'close-check', 'bye-warm'];
/** Asks what she needs first, apologises while verifying, asks where and why, states the fix without asking and gives the short version of the dates. */
const OTHER_GOOD = ['ANSWER', 'greet-ask', 'verify-sorry', 'details-where', 'more-why', 'LOOKUP deliveryNote', 'LOOKUP order', 'compare-short', 'LOOKUP invoice', 'charge-plain', 'fix-choice', 'arrange-short', 'close-check', 'bye-warm'];
const LOST = ['ANSWER', 'greet-blame', 'verify-doubt'];
const UP_TO_COMPARE = PERFECT.slice(0, PERFECT.indexOf('compare-note'));
const UP_TO_FIX = PERFECT.slice(0, PERFECT.indexOf('fix-all'));

const scenario = describeLibraryScenario({ file: 'scenarios/dining-chairs-delivery.json', level: 'II', perfect: PERFECT, otherGood: OTHER_GOOD, lost: LOST });

function behaviour(scorecard: Parameters<typeof competency>[0], competencyId: string, behaviourId: string) {
  return competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId)!;
}
const cents = (amount: number) => Math.round(amount * 100);

describe('dining-chairs-delivery: the paperwork', () => {
  it('the invoice charged one delivery fee more than the order: that fee is the refund', () => {
    const { order, invoice } = scenario.account.sections;
    const orderLines = order!.items.filter((item) => item.id !== 'total').flatMap((item) => item.amounts);
    const orderTotal = orderLines.reduce((sum, line) => sum + cents(line.amount), 0);
    expect(orderTotal).toBe(cents(order!.items.find((item) => item.id === 'total')!.amounts[0]!.amount));
    const charged = invoice!.items[0]!.amounts;
    const invoiceLines = charged.filter((line) => line.label !== 'Charged to card');
    const invoiceTotal = invoiceLines.reduce((sum, line) => sum + cents(line.amount), 0);
    expect(invoiceTotal).toBe(cents(charged.find((line) => line.label === 'Charged to card')!.amount));
    expect((invoiceTotal - orderTotal) / 100).toBe(scenario.policy.resolutions.shipExchangeRefund!.amount);
    expect(scenario.policy.resolutions.refundChairs!.amount).toBe(2 * 89);
  });

  it('looking at the paperwork is what confirms her story; offering a fix before that gets "look first"', () => {
    expect(customerLines(play(scenario, [...UP_TO_COMPARE, 'compare-skip'])).at(-1)).toBe('checkFirst');
    const checked = play(scenario, [...UP_TO_COMPARE, 'compare-note']);
    expect(checked.context.flags).toContain('checkedPaperwork');
    expect(checked.context.revealed).toContain('overcharged');
  });
});

describe('dining-chairs-delivery: putting it right', () => {
  it('a refund for chairs she needs is the wrong fix: she wants the chairs', () => {
    expect(customerLines(play(scenario, [...UP_TO_FIX, 'fix-refund-chairs'])).at(-1)).toBe('wantChairs');
  });

  it('sending the chairs but leaving the extra charge ends only partly sorted', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_FIX, 'fix-ship-only', 'arrange-dates', 'close-check', 'bye-warm']);
    expect(customerLines(call)).toContain('andTheCharge');
    expect(call.view.ending?.state).toBe('sortedPartly');
    expect(behaviour(scorecard, 'resolution', 'correctResolution').earned).toBe(0);
  });

  it('refunding both delivery fees is generous and wrong: the amount is cited', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_FIX, 'fix-both-fees', 'arrange-dates', 'close-check', 'bye-warm']);
    expect(call.view.ending?.state).toBe('sortedPartly');
    expect(behaviour(scorecard, 'resolution', 'arithmetic').findings[0]!.note).toMatch(/98\.00 should be 49\.00/);
  });

  it('blaming the card company for the extra charge leaves the duplicate unrefunded', () => {
    const call = play(scenario, [...PERFECT.slice(0, PERFECT.indexOf('charge-invoice')), 'charge-dismiss']);
    expect(customerLines(call).at(-1)).toBe('notMyFault');
    expect(call.view.beat).toBe('charge');
  });

  it('doubting her order loses her at once', () => {
    const { call } = playAndScore(scenario, LOST);
    expect(call.view.ending?.state).toBe('hungUp');
  });
});
