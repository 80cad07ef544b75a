/**
 * Facts the trainee states rather than asks about: "you were billed $49 for
 * that visit" makes the invoice known, whether the trainee read it on the
 * account or put it together, so the customer does not wait to be asked for
 * something the agent has just said.
 */
import type { Scenario } from '../scenario/scenario-schema';
import { amountsIn, containsPhrase, remembered, sameAmount } from '../text';

const QUESTION_START = /^(can|could|would|will|do|does|did|is|are|was|were|have|has|had|may|shall|who|what|when|where|why|which|how)\b/i;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

const asks = (sentence: string) => sentence.endsWith('?') || QUESTION_START.test(sentence);

/** The sentences of a reply that tell rather than ask (remembered: every turn of every explored route reads its reply's). */
const statements = remembered((text: string): readonly string[] => sentences(text).filter((sentence) => !asks(sentence)));

/** The sentences of a reply that ask. */
export const questionsIn = remembered((text: string): readonly string[] => sentences(text).filter(asks));

/**
 * Only keywords that pin a fact down count when the trainee says them: an
 * amount, a date, a number or a name (as the author capitalised it), not a
 * common word that any reply might use.
 */
function specific(keyword: string): boolean {
  return /\d/.test(keyword) || /^[A-Z]/.test(keyword);
}

function mentions(sentence: string, keyword: string): boolean {
  // Cheap tests first: this runs for every turn of every route the scenario check explores.
  if (/\d/.test(keyword) ? !/\d/.test(sentence) : !sentence.toLowerCase().includes(keyword.toLowerCase())) return false;
  const amounts = amountsIn(keyword.includes('.') || /^\d+$/.test(keyword) ? `$${keyword}` : '');
  if (amounts.length) return amountsIn(sentence).some((amount) => sameAmount(amount, amounts[0]!)) || containsPhrase(sentence, keyword);
  return keyword.length >= 4 && containsPhrase(sentence, keyword);
}

/**
 * Facts not yet known that a statement in `text` names by one of their
 * specific note keywords. Echoing the customer's own words ("a wasted day off") is
 * listening, not new knowledge: a keyword the customer already used does not count.
 * What the customer said is asked for only when a keyword is named, which is rare.
 */
export function factsStated(scenario: Scenario, known: readonly string[], text: string, customerSaid: () => readonly string[] = () => []): string[] {
  const named = namedIn(scenario, text);
  if (!named.length) return [];
  const echoed = (keyword: string) => customerSaid().some((line) => mentions(line, keyword));
  return named.filter(({ id, keywords }) => !known.includes(id) && keywords.some((keyword) => !echoed(keyword))).map(({ id }) => id);
}

/** Each reply's text is read once per scenario for the facts its statements name: route exploration hears the same replies again and again. */
const namedByScenario = new WeakMap<Scenario, (text: string) => readonly { id: string; keywords: string[] }[]>();

function namedIn(scenario: Scenario, text: string) {
  let named = namedByScenario.get(scenario);
  if (!named) {
    named = remembered((text: string) => {
      const told = statements(text);
      if (!told.length) return [];
      return Object.entries(scenario.facts).flatMap(([id, fact]) => {
        const keywords = fact.noteKeywords.filter((keyword) => specific(keyword) && told.some((sentence) => mentions(sentence, keyword)));
        return keywords.length ? [{ id, keywords }] : [];
      });
    });
    namedByScenario.set(scenario, named);
  }
  return named(text);
}
