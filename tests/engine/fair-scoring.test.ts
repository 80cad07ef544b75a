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

  it('reads amounts written in words, in the notes and in what the customer said, as the same figures', () => {
    const call = play(billing, [...BILLING_BEST, 'close-good']);
    const record = call.record();
    const notes = {
      ...idealNotes(billing, record),
      action: 'Credited fifty-seven dollars and thirty-three cents for the seven days billed twice.',
    };
    const inWords = behaviour(scoreCall(billing, { ...record, notes }), 'documentation', 'notesAmounts');
    expect(inWords.earned).toBe(inWords.points);
    const wrongInWords = behaviour(scoreCall(billing, { ...record, notes: { ...notes, why: 'Refunded ninety-nine dollars as well.' } }), 'documentation', 'notesAmounts');
    expect(wrongInWords.findings.some((finding) => finding.note.startsWith('99.00'))).toBe(true);
    // A figure the customer said only in words is theirs to note in figures.
    const customerSaid = record.transcript.findIndex((entry) => entry.kind === 'customer');
    const transcript = record.transcript.map((entry, index) =>
      index === customerSaid && entry.kind === 'customer' ? { ...entry, text: `${entry.text} The heaters cost me two hundred and seventeen dollars and six cents.` } : entry,
    );
    const theirs = behaviour(scoreCall(billing, { ...record, transcript, notes: { ...notes, why: 'Spent $217.06 on space heaters' } }), 'documentation', 'notesAmounts');
    expect(theirs.earned).toBe(theirs.points);
    const unsaid = behaviour(scoreCall(billing, { ...record, notes: { ...notes, why: 'Spent $217.06 on space heaters' } }), 'documentation', 'notesAmounts');
    expect(unsaid.earned).toBeLessThan(unsaid.points);
  });

  it('credits the close when the trainee asked if anything else was needed and the customer said goodbye', () => {
    const call = play(billing, [...BILLING_BEST, 'close-check']);
    expect(call.view.ending?.state).toBe('resolved');
    const close = behaviour(scoreCall(billing, call.record()), 'closing', 'professionalClose');
    expect(close.earned).toBe(close.points);
  });

  it('credits next steps said when the resolution was first offered, though the trainee offered it again in a recap before the goodbye', () => {
    const record = play(billing, [...BILLING_BEST, 'close-check']).record();
    const at = (replyId: string) => record.transcript.findIndex((entry) => entry.kind === 'trainee' && entry.replyId === replyId);
    const [offer, prevent, close] = [at('credit-correct'), at('prevent-cause'), at('close-check')];
    const rewrite = (changes: Record<number, object>) => ({
      ...record,
      transcript: record.transcript.map((entry, index) => (changes[index] ? { ...entry, ...changes[index] } : entry)),
    });
    const recap = { text: 'So that is $57.33 off this bill for the days charged twice. Anything else I can help with?', acts: ['paraphrase', 'checkResolved'], offers: 'creditOverlap' };
    // Next steps said only with the first offer; the last turn offers the same credit again as a recap.
    const recapped = rewrite({ [prevent]: { acts: ['explainPlainly'] }, [close]: recap });
    const credited = behaviour(scoreCall(billing, recapped), 'closing', 'setExpectations');
    expect(credited.earned).toBe(credited.points);
    expect(credited.findings[0]!.turn).toBe(offer);
    // Next steps for an offer the trainee then replaced with another are not the next steps of the call.
    const replaced = rewrite({ [prevent]: { acts: ['offerOptions'], offers: 'goodwill50' }, [close]: recap });
    const missed = behaviour(scoreCall(billing, replaced), 'closing', 'setExpectations');
    expect(missed.earned).toBe(0);
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

  it('quotes next steps from the route the trainee was on, not from a branch the call never took', () => {
    const call = play(confused, ['ANSWER', 'greet-warm', 'worry-ask', 'verify-full', 'gather-billfirst', 'balance-plain', 'autopay-plain-check', 'confirm-yes', 'portal-explain', 'resolve-mobile', 'close-quick']);
    expect(call.view.ending?.state).toBe('resolved');
    const record = call.record();
    // The same call with no next steps said anywhere in it.
    const silentOnNextSteps = {
      ...record,
      transcript: record.transcript.map((entry) => (entry.kind === 'trainee' ? { ...entry, acts: entry.acts.filter((act) => act !== 'setExpectations') } : entry)),
    };
    const nextSteps = behaviour(scoreCall(confused, silentOnNextSteps), 'closing', 'setExpectations');
    const tip = nextSteps.findings.find((finding) => finding.points < 0)?.tip ?? '';
    const said = (beat: string, id: string) => confused.replies[beat]!.find((reply) => reply.id === id)!.text;
    expect(tip).not.toContain(said('refer', 'refer-book'));
    expect(tip).not.toContain(said('resolve', 'resolve-paper'));
    expect(tip).toContain(said('close', 'close-full'));
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
