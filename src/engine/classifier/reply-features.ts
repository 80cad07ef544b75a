/**
 * The features the learned act model reads: the lexicon's cues, the lemmas
 * and lemma pairs of each sentence, how each sentence opens, and a little of
 * the moment (is there something to restate, is the customer angry). A word
 * feature can be traced back to the words it came from, so a decision can be
 * explained with the trainee's own words.
 */
import type { DialogueAct } from '../acts';
import { joinTokens } from '../text';

export interface FeatureTokens {
  lemma: string[];
  value: string[];
  sentences: [number, number][];
}

export interface ReplyFeatures {
  names: string[];
  /** The words as written behind a word feature ("b:can_not" → "can't"), or undefined for the others. */
  wordsOf(name: string): string | undefined;
}

export interface FeatureMoment {
  cueActs: DialogueAct[];
  hasCustomerWords: boolean;
  angry: boolean;
}

const WORDLIKE = /[a-z0-9]/;
const DIGIT = /\d/;

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

export function replyFeatures(tokens: FeatureTokens, moment: FeatureMoment): ReplyFeatures {
  const names = new Set<string>();
  for (const act of moment.cueActs) names.add(`cue:${act}`);
  // Per sentence, the read tokens' lemmas and positions, framed by <s> and </s> (position -1).
  const read: { lemmas: string[]; at: number[] }[] = [];
  let wordCount = 0;
  for (const [from, to] of tokens.sentences) {
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
    for (let k = 0; k < lemmas.length; k++) {
      names.add(`w:${lemmas[k]}`);
      if (k) names.add(`b:${lemmas[k - 1]}_${lemmas[k]}`);
    }
    names.add(`o:${lemmas[1]}_${lemmas[2]}`);
  }
  if (tokens.lemma.includes('?')) names.add('qmark');
  names.add(`len:${lengthBand(wordCount)}`);
  if (moment.hasCustomerWords) names.add('ctx:said');
  if (moment.angry) names.add('ctx:angry');

  const written = (positions: number[]) => joinTokens(positions.map((i) => (i >= 0 ? tokens.value[i]! : ''))) || undefined;
  return {
    names: [...names],
    wordsOf(name) {
      const kind = name.slice(0, 2);
      if (kind !== 'w:' && kind !== 'b:') return undefined;
      for (const { lemmas, at } of read) {
        for (let k = 0; k < lemmas.length; k++) {
          if (kind === 'w:' && `w:${lemmas[k]}` === name) return written([at[k]!]);
          if (kind === 'b:' && k && `b:${lemmas[k - 1]}_${lemmas[k]}` === name) return written([at[k - 1]!, at[k]!]);
        }
      }
      return undefined;
    },
  };
}
