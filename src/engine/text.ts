/** Small text helpers shared by the scorer and the note checks. */

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function containsPhrase(text: string, phrase: string): boolean {
  const escaped = normalise(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(normalise(text));
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Money in free text: "$41.25", "£4.99", "41.25", "41 dollars". Bare whole
 * numbers are left out, since in notes they are mostly dates and times.
 */
export function amountsIn(text: string): number[] {
  const pattern = /(?:[$£€]\s?(\d[\d,]*(?:\.\d{1,2})?))|(\b\d[\d,]*\.\d{2}\b)|(\b\d[\d,]*(?:\.\d{1,2})?)\s?(?:dollars|pounds|euros)\b/gi;
  const found: number[] = [];
  for (const match of text.matchAll(pattern)) {
    const digits = (match[1] ?? match[2] ?? match[3] ?? '').replace(/,/g, '');
    const value = Number(digits);
    if (Number.isFinite(value)) found.push(Math.round(value * 100) / 100);
  }
  return found;
}

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
