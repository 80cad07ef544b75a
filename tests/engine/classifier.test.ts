import { readFileSync } from 'node:fs';
import { readTuningUtterances } from '../../src/cli/acts/labelled-utterances';
import type { Classification } from '../../src/engine/classifier/classify';
import { createShippedClassifier } from '../../src/cli/acts/shipped-classifier';
import { MAX_REPLY_CHARACTERS } from '../../src/engine/classifier/readable';
import { typedReply } from '../../src/engine/classifier/typed-reply';
import { scoreCall } from '../../src/engine/scoring/scorer';
import { competency, loadScenarioFile, play } from '../helpers/play';

const classifier = createShippedClassifier();
const acts = (text: string, context = {}) => classifier.classify(text, context).acts.sort();
const evidenceFor = (text: string, act: string) => classifier.classify(text).evidence.find((item) => item.act === act);
/** Every sixth tuning utterance, from every writer's file, classified once. */
let sampled: { item: ReturnType<typeof readTuningUtterances>[number]; result: Classification }[] | undefined;
const sample = () => (sampled ??= readTuningUtterances().filter((_, i) => i % 6 === 0).map((item) => ({ item, result: classifier.classify(item.text, item.context) })));

describe('the dialogue-act classifier', () => {
  it('finds several acts across several sentences, with the words that gave each away', () => {
    const text = "Good morning, thanks for calling, this is Sam. I'm so sorry for the trouble. When did it start?";
    expect(acts(text)).toEqual(expect.arrayContaining(['apology', 'askWhen', 'greeting']));
    expect(evidenceFor(text, 'apology')!.confidence).toBeGreaterThan(0.3);
  });

  it('shows words from the reply itself for every act it hears', () => {
    const squeeze = (text: string) => text.toLowerCase().replace(/\s+/g, '');
    let heard = 0;
    for (const { item, result } of sample()) {
      for (const { act, words } of result.evidence) {
        heard++;
        expect(words.length, `${item.id} ${act}`).toBeGreaterThan(0);
        const fromReply = words.every((phrase) => squeeze(item.text).includes(squeeze(phrase)) || /^\d+ words$/.test(phrase));
        expect(fromReply, `${item.id} ${act}: ${JSON.stringify(words)}`).toBe(true);
      }
    }
    expect(heard).toBeGreaterThan(500);
  }, 60_000);

  it('knows "I can\'t" from "I can"', () => {
    expect(acts("I can't do anything about that.")).toContain('negativeWording');
    expect(acts('I can credit that to your account today.')).not.toContain('negativeWording');
    expect(acts('I can credit that to your account today.')).toContain('offerOptions');
  });

  it('hears a question that is really blame as blame, not as a question', () => {
    const heard = acts("Why didn't you just restart the router?");
    expect(heard).toContain('blame');
    expect(heard).not.toContain('askWhy');
  });

  it('flags general jargon and the scenario\'s own glossary, by rule', () => {
    expect(evidenceFor('The ONT is showing LOS.', 'jargon')?.words).toEqual(expect.arrayContaining(['ont', 'los']));
    expect(acts('Your meter reference is fine.', { glossary: ['meter reference'] })).toContain('jargon');
    expect(acts('Your meter reference is fine.')).not.toContain('jargon');
  });

  it('calls a monologue over-talking, sooner when the customer is angry', () => {
    const long = 'the engineer said he would come on Monday and then '.repeat(6);
    expect(classifier.classify(long).acts).not.toContain('overTalking');
    expect(classifier.classify(long, { customerAnger: 80 }).acts).toContain('overTalking');
  });

  it('hears a paraphrase only when it shares words with what the customer just said', () => {
    const customerSaid = ['My internet has dropped out three times in two weeks.'];
    expect(acts('So your internet has dropped three times in the last two weeks?', { customerSaid })).toContain('paraphrase');
    expect(acts('So your internet has dropped three times in the last two weeks?')).not.toContain('paraphrase');
    expect(acts('So you want to cancel your contract?', { customerSaid })).not.toContain('paraphrase');
    // Words the customer said long ago are not what a summary restates.
    const longAgo = [...customerSaid, 'Okay.', 'Fine.', 'Go on then.'];
    expect(acts('So your internet has dropped three times in the last two weeks?', { customerSaid: longAgo })).not.toContain('paraphrase');
  });
});

describe('what the classifier will not read', () => {
  it(`reads only the first ${MAX_REPLY_CHARACTERS} characters of a reply, and says it cut the rest`, () => {
    const result = classifier.classify(`${'?!'.repeat(10_000)} Have a lovely evening, goodbye.`);
    expect(result.cut).toBe(true);
    expect(result.acts).not.toContain('closing');
    expect(classifier.classify('Have a lovely evening, goodbye.').cut).toBeUndefined();
  });

  it('answers a reply in another language as not understood, not as an empty turn', () => {
    for (const text of ['Hola, necesito ayuda con mi factura de la luz, por favor.', 'Bonjour, je voudrais comprendre ma facture.', 'Guten Tag, ich habe ein Problem mit meiner Rechnung.', 'お電話ありがとうございます']) {
      expect(classifier.classify(text), text).toMatchObject({ acts: [], notUnderstood: 'notEnglish' });
    }
    expect(classifier.classify('?!?! ...')).toMatchObject({ acts: [], notUnderstood: 'noWords' });
  });

  it('understands tuning utterances of every register, chat spellings and speech transcripts included', () => {
    const flagged = sample().filter(({ result }) => result.notUnderstood);
    expect(flagged.map(({ item }) => item.id)).toEqual([]);
  }, 60_000);
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

  it('answers a reply in another language with "I didn\'t catch that", flags it, and moves the call no further', () => {
    const call = play(irate, ['ANSWER']);
    const before = call.view;
    call.sayTyped(classifier, 'Buenas tardes, gracias por llamar, ¿en qué puedo ayudarle?');
    const [turn, answer] = call.view.transcript.slice(-2);
    expect(turn).toMatchObject({ kind: 'trainee', acts: [], notUnderstood: 'notEnglish' });
    expect(answer).toMatchObject({ kind: 'customer', text: "Sorry, I didn't catch that." });
    expect([call.view.phase, call.view.beat]).toEqual([before.phase, before.beat]);
    expect(call.view.mood.patience).toBeLessThan(before.mood.patience);
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
});
