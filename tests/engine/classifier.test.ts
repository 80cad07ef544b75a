import { readFileSync } from 'node:fs';
import { createEnglishClassifier } from '../../src/engine/classifier/english';
import { typedReply } from '../../src/engine/classifier/typed-reply';
import { scoreCall } from '../../src/engine/scoring/scorer';
import { competency, loadScenarioFile, play } from '../helpers/play';

const classifier = createEnglishClassifier();
const lexiconOnly = createEnglishClassifier({ lexiconOnly: true });
const acts = (text: string, context = {}) => classifier.classify(text, context).acts.sort();
const evidenceFor = (text: string, act: string) => classifier.classify(text).evidence.find((item) => item.act === act);

describe('the dialogue-act classifier', () => {
  it('finds several acts across several sentences, with the words that gave each away', () => {
    const text = "Good morning, thanks for calling, this is Sam. I'm so sorry, that sounds really frustrating. When did it start?";
    expect(acts(text)).toEqual(['apology', 'askWhen', 'empathy', 'greeting']);
    expect(evidenceFor(text, 'empathy')?.words).toContain('that sounds really frustrating');
    expect(evidenceFor(text, 'apology')!.confidence).toBeGreaterThan(0.5);
  });

  it('hears questions without question marks', () => {
    expect(acts('Tell me when that started')).toContain('askWhen');
    expect(acts('Can you give me the first line of the address on the account')).toContain('verifyIdentity');
    expect(acts('Walk me through what happened on Tuesday')).toContain('askWhat');
  });

  it('does not take a statement for a question', () => {
    expect(acts('The engineer came when you were out.')).not.toContain('askWhen');
  });

  it('knows "I can\'t" from "I can"', () => {
    expect(acts("I can't do anything about that.")).toContain('negativeWording');
    expect(acts('I can credit that to your account today.')).not.toContain('negativeWording');
    expect(acts('I can credit that to your account today.')).toContain('offerOptions');
  });

  it('does not count every negation as negative wording', () => {
    expect(acts("I can't imagine how stressful that was.")).toEqual(['empathy']);
    expect(acts("We don't charge for that.")).not.toContain('negativeWording');
  });

  it('hears politeness formulas', () => {
    expect(acts('Thanks for holding.')).toEqual(['holdAndReturn']);
    expect(acts('Is there anything else I can help with today? Have a lovely afternoon.')).toEqual(['checkResolved', 'closing']);
  });

  it('hears a question that is really blame as blame, not as a question', () => {
    expect(acts("Why didn't you just restart the router?")).toEqual(['blame']);
  });

  it('hears an apology that dismisses as dismissal, not as an apology', () => {
    const heard = acts("I'm sorry you feel that way, but that's our policy.");
    expect(heard).toContain('dismissal');
    expect(heard).toContain('negativeWording');
    expect(heard).not.toContain('apology');
  });

  it('flags general jargon and the scenario\'s own glossary', () => {
    expect(evidenceFor('The ONT is showing LOS.', 'jargon')?.words).toEqual(expect.arrayContaining(['ont', 'los']));
    expect(acts('Your DD mandate is fine.', {})).toContain('jargon');
    expect(acts('Your meter reference is fine.', { glossary: ['meter reference'] })).toContain('jargon');
  });

  it('calls a monologue over-talking, sooner when the customer is angry', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    expect(acts(long)).not.toContain('overTalking');
    expect(acts(long, { customerAnger: 80 })).toContain('overTalking');
    expect(acts(`${long} ${long}`)).toContain('overTalking');
  });

  it('hears a paraphrase only when it restates what the customer said', () => {
    const customerSaid = ['My internet has dropped out three times in two weeks.'];
    expect(acts('So your internet has dropped three times in the last two weeks?', { customerSaid })).toContain('paraphrase');
    expect(acts('So you want to cancel your contract?', { customerSaid })).not.toContain('paraphrase');
    expect(acts('So your internet has dropped three times?')).not.toContain('paraphrase');
    const politeCustomer = ['Thank you for your patience with me. Have a good night.'];
    expect(acts('Thanks for your patience, Mr Reyes, have a good night.', { customerSaid: politeCustomer })).toEqual(['closing']);
  });

  it('hears nothing in a reply that does nothing', () => {
    expect(acts('Mm.')).toEqual([]);
  });
});

