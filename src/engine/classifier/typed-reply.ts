/**
 * A typed (or spoken) reply becomes the same TraineeReply a prepared reply
 * does: the acts it performs with their evidence, the facts its questions
 * are after, the resolution an amount in it offers, and whether it reads
 * account details aloud. The customer machine and the scorer then treat it
 * exactly like a prepared reply.
 */
import { categoryAskedBy } from '../acts';
import type { CallContext } from '../call-context';
import type { Scenario } from '../scenario-schema';
import { amountsIn, containsPhrase, normalise, sameAmount } from '../text';
import type { TraineeReply } from '../transcript';
import type { Classifier } from './classify';

function wordsOf(text: string): Set<string> {
  return new Set(normalise(text).split(/[^a-z0-9.]+/).filter((word) => word.length > 2));
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
  const amounts = [...account.bills, ...account.invoices, ...account.payments].map((item) => item.amount);
  if (amountsIn(text).some((amount) => amounts.some((known) => sameAmount(known, amount)))) return true;
  if (containsPhrase(text, account.number)) return true;
  return account.addresses.some((address) => address.lines.some((line) => line.length > 6 && containsPhrase(text, line)));
}

/** The resolution a proposal offers: the one whose amount it names, else the one whose wording it shares most (two words at least). */
function resolutionOffered(scenario: Scenario, text: string, amounts: number[]): string | undefined {
  const resolutions = Object.entries(scenario.policy.resolutions);
  const byAmount = resolutions.find(([, resolution]) => resolution.amount !== undefined && amounts.some((amount) => sameAmount(amount, resolution.amount!)));
  if (byAmount) return byAmount[0];
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
  const { acts, evidence } = classifier.classify(text, { customerSaid, glossary: scenario.jargon, customerAnger: context.mood.anger });
  const asks = acts.flatMap((act) => {
    const category = categoryAskedBy(act);
    const fact = category ? factAskedAbout(scenario, context, category, text) : undefined;
    return fact ? [fact] : [];
  });
  const proposing = acts.includes('offerOptions') || acts.includes('setExpectations');
  const amounts = amountsIn(text);
  const offers = proposing ? resolutionOffered(scenario, text, amounts) : undefined;
  return {
    text,
    acts,
    evidence,
    ...(asks.length ? { asks } : {}),
    ...(offers ? { offers } : {}),
    ...(accountDetailsIn(scenario, text) ? { disclosesAccount: true } : {}),
  };
}
