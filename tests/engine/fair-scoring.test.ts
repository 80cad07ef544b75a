/**
 * Scoring that rewards the right thing: each case here was a trainee doing
 * the job well and losing points for it.
 */
import { describe, expect, it } from 'vitest';
import { scoreCall, type Scorecard } from '../../src/engine/scoring/scorer';
import { idealNotes } from '../../src/engine/scenario/scenario-report';
import { datesIn } from '../../src/engine/scoring/fair-reading';
import { competency, loadScenarioFile, play } from '../helpers/play';

const billing = loadScenarioFile('scenarios/billing-dispute.json');
const confused = loadScenarioFile('scenarios/confused-new-bill.json');

function behaviour(card: Scorecard, competencyId: string, id: string) {
  const found = competency(card, competencyId).behaviours.find((b) => b.id === id);
  if (!found) throw new Error(`no behaviour ${id}`);
  return found;
}

const BILLING_BEST = ['ANSWER', 'greet-good', 'vent-empathy-verify', 'LOOKUP bills', 'LOOKUP history', 'dir-lookup', 'find-overlap', 'usage-ask', 'weather-ask-when', 'weather-plain', 'credit-correct', 'prevent-cause'];

describe('fair scoring', () => {
  it('accepts the working of the credit, the amount collected after it and the customer’s own figure in the notes', () => {
    const call = play(billing, [...BILLING_BEST, 'close-good']);
    const record = call.record();
    const notes = {
      ...idealNotes(billing, record),
      what: 'Feb bill $311.22, more than double the usual',
      action: 'Credit $57.33 for 7 overlap days: $50.40 energy + $4.20 service + $2.73 tax. AutoPay now collects $253.89 on 26 Feb.',
    };
    const fair = behaviour(scoreCall(billing, { ...record, notes }), 'documentation', 'notesAmounts');
    expect(fair.earned).toBe(fair.points);
    const wrong = behaviour(scoreCall(billing, { ...record, notes: { ...notes, action: `${notes.action} Refund $99.99.` } }), 'documentation', 'notesAmounts');
    expect(wrong.earned).toBeLessThan(wrong.points);
    expect(wrong.findings.some((finding) => finding.note.startsWith('99.99'))).toBe(true);
  });

  it('credits the close when the trainee asked if anything else was needed and the customer said goodbye', () => {
    const call = play(billing, [...BILLING_BEST, 'close-check']);
    expect(call.view.ending?.state).toBe('resolved');
    const close = behaviour(scoreCall(billing, call.record()), 'closing', 'professionalClose');
    expect(close.earned).toBe(close.points);
  });

  it('does not count saying back the customer’s own amount before verification as disclosing the account', () => {
    const restated = play(billing, ['ANSWER', 'greet-good']);
    restated.send({ type: 'SAY', reply: { text: 'So the bill is $311.22, more than double what you usually pay?', acts: ['paraphrase'], disclosesAccount: true } });
    const fine = behaviour(scoreCall(billing, restated.record()), 'opening', 'verifyBeforeDisclosing');
    expect(fine.findings.some((finding) => finding.note.startsWith('Account details before'))).toBe(false);

    const disclosed = play(billing, ['ANSWER', 'greet-good']);
    disclosed.send({ type: 'SAY', reply: { text: 'Your January bill was $149.94, so this is double.', acts: ['explainPlainly'], disclosesAccount: true } });
    const leak = behaviour(scoreCall(billing, disclosed.record()), 'opening', 'verifyBeforeDisclosing');
    expect(leak.findings.some((finding) => finding.note.startsWith('Account details before'))).toBe(true);
  });

  it('does not mark Superior what a lost call never tested', () => {
    const call = play(billing, ['ANSWER', 'greet-rushed', 'vent-calm', 'demand-refuse']);
    expect(call.view.ending?.detail.outcome).toBe('lost');
    const card = scoreCall(billing, call.record());
    expect(behaviour(card, 'resolution', 'plainLanguage').applicable).toBe(false);
    expect(competency(card, 'deescalation').level).not.toBe('Superior');
  });

  it('reads a date in notes in any common written form', () => {
    expect([...datesIn('received 7 Mar')]).toEqual(['7/3']);
    expect([...datesIn('the 7th of March')]).toEqual(['7/3']);
    expect([...datesIn('March 7th, AutoPay 2026-03-17')].sort()).toEqual(['17/3', '7/3']);
    const call = play(confused, ['ANSWER', 'greet-warm', 'worry-ask', 'verify-full', 'gather-when']);
    const record = call.record();
    const card = scoreCall(confused, { ...record, notes: { ...idealNotes(confused, record), when: 'Letter received Sat 7 Mar; AutoPay 17th' } });
    const when = behaviour(card, 'documentation', 'notes5W').findings.find((finding) => finding.notesField === 'when');
    expect(when?.points).toBeGreaterThan(0);
  });

  it('takes its coaching from this call, not from another scenario', () => {
    const call = play(confused, ['ANSWER', 'greet-warm', 'worry-ask', 'verify-full', 'gather-billfirst', 'balance-plain', 'autopay-plain-check', 'confirm-yes', 'portal-explain', 'resolve-mobile', 'close-quick']);
    const expectations = behaviour(scoreCall(confused, call.record()), 'closing', 'checkResolved');
    const tip = expectations.findings.find((finding) => finding.points < 0)?.tip ?? '';
    expect(tip).not.toMatch(/December/);
    expect(tip).toMatch(/in this call/);
  });

  it('does not score a turn the trainee said was misheard', () => {
    const call = play(billing, ['ANSWER', 'greet-good']);
    call.send({ type: 'SAY', reply: { text: 'Whatever you did with the heating, it is your problem.', acts: ['blame'] } });
    call.send({ type: 'MISHEARD' });
    const card = scoreCall(billing, call.record());
    expect(behaviour(card, 'deescalation', 'noBlame').findings.every((finding) => finding.points >= 0)).toBe(true);
    expect(call.view.transcript.some((entry) => entry.kind === 'event' && entry.event === 'misheard')).toBe(true);
  });
});
