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
 * Money in free text: "$41.25", "£4.99", "41.25", "41 dollars". Bare whole
 * numbers are left out, since in notes they are mostly dates and times.
 */
export function amountsIn(text: string): number[] {
  return [...amountsOnce(text)];
}

const amountsOnce = remembered((text: string): readonly number[] => {
  const pattern = /(?:[$£€]\s?(\d[\d,]*(?:\.\d{1,2})?))|(\b\d[\d,]*\.\d{2}\b)|(\b\d[\d,]*(?:\.\d{1,2})?)\s?(?:dollars|pounds|euros)\b/gi;
  const found: number[] = [];
  for (const match of text.matchAll(pattern)) {
    const digits = (match[1] ?? match[2] ?? match[3] ?? '').replace(/,/g, '');
    const value = Number(digits);
    if (Number.isFinite(value)) found.push(Math.round(value * 100) / 100);
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