describe('a typed reply in a call', () => {
  const irate = loadScenarioFile('scenarios/irate-outage.json');
  const billing = loadScenarioFile('scenarios/billing-dispute.json');

  it('moves the customer machine exactly as acts do, and is scored on them', () => {
    const call = play(irate, ['ANSWER']);
    call.sayTyped(classifier, "Good evening, thanks for calling Crestline, this is Sam. I'm so sorry you've had to call again. What's been happening?");
    const turn = call.view.transcript.find((entry) => entry.kind === 'trainee');
    expect(turn?.kind === 'trainee' && turn.acts).toEqual(expect.arrayContaining(['greeting', 'apology', 'askWhat']));
    expect(turn?.kind === 'trainee' && turn.evidence?.length).toBeGreaterThan(0);
    const card = scoreCall(irate, call.record());
    expect(competency(card, 'opening').behaviours.find((b) => b.id === 'greeting')!.findings[0]!.turn).toBe(call.view.transcript.indexOf(turn!));
  });

  it.each(['irate-outage', 'irate-outage-second-wording'])('carries the irate customer from the ring to the resolved ending in typed words alone (%s)', (name) => {
    const script = JSON.parse(readFileSync(`tests/fixtures/typed/${name}.json`, 'utf8')) as { steps: string[] };
    const call = play(irate, ['ANSWER']);
    for (const step of script.steps) {
      if (step.startsWith('LOOKUP ')) call.send({ type: 'LOOKUP', section: step.slice(7).toLowerCase() as 'bills' });
      else call.sayTyped(classifier, step);
    }
    expect(call.view.ending?.state).toBe('resolved');
    const typed = call.view.transcript.filter((entry) => entry.kind === 'trainee');
    expect(typed.every((entry) => entry.kind === 'trainee' && entry.replyId === undefined && entry.evidence !== undefined)).toBe(true);
  });

  it('offers the resolution whose amount it names', () => {
    const correct = Object.entries(billing.policy.resolutions).find(([, resolution]) => resolution.correct && resolution.amount !== undefined)!;
    const call = play(billing, ['ANSWER']);
    const reply = typedReply(classifier, billing, call.context, `I can credit ${correct[1].amount!.toFixed(2)} to your account, and you'll see it on your next bill.`);
    expect(reply.offers).toBe(correct[0]);
  });

  it('hears new wording the lexicon has no phrase for, and names the words that gave it away', () => {
    const text = "That's just the way these things go sometimes.";
    expect(lexiconOnly.classify(text).acts).not.toContain('dismissal');
    const heard = classifier.classify(text).evidence.find((item) => item.act === 'dismissal');
    expect(heard?.confidence).toBeGreaterThan(0.5);
    expect(heard?.words.length).toBeGreaterThan(0);
    for (const words of heard!.words) expect(text).toContain(words);
    const refusal = "Sorry, that's not my department, you'll have to ring billing.";
    for (const item of classifier.classify(refusal).evidence) for (const words of item.words) expect(refusal).toContain(words);
  });

  it('hears a closed question about the place as asking where, and "how much" as asking what happened', () => {
    expect(acts('Is it the flat on Mill Road that keeps losing power?')).toContain('askWhere');
    expect(acts('How much did they charge you for the call-out?')).toContain('askWhat');
    expect(acts('I know how much you were relying on that visit.')).not.toContain('askWhat');
  });

  it('reads chat spellings as the words they stand for', () => {
    expect(acts("im so sorry, i cant change that")).toEqual(expect.arrayContaining(['apology', 'negativeWording']));
    expect(acts('so ur saying the laptop wont connect but the phone does', { customerSaid: ["My laptop won't connect but my phone is fine."] })).toContain('paraphrase');
    expect(acts("You've been ill, I'm sorry to hear that.")).not.toContain('setExpectations');
  });
});
