import type { DialogueAct } from '../../src/engine/acts';
import type { Mood } from '../../src/engine/mood';
import { RUBRIC } from '../../src/engine/scoring/rubric';
import { BEHAVIOUR_CHECKS, findingsByTurn, scoreCall } from '../../src/engine/scoring/scorer';
import { EMPTY_NOTES, type CallRecord, type TraineeReply, type TranscriptEntry } from '../../src/engine/call/transcript';
import { competency, loadScenarioFile } from '../helpers/play';

const tiny = loadScenarioFile('tests/fixtures/tiny-scenario.json');

const calm: Mood = { anger: 20, trust: 60, confusion: 10, patience: 70 };
const angry: Mood = { anger: 75, trust: 30, confusion: 10, patience: 50 };

type Untimed = TranscriptEntry extends infer E ? (E extends unknown ? Omit<E, 'at'> : never) : never;

/** A hand-built transcript: customer lines and trainee turns, a few seconds apart. */
function transcript(...entries: Untimed[]): TranscriptEntry[] {
  return entries.map((entry, i) => ({ ...entry, at: i * 4000 }) as TranscriptEntry);
}
const customer = (text: string, mood = calm, reveals?: string): Untimed => ({ kind: 'customer', text, line: 'x', mood, ...(reveals ? { reveals } : {}) });
const trainee = (text: string, acts: DialogueAct[], extra: Partial<TraineeReply> = {}, mood = calm): Untimed => ({ kind: 'trainee', text, acts, mood, ...extra });

function record(entries: TranscriptEntry[], ending: string | null = 'resolved', notes = EMPTY_NOTES): CallRecord {
  return { scenarioId: 'tiny', scenarioVersion: 1, seed: 's', transcript: entries, ending, flags: [], flaggedAt: {}, notes };
}

const goodCall = transcript(
  customer('Finally! Where is my parcel? It was meant to be here days ago and nobody has told me anything at all.', angry),
  trainee('Good morning, thanks for calling. I am sorry, that sounds frustrating. What happened?', ['greeting', 'empathy', 'askWhat']),
  customer('My parcel is five days late and I need it for my daughter\'s birthday this weekend.', angry, 'parcelLate'),
  trainee('So your parcel is five days late and you need it for the weekend. When did you order it?', ['paraphrase', 'askWhen']),
  customer('I ordered it on Monday the second, first thing in the morning, and paid for standard delivery.', calm, 'orderedMonday'),
  trainee('Thank you, that helps. Can you confirm the postcode on the account?', ['paraphrase', 'verifyIdentity']),
  customer('Yes, it is AB1 2CD, the same as always.', calm),
  trainee("I'll refund the 4.99 shipping today, or I can send a replacement by express. Which would you prefer?", ['offerOptions', 'setExpectations'], { offers: 'refundShipping' }),
  customer('The refund is fine, thank you, that is all I wanted really.', calm),
  trainee('Is there anything else I can help with today? Thank you for calling, goodbye.', ['checkResolved', 'closing']),
);

