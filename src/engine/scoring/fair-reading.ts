/**
 * Readings the scorer needs to be fair rather than literal: the figures a
 * trainee may rightly write in notes, dates in any common written form, and
 * whether a turn only restated what the customer had already said.
 */
import { accountAmounts } from '../scenario/account';
import { amountsIn, containsPhrase, remembered, sameAmount } from '../text';
import type { ScoringInput } from './scoring-input';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const DAY_MONTH = new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH}\\b`, 'gi');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(?:the\\s+)?${DAY}\\b`, 'gi');
const ISO = /\b\d{4}-(\d{2})-(\d{2})\b/g;

function key(day: string, month: string | number): string {
  const index = typeof month === 'number' ? month : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  return `${Number(day)}/${index}`;
}

/** Every day-and-month written in the text, as "day/month": "7 Mar", "March 7th", "the 7th of March" and "2026-03-07" all read 7/3. */
export const datesIn = remembered((text: string): ReadonlySet<string> => {
  const found = new Set<string>();
  for (const match of text.matchAll(DAY_MONTH)) found.add(key(match[1]!, match[2]!));
  for (const match of text.matchAll(MONTH_DAY)) found.add(key(match[2]!, match[1]!));
  for (const match of text.matchAll(ISO)) found.add(key(match[2]!, Number(match[1])));
  return found;
});

/** A note keyword is found in the notes as written, or, for a date, in any common form of the same day. */
export function notesMention(notes: string, keyword: string): boolean {
  if (containsPhrase(notes, keyword)) return true;
  const dates = datesIn(keyword);
  if (!dates.size) return false;
  const written = datesIn(notes);
  return [...dates].every((date) => written.has(date));
}

/** Amounts the customer has said by the time of transcript entry `before` (in figures, or through the facts they told). */
export function customerAmounts(input: ScoringInput, before = Infinity): number[] {
  return input.customer
    .filter(({ index }) => index < before)
    .flatMap(({ entry }) => [
      ...amountsIn(entry.text),
      ...(entry.reveals ? (input.scenario.facts[entry.reveals]?.noteKeywords ?? []).flatMap((keyword) => amountsIn(/^\d/.test(keyword) ? `$${keyword}` : keyword)) : []),
    ]);
}

/**
 * The figures a trainee may rightly write in the notes, in cents: what the
 * account and the policy show, each step of the policy's own arithmetic, and
 * what the customer said. isDerivable also allows the sum or difference of
 * two of them (a bill less the credit is what will be collected).
 */
export function derivableAmounts(input: ScoringInput): ReadonlySet<number> {
  return new Set([...scenarioAmounts(input.scenario), ...customerAmounts(input).map(toCents)]);
}

const toCents = (amount: number) => Math.round(amount * 100);

/** The scenario's own figures, in cents: worked out once per scenario, since the score search scores thousands of routes. */
const amountsOfScenario = new WeakMap<ScoringInput['scenario'], number[]>();
function scenarioAmounts(scenario: ScoringInput['scenario']): number[] {
  let amounts = amountsOfScenario.get(scenario);
  if (!amounts) {
    const { account, policy } = scenario;
    amounts = [
      ...accountAmounts(account),
      ...Object.values(policy.resolutions).flatMap((resolution) => [
        ...(resolution.amount === undefined ? [] : [resolution.amount]),
        ...amountsIn(resolution.arithmetic ?? ''),
        ...amountsIn(resolution.summary),
      ]),
      ...policy.terms.flatMap((term) => amountsIn(term)),
    ].map(toCents);
    amountsOfScenario.set(scenario, amounts);
  }
  return amounts;
}

/** One of the known figures, or the sum or difference of two of them. */
export function isDerivable(input: ScoringInput, amount: number, known = derivableAmounts(input)): boolean {
  const cents = toCents(amount);
  if (known.has(cents)) return true;
  for (const a of known) if (known.has(cents - a) || known.has(a - cents) || known.has(a + cents)) return true;
  return false;
}

/**
 * Whether a restatement flagged as disclosing account details only said
 * back what the customer had already told: every account figure in it was
 * the customer's own, and any address line in it the customer had said too.
 */
export function onlyRestates(input: ScoringInput, index: number, text: string): boolean {
  const { account } = input.scenario;
  const onAccount = accountAmounts(account);
  const theirs = customerAmounts(input, index);
  const figures = amountsIn(text).filter((amount) => onAccount.some((known) => sameAmount(known, amount)));
  if (figures.some((amount) => !theirs.some((said) => sameAmount(said, amount)))) return false;
  const heard = input.customer.filter((turn) => turn.index < index).map(({ entry }) => entry.text);
  if (containsPhrase(text, account.number) && !heard.some((line) => containsPhrase(line, account.number))) return false;
  const lines = account.addresses.flatMap((address) => address.lines).filter((line) => line.length > 6 && containsPhrase(text, line));
  return lines.every((line) => heard.some((said) => containsPhrase(said, line)));
}
