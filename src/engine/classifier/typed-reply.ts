/**
 * A typed (or spoken) reply becomes the same TraineeReply a prepared reply
 * does: the acts it performs with their evidence, the facts its questions
 * are after, the resolution an amount in it offers, and whether it reads
 * account details aloud. The customer machine and the scorer then treat it
 * exactly like a prepared reply.
 */
import { categoryAskedBy } from '../acts';
import type { CallContext } from '../call/call-context';
import { accountAmounts } from '../scenario/account';
import type { Scenario } from '../scenario/scenario-schema';
import { amountsIn, containsPhrase, normalise, sameAmount } from '../text';
import type { TraineeReply } from '../call/transcript';
import type { Classifier } from './classify';

const COMMON = new Set('the and for you your with that this was were are have has had not but can will would could from what when where which who why how about there their they them then than into onto over just only also very really some any all our out off get got been being did does done one two'.split(' '));

/** The words that carry meaning, for matching a reply against a fact or a resolution. */
function wordsOf(text: string): Set<string> {
  return new Set(normalise(text).split(/[^a-z0-9.]+/).filter((word) => word.length > 2 && !COMMON.has(word)));
}

/** The untold fact of a category whose wording the question shares most, if it shares any. */
function factAskedAbout(scenario: Scenario, context: CallContext, category: string, text: string): string | undefined {
  const asked = wordsOf(text);
  let best: { id: string; shared: number } | undefined;
  for (const [id, fact] of Object.entries(scenario.facts)) {
    if (fact.category !== category || context.revealed.includes(id)) continue;
    const shared = [...wordsOf(`${fact.summary} ${fact.noteKeywords.join(' ')}`)].filter((word) => asked.has(word)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { id, shared };
  }
  return best?.id;
}

function accountDetailsIn(scenario: Scenario, text: string): boolean {
  const { account } = scenario;
  const amounts = accountAmounts(account);
  if (amountsIn(text).some((amount) => amounts.some((known) => sameAmount(known, amount)))) return true;
  if (containsPhrase(text, account.number)) return true;
  return account.addresses.some((address) => address.lines.some((line) => line.length > 6 && containsPhrase(text, line)));
}

/**
 * The resolution a proposal offers: the one whose amount it names, else, for
 * an actual offer, the one whose wording it shares most (two words at least).
 */
function resolutionOffered(scenario: Scenario, text: string, amounts: number[], offering: boolean): string | undefined {
  const resolutions = Object.entries(scenario.policy.resolutions);
  const byAmount = resolutions.find(([, resolution]) => resolution.amount !== undefined && amounts.some((amount) => sameAmount(amount, resolution.amount!)));
  if (byAmount) return byAmount[0];
  if (!offering) return undefined;
  const said = wordsOf(text);
  let best: { id: string; shared: number } | undefined;
  for (const [id, resolution] of resolutions) {
    const shared = [...wordsOf(`${resolution.summary} ${resolution.noteKeywords.join(' ')}`)].filter((word) => said.has(word)).length;
    if (shared >= 2 && (!best || shared > best.shared)) best = { id, shared };
  }
  return best?.id;
}

export function typedReply(classifier: Classifier, scenario: Scenario, context: CallContext, text: string): TraineeReply {
  const customerSaid = context.transcript.flatMap((entry) => (entry.kind === 'customer' ? [entry.text] : []));
  const neutralWords = scenario.glossary.filter((entry) => entry.neutral).map((entry) => entry.term);
  const { acts, evidence, notUnderstood } = classifier.classify(text, { customerSaid, glossary: scenario.jargon, customerAnger: context.mood.anger, neutralWords });
  if (notUnderstood) return { text, acts: [], evidence: [], notUnderstood };
  const asks = acts.flatMap((act) => {
    const category = categoryAskedBy(act);
    const fact = category ? factAskedAbout(scenario, context, category, text) : undefined;
    return fact ? [fact] : [];
  });
  const proposing = acts.includes('offerOptions') || acts.includes('setExpectations');
  const amounts = amountsIn(text);
  const offers = proposing ? resolutionOffered(scenario, text, amounts, acts.includes('offerOptions')) : undefined;
  return {
    text,
    acts,
    evidence,
    ...(asks.length ? { asks } : {}),
    ...(offers ? { offers } : {}),
    ...(accountDetailsIn(scenario, text) ? { disclosesAccount: true } : {}),
  };
}
