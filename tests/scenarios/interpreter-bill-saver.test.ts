/**
 * The caller with little English: his phone bill doubled with calls to his
 * mother in Vietnam. The trainee offers the free interpreter line, explains
 * in plain words, and recommends only the add-on that really saves him money.
 */
import { describe, expect, it } from 'vitest';
import { competency, play, playAndScore } from '../helpers/play';
import { customerLines, describeLibraryScenario } from '../helpers/library-scenario';

const PERFECT = ['ANSWER', 'greet-warm', 'lang-interpreter', 'verify-plain', 'LOOKUP bills', 'LOOKUP addOns', 'needs-where', 'more-when', 'more-why', 'charges-paraphrase', 'offer-saver', 'confirm-check', 'bye-warm'];
/** Slows down and offers the interpreter in the same breath, asks how often first, explains the charge plainly and confirms simply. */
const OTHER_GOOD = ['ANSWER', 'greet-slow', 'lang-slow', 'verify-kind', 'needs-when', 'more-why', 'LOOKUP bills', 'more-where', 'charges-plain', 'LOOKUP addOns', 'offer-saver-short', 'confirm-simple', 'bye-warm'];
const LOST = ['ANSWER', 'greet-fast', 'lang-english'];
const UP_TO_OFFER = PERFECT.slice(0, PERFECT.indexOf('offer-saver'));

const scenario = describeLibraryScenario({ file: 'scenarios/interpreter-bill-saver.json', level: 'I', perfect: PERFECT, otherGood: OTHER_GOOD, lost: LOST });

function behaviour(scorecard: Parameters<typeof competency>[0], competencyId: string, behaviourId: string) {
  return competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId)!;
}

describe('interpreter-bill-saver: language', () => {
  it('offering the interpreter brings one onto the call, and he understands far better', () => {
    const call = play(scenario, ['ANSWER', 'greet-warm', 'lang-interpreter']);
    expect(customerLines(call).at(-1)).toBe('interpreterJoins');
    expect(call.view.mood.confusion).toBeLessThan(30);
    expect(call.context.flags).toContain('interpreter');
  });

  it('speaks in broken English while confused, and plainly once he understands', () => {
    const confused = play(scenario, ['ANSWER', 'greet-warm']);
    const first = confused.view.transcript.find((entry) => entry.kind === 'customer' && entry.line === 'billDoubled');
    expect(first?.kind === 'customer' && first.text).toMatch(/my English\.\.\. not good/);
    const helped = play(scenario, ['ANSWER', 'greet-warm', 'lang-interpreter', 'verify-plain']);
    const details = helped.view.transcript.find((entry) => entry.kind === 'customer' && entry.line === 'callerMinh');
    expect(details?.kind === 'customer' && details.text).toMatch(/My name is Minh Nguyen/);
  });

  it('carrying on in English without offering the interpreter can still sort it, but not in the best way', () => {
    const steps = ['ANSWER', 'greet-warm', 'lang-carry-on', 'verify-plain', 'needs-where', 'more-when', 'more-why', 'charges-paraphrase', 'offer-saver', 'confirm-check', 'bye-warm'];
    const { call, scorecard } = playAndScore(scenario, steps);
    expect(call.view.ending?.state).toBe('savedNoInterpreter');
    expect(behaviour(scorecard, 'resolution', 'resolvedOutcome').earned).toBe(15);
  });

  it('jargon and a wall of words push him to give up', () => {
    const call = play(scenario, ['ANSWER', 'greet-fast', 'lang-louder']);
    expect(call.view.ending?.state).toBe('gaveUp');
  });
});

describe('interpreter-bill-saver: an honest sale', () => {
  it('the Saver fits his calls: $10.00 instead of $38.50, worked out from the bill', () => {
    const november = scenario.account.bills[0]!;
    const calls = november.lines!.find((line) => line.label.startsWith('Calls to Vietnam'))!;
    expect(calls.amount).toBe(Math.round(70 * 0.55 * 100) / 100);
    const saver = scenario.account.sections.addOns!.items.find((item) => item.id === 'saver')!.amounts[0]!.amount;
    expect(scenario.policy.resolutions.addSaver).toMatchObject({ correct: true, amount: saver });
    expect(november.amount - calls.amount + saver).toBe(45);
  });

  it('the $85 plan is agreed to with a confused "okay", and ends as a sale he did not need', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_OFFER, 'offer-premium', 'confirm-check', 'bye-warm']);
    expect(customerLines(call)).toContain('okOkay');
    expect(call.view.ending?.state).toBe('upsold');
    expect(behaviour(scorecard, 'resolution', 'correctResolution').earned).toBe(0);
  });

  it('refunding correctly charged calls leaves next month the same', () => {
    expect(customerLines(play(scenario, [...UP_TO_OFFER, 'offer-refund'])).at(-1)).toBe('thankYouBut');
  });

  it('checking he understood what he agreed to earns the close', () => {
    const { scorecard } = playAndScore(scenario, PERFECT);
    expect(behaviour(scorecard, 'closing', 'checkResolved').earned).toBe(40);
  });

  it('told the change without a check, he only says a polite yes, and the call moves on to the close', () => {
    const call = play(scenario, [...UP_TO_OFFER, 'offer-saver', 'confirm-tell']);
    expect(customerLines(call).at(-1)).toBe('politeYes');
    expect(customerLines(call)).not.toContain('confirmedUnderstood');
    expect(call.view.beat).toBe('close');
  });
});
