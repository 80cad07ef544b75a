/**
 * The features the learned act model reads: each sentence's lemmas, lemma
 * pairs and opening words, which sentences ask something, what a negation
 * governs, the letters inside words (so "apologise", "apologies" and a typo
 * of either read alike), the definition phrases the reply contains, and a
 * little of the moment (has the customer said something this restates, are
 * they angry, how long is the reply). A word feature can be traced back to
 * the words it came from, so a decision can be explained in the trainee's
 * own words.
 */
import type { DialogueAct } from '../acts';
import { joinTokens } from '../text';
import type { ReplyTokens } from './reply-tokens';

export interface ReplyFeatures {
  names: string[];
  /** The words as written behind a word feature ("b:can_not" → "can't"), or undefined for the others. */
  wordsOf(name: string): string | undefined;
}

export interface FeatureMoment {
  /** Acts whose definition phrases the reply contains (definitions.ts). */
  definitionActs: Iterable<DialogueAct>;
  /** How much of a sentence restates what the customer said: not at all, some words, or most of it. */
  restates: 'none' | 'some' | 'most';
  hasCustomerWords: boolean;
  angry: boolean;
}

const WORDLIKE = /[a-z0-9]/;
const DIGIT = /\d/;
const LETTERS = /^[a-z]+$/;
const NEGATIONS = new Set(['not', 'never', 'no', 'nothing', 'nobody']);
const FILLERS = new Set(['so', 'and', 'okay', 'ok', 'right', 'well', 'um', 'uh', 'erm', 'oh', 'yeah', 'just', 'alright']);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function lengthBand(words: number): string {
  if (words < 4) return 'short';
  if (words < 15) return 'medium';
  if (words < 40) return 'long';
  return words < 80 ? 'longer' : 'longest';
}

/** The lemma a feature uses, or undefined for a token the model does not read (punctuation). */
function featureLemma(lemma: string | undefined): string | undefined {
  const lower = (lemma ?? '').toLowerCase();
  if (lower === '?') return lower;
  if (!WORDLIKE.test(lower)) return undefined;
  // Any number reads the same: "within 48 hours" teaches what "within 24 hours" does.
  return DIGIT.test(lower) ? '#' : lower;
}

export function replyFeatures(tokens: ReplyTokens, moment: FeatureMoment): ReplyFeatures {
  const names = new Set<string>();
  for (const act of moment.definitionActs) names.add(`def:${act}`);
  // Per sentence, the read tokens' lemmas and positions, framed by <s> and </s> (position -1).
  const read: { lemmas: string[]; at: number[] }[] = [];
  let wordCount = 0;
  tokens.sentences.forEach(([from, to], s) => {
    const lemmas = ['<s>'];
    const at = [-1];
    for (let i = from; i < to; i++) {
      const lemma = featureLemma(tokens.lemma[i]);
      if (lemma === undefined) continue;
      lemmas.push(lemma);
      at.push(i);
      if (lemma !== '?' && tokens.value[i]) wordCount++;
    }
    lemmas.push('</s>');
    at.push(-1);
    read.push({ lemmas, at });
    const asking = tokens.asking[s];
    let negated = 0;
    for (let k = 0; k < lemmas.length; k++) {
      const lemma = lemmas[k]!;
      names.add(`w:${lemma}`);
      if (k) names.add(`b:${lemmas[k - 1]}_${lemma}`);
      if (k > 1) names.add(`s:${lemmas[k - 2]}_${lemma}`);
      // In a question, the words say what is asked ("when" asks; "when you're ready" does not).
      if (asking && k > 0 && k < lemmas.length - 1) names.add(`q:${lemma}`);
      if (negated > 0) {
        names.add(`n:${lemma}`);
        negated--;
      }
      if (NEGATIONS.has(lemma)) negated = 3;
      if (k > 0 && k < lemmas.length - 1 && LETTERS.test(lemma) && lemma.length >= 4) {
        const framed = `<${tokens.normal[at[k]!] ?? lemma}>`;
        for (let c = 0; c + 4 <= framed.length; c++) names.add(`c:${framed.slice(c, c + 4)}`);
      }
    }
    let first = 1;
    while (first < lemmas.length - 2 && FILLERS.has(lemmas[first]!)) first++;
    names.add(`o:${lemmas[first]}_${lemmas[first + 1]}`);
    if (asking) names.add(`ask:${lemmas[first]}`);
  });
  if (tokens.asking.some(Boolean)) names.add('asking');
  if (tokens.lemma.includes('?')) names.add('qmark');
  names.add(`len:${lengthBand(wordCount)}`);
  if (moment.hasCustomerWords) names.add('ctx:said');
  names.add(`ctx:restates-${moment.restates}`);
  if (moment.angry) names.add('ctx:angry');

  const written = (positions: number[]) => joinTokens(positions.map((i) => (i >= 0 ? tokens.value[i]! : ''))) || undefined;
  return {
    names: [...names],
    wordsOf(name) {
      const kind = name.slice(0, 2);
      if (kind !== 'w:' && kind !== 'b:' && kind !== 'q:') return undefined;
      const lemmaName = kind === 'q:' ? `w:${name.slice(2)}` : name;
      for (const { lemmas, at } of read) {
        for (let k = 0; k < lemmas.length; k++) {
          if (lemmaName.startsWith('w:') && `w:${lemmas[k]}` === lemmaName) return written([at[k]!]);
          // A pair shown as written, with whatever stands between its words ("please, and").
          if (kind === 'b:' && k && `b:${lemmas[k - 1]}_${lemmas[k]}` === name) return at[k - 1]! >= 0 && at[k]! >= 0 ? written(range(at[k - 1]!, at[k]!)) : written([at[k - 1]!, at[k]!]);
        }
      }
      return undefined;
    },
  };
}
