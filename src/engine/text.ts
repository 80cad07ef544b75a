/** Small text helpers shared by the scorer and the note checks. */

/**
 * A pure function of one string, remembered: the score search scores
 * thousands of calls made of the same few hundred lines, so each line is read
 * once. The memory is emptied when full, so typed text cannot grow it without
 * end.
 */
export function remembered<T>(read: (text: string) => T, capacity = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const found = known.get(text);
    if (found !== undefined || known.has(text)) return found as T;
    if (known.size >= capacity) known.clear();
    const value = read(text);
    known.set(text, value);
    return value;
  };
}

export const normalise = remembered((text: string): string =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim(),
);

const phrasePattern = remembered((phrase: string): RegExp => {
  const escaped = normalise(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`);
});

export function containsPhrase(text: string, phrase: string): boolean {
  return phrasePattern(phrase).test(normalise(text));
}

export const wordCount = remembered((text: string): number => text.split(/\s+/).filter(Boolean).length);

/**
 * Money in free text: "$41.25", "£4.99", "41.25", "41 dollars", and in
 * words before the currency, as customers say it and trainees may note it:
 * "two hundred and forty dollars", "forty-eight hundred dollars",
 * "fifty-seven dollars and thirty-three cents". Bare whole numbers are left
 * out, since in notes they are mostly dates and times.
 */
export function amountsIn(text: string): number[] {
  return [...amountsOnce(text)];
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORD = `(?:${[...UNITS, ...TENS.filter(Boolean), 'hundred', 'thousand'].sort((a, b) => b.length - a.length).join('|')})`;
/** A run of number words ("two hundred and forty", "forty-eight hundred", "a hundred"), whole words only. */
const NUMBER_WORDS = `(?:(?:a[ -])?${NUMBER_WORD}(?:(?:[ -]|[ -]and[ -])${NUMBER_WORD})*)`;
const MONEY_IN_WORDS = new RegExp(
  `\\b(${NUMBER_WORDS}) (?:dollars?|pounds?|euros?|bucks)\\b(?:(?: and)? (${NUMBER_WORDS}) (?:cents?|pence|p)\\b)?`,
  'gi',
);

/** The value of a run of number words: "two hundred and forty" → 240, "forty-eight hundred" → 4800. */
function wordsValue(words: string): number {
  let total = 0;
  let current = 0;
  for (const word of words.toLowerCase().split(/[ -]+/)) {
    if (word === 'and') continue;
    if (word === 'a') current = Math.max(current, 1);
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (UNITS.includes(word)) current += UNITS.indexOf(word);
    else current += TENS.indexOf(word) * 10;
  }
  return total + current;
}

const amountsOnce = remembered((text: string): readonly number[] => {
  const pattern = /(?:[$£€]\s?(\d[\d,]*(?:\.\d{1,2})?))|(\b\d[\d,]*\.\d{2}\b)|(\b\d[\d,]*(?:\.\d{1,2})?)\s?(?:dollars|pounds|euros)\b/gi;
  const found: number[] = [];
  for (const match of text.matchAll(pattern)) {
    const digits = (match[1] ?? match[2] ?? match[3] ?? '').replace(/,/g, '');
    const value = Number(digits);
    if (Number.isFinite(value)) found.push(Math.round(value * 100) / 100);
  }
  for (const match of text.matchAll(MONEY_IN_WORDS)) {
    const cents = match[2] ? wordsValue(match[2]) : 0;
    if (cents < 100) found.push(wordsValue(match[1]!) + cents / 100);
  }
  return found;
});

export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

/** Tokens back into the words as written: "That 's fine ." → "That's fine." (for showing evidence). */
export function joinTokens(values: string[]): string {
  return values
    .filter(Boolean)
    .join(' ')
    .replace(/ (n't|'(?:s|re|ve|ll|d|m)\b)/gi, '$1')
    .replace(/ ([.,!?;:])/g, '$1');
}