describe('the scorer', () => {
  it('gives a good call Superior in active listening, with the paraphrase turn credited', () => {
    const card = scoreCall(tiny, record(goodCall));
    const listening = competency(card, 'listening');
    expect(listening.level).toBe('Superior');
    const paraphrase = listening.behaviours.find((b) => b.id === 'paraphrase')!;
    expect(paraphrase.findings[0]).toMatchObject({ turn: 3, points: 35 });
    expect(card.level).toBe('Superior');
  });

  it('marks "calm down" and blame as Needs improvement in de-escalation, citing the offending turns', () => {
    const bad = transcript(
      customer('Where is my parcel? This is ridiculous.', angry),
      trainee('Hello. Calm down, please.', ['greeting', 'negativeWording'], {}, angry),
      customer('Do NOT tell me to calm down.', { ...angry, anger: 85 }),
      trainee('Well, you should have ordered express delivery.', ['blame'], {}, { ...angry, anger: 95 }),
    );
    const card = scoreCall(tiny, record(bad, 'lost'));
    const deescalation = competency(card, 'deescalation');
    expect(deescalation.level).toBe('Needs improvement');
    const byTurn = findingsByTurn(card);
    expect(byTurn.get(1)?.some((f) => f.behaviour === 'positiveWording' && f.points < 0)).toBe(true);
    expect(byTurn.get(3)?.some((f) => f.behaviour === 'noBlame' && f.points < 0)).toBe(true);
    expect(deescalation.clauses).toContain('000 §3.3.1.1');
  });

  it('coaches negative wording with a positive replacement (000 §3.3.1.1)', () => {
    const entries = transcript(customer('Where is it?', angry), trainee("Sorry, I can't do anything about couriers.", ['negativeWording']));
    const card = scoreCall(tiny, record(entries, null));
    const finding = competency(card, 'deescalation').behaviours.find((b) => b.id === 'positiveWording')!.findings[0]!;
    expect(finding.turn).toBe(1);
    expect(finding.tip).toMatch(/Instead of "can't", try: "What I can do is…"/);
  });

  it('prefers the scenario author\'s coaching for a prepared reply', () => {
    const entries = transcript(customer('Where is it?', angry), trainee('Calm down, please.', ['negativeWording'], { replyId: 'vent-calm' }));
    const card = scoreCall(tiny, record(entries, null));
    const finding = competency(card, 'deescalation').behaviours.find((b) => b.id === 'positiveWording')!.findings[0]!;
    expect(finding.tip).toBe('I can hear how frustrating this is.');
  });

  it('flags account details disclosed before identity is verified', () => {
    const entries = transcript(customer('Hi.', calm), trainee("Hello! I'll refund the 4.99 shipping.", ['greeting', 'offerOptions'], { offers: 'refundShipping' }), trainee('What is your postcode?', ['verifyIdentity']));
    const opening = competency(scoreCall(tiny, record(entries)), 'opening');
    const verify = opening.behaviours.find((b) => b.id === 'verifyBeforeDisclosing')!;
    expect(verify.earned).toBe(0);
    expect(verify.findings[0]).toMatchObject({ turn: 1, points: -60 });
  });

  it('scores a wrong resolution and a wrong amount, with the policy and the arithmetic as tips', () => {
    const entries = transcript(customer('Hi.', calm), trainee("I'll refund the whole 30.", ['offerOptions'], { offers: 'refundAll' }));
    const resolution = competency(scoreCall(tiny, record(entries)), 'resolution');
    const correct = resolution.behaviours.find((b) => b.id === 'correctResolution')!;
    expect(correct.earned).toBe(0);
    expect(correct.findings[0]!.tip).toMatch(/Only shipping is refunded.*Refund 4.99 shipping/);
    const arithmetic = resolution.behaviours.find((b) => b.id === 'arithmetic')!;
    expect(arithmetic.findings[0]).toMatchObject({ turn: 1, note: 'Amount 30.00 should be 4.99' });
  });

  it('reads amounts from typed replies that name no resolution', () => {
    const entries = transcript(customer('Hi.', calm), trainee("I've refunded $4.99 for the shipping.", ['setExpectations']));
    const arithmetic = competency(scoreCall(tiny, record(entries)), 'resolution').behaviours.find((b) => b.id === 'arithmetic')!;
    expect(arithmetic.earned).toBe(arithmetic.points);
  });

  it('scores call notes for who/what/when/where/why and for amounts matching the account', () => {
    const good = { ...EMPTY_NOTES, what: 'Parcel late by five days', when: 'Ordered Monday 2 Nov', action: 'Refund of shipping 4.99' };
    const documentation = competency(scoreCall(tiny, record(goodCall, 'resolved', good)), 'documentation');
    expect(documentation.score).toBe(100);
    const wrong = { ...good, action: 'Refund of shipping 5.99' };
    const amounts = competency(scoreCall(tiny, record(goodCall, 'resolved', wrong)), 'documentation').behaviours.find((b) => b.id === 'notesAmounts')!;
    expect(amounts.earned).toBe(0);
    expect(amounts.findings).toContainEqual(expect.objectContaining({ notesField: 'action', note: '5.99 matches nothing on the account' }));
    const empty = competency(scoreCall(tiny, record(goodCall)), 'documentation');
    expect(empty.level).toBe('Needs improvement');
  });

  it('credits an escalation only once the customer has demanded it, when the policy says so', () => {
    const demanding = { ...tiny, policy: { ...tiny.policy, escalation: 'whenDemanded' as const } };
    const entries = transcript(
      customer('Where is it?', angry),
      { kind: 'event', event: 'escalate', mood: angry },
      customer('No, I do not want a transfer. I want my parcel.', angry),
      customer('Right, get me your supervisor.', angry),
      { kind: 'event', event: 'escalate', mood: angry },
    );
    const judged = (flaggedAt: Record<string, number>) =>
      competency(scoreCall(demanding, { ...record(entries, 'escalated'), flags: Object.keys(flaggedAt), flaggedAt }), 'resolution').behaviours.find((b) => b.id === 'escalationJudgement')!;
    const early = judged({});
    expect(early.earned).toBe(0);
    expect(early.findings).toContainEqual(expect.objectContaining({ turn: 1, note: expect.stringMatching(/before it was needed/) }));
    const afterDemand = judged({ supervisorDemanded: 3 });
    expect(afterDemand.earned).toBe(afterDemand.points / 2);
    expect(afterDemand.findings).toContainEqual(expect.objectContaining({ turn: 4, points: afterDemand.points / 2 }));
  });

  it('holds a call that lost the customer below Satisfactory overall, and says why', () => {
    const card = scoreCall(tiny, record(goodCall, 'lost', { ...EMPTY_NOTES, what: 'Parcel late', when: 'Monday 2 Nov', action: 'Refund shipping 4.99' }));
    expect(card.overall).toBe(59);
    expect(card.level).toBe('Needs improvement');
    expect(card.cap?.reason).toMatch(/customer was lost/);
    const outcome = competency(card, 'resolution').behaviours.find((b) => b.id === 'resolvedOutcome')!;
    expect(outcome.earned).toBe(0);
    expect(outcome.findings[0]!.note).toBe('The customer was lost: Customer hung up angry');
    expect(scoreCall(tiny, record(goodCall, 'resolved')).cap).toBeNull();
  });

  it('counts closing behaviours only once a resolution has been offered', () => {
    const early = transcript(
      customer('Where is my parcel?', angry),
      trainee('Hello, is there anything else I can help with? Thanks for calling.', ['greeting', 'checkResolved', 'closing']),
      customer('Yes, my parcel!', angry),
      trainee("I'll refund the 4.99 shipping today.", ['offerOptions'], { offers: 'refundShipping' }),
    );
    const closing = competency(scoreCall(tiny, record(early)), 'closing');
    expect(closing.behaviours.find((b) => b.id === 'checkResolved')!.earned).toBe(0);
    expect(closing.behaviours.find((b) => b.id === 'professionalClose')!.earned).toBe(0);
  });

  it('does not take an amount repeated back from the customer as the trainee\'s offer', () => {
    const echoed = transcript(customer('The shipping was 4.99.', calm), trainee('So you paid 4.99 for shipping.', ['paraphrase']));
    const arithmetic = competency(scoreCall(tiny, record(echoed)), 'resolution').behaviours.find((b) => b.id === 'arithmetic')!;
    expect(arithmetic.earned).toBe(0);
    expect(arithmetic.findings[0]!.note).toBe('No amount was given');
  });

  it('keeps every score within 0 to 100 and weights the overall score by the scenario', () => {
    const card = scoreCall({ ...tiny, weights: { deescalation: 5 } }, record(goodCall));
    for (const c of card.competencies) if (c.score !== null) expect(c.score).toBeGreaterThanOrEqual(0);
    expect(card.competencies.find((c) => c.id === 'deescalation')!.weight).toBe(5);
    expect(card.overall).toBeLessThanOrEqual(100);
  });

  it('leaves a competency unassessed when nothing in the call could show it', () => {
    const card = scoreCall(tiny, record(transcript(trainee('Hello.', ['greeting'])), null));
    const information = competency(card, 'information');
    expect(information.score).toBe(0);
    const notes = competency(card, 'documentation');
    expect(notes.score).toBeNull();
    expect(notes.level).toBeNull();
  });
});

describe('the rubric', () => {
  const behaviours = RUBRIC.competencies.flatMap((c) => c.behaviours);

  it('cites at least one seed clause for every behaviour, by seed file number', () => {
    for (const behaviour of behaviours) {
      expect(behaviour.clauses.length, behaviour.id).toBeGreaterThan(0);
      for (const clause of behaviour.clauses) expect(clause).toMatch(/^00[0-4] \S/);
    }
  });

  it('has a check for every behaviour and a behaviour for every check', () => {
    expect(behaviours.map((b) => b.id).sort()).toEqual(Object.keys(BEHAVIOUR_CHECKS).sort());
  });

  it('covers the seven competencies of the design', () => {
    expect(RUBRIC.competencies.map((c) => c.id)).toEqual(['opening', 'listening', 'deescalation', 'information', 'resolution', 'closing', 'documentation']);
  });
});
