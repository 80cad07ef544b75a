/**
 * What the classifier will read of a reply. A reply longer than
 * MAX_REPLY_CHARACTERS is cut before any parsing (parsing time grows with
 * the text, and no spoken turn is that long), and the caller is told so the
 * trainee can be. A reply with no words, or whose words are mostly not
 * English, is not understood, which is said, rather than heard as nothing.
 */
import type { ReplyTokens } from './reply-tokens';

export const MAX_REPLY_CHARACTERS = 2000;

/** Why a reply was not understood: it has no words at all, or its words are not English. */
export type NotUnderstood = 'noWords' | 'notEnglish';

/** The part of a reply that is read: at most MAX_REPLY_CHARACTERS, cut at a space where one is near. */
export function capReply(text: string): { text: string; cut: boolean } {
  if (text.length <= MAX_REPLY_CHARACTERS) return { text, cut: false };
  const head = text.slice(0, MAX_REPLY_CHARACTERS);
  const space = head.lastIndexOf(' ');
  return { text: space > MAX_REPLY_CHARACTERS - 40 ? head.slice(0, space) : head, cut: true };
}

const LETTER = /\p{L}/u;
const LATIN_WORD = /^[a-z'-]+$/;
const NON_LATIN = /[^\p{Script=Latin}\p{N}\p{P}\p{S}]/u;
const SHORT_REPLY_WORDS = 3;
/** Below this share of known words a reply of several words is taken for another language. */
const KNOWN_SHARE = 0.5;

/**
 * Whether a reply reads as English: share of its words that wink-nlp's
 * English lexicon or the act model knows. `knows` is the model's vocabulary,
 * which holds the chat spellings ("ur", "pls") the lexicon lacks.
 */
export function notUnderstood(tokens: ReplyTokens, knows: (lemma: string) => boolean): NotUnderstood | undefined {
  let words = 0;
  let known = 0;
  let nonLatin = false;
  tokens.normal.forEach((normal, i) => {
    if (!LETTER.test(normal)) return;
    words++;
    nonLatin ||= NON_LATIN.test(normal);
    if (LATIN_WORD.test(normal) && (tokens.known[i] || knows(tokens.lemma[i]!) || knows(normal))) known++;
  });
  if (!words) return 'noWords';
  // One or two words say too little to judge a language ("Okey-doke.", "Erm…"), unless they are not even in Latin letters.
  if (words < SHORT_REPLY_WORDS) return nonLatin ? 'notEnglish' : undefined;
  return known / words < KNOWN_SHARE ? 'notEnglish' : undefined;
}
