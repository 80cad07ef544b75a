/**
 * Word overlap between two utterances: the Jaccard index of their sets of
 * lower-cased words (letters, digits and apostrophes; curly quotes read as
 * straight). 1 for the same words in any order, 0 for no word in common.
 */

/** Held-out items at least this like a tuning item are left out: they would measure wording the model was tuned on. */
export const MAX_OVERLAP = 0.6;

export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9']+/g) ?? []);
}

export function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The highest overlap of `text` with any of `others`. */
export function closestOverlap(text: string, others: readonly ReadonlySet<string>[]): number {
  const mine = wordSet(text);
  let best = 0;
  for (const other of others) best = Math.max(best, wordOverlap(mine, other));
  return best;
}
