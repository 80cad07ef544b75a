/**
 * A reply read by wink-nlp into the tokens the classifier works on: words
 * with contractions and chat spellings expanded ("can't" → "can not", "im" →
 * "i am"), lemmas, parts of speech and sentences, plus which sentences ask
 * something. Questions are recognised in general (a question mark, an
 * auxiliary or question word first, "tell me…"), not only the five open ones.
 */
import type { Nlp } from './classify';

export interface ReplyTokens {
  normal: string[];
  lemma: string[];
  /** The token as written, for showing evidence; '' for the second half of an expanded word. */
  value: string[];
  pos: string[];
  stop: boolean[];
  /** Whether wink-nlp's English lexicon knows the word as written. */
  known: boolean[];
  sentences: [number, number][];
  asking: boolean[];
}

const CONTRACTION_PART = /'|^(ca|wo|sha|ai|nt)$/;
const CONTRACTED = /^(i|you|we|they|he|she|it|that|there|here|what|who|where|let)'(m|s|re|ve|ll|d)$/;
const EXPANDED: Record<string, string> = { m: 'am', s: 'is', re: 'are', ve: 'have', ll: 'will', d: 'would' };
const CURLY_QUOTES = /[’‘]/g;
/** Chat spellings wink-nlp leaves whole ("im", "thats", "u"): read them as the words they stand for. */
const TYPED_SPELLINGS: Record<string, string[]> = {
  im: ['i', 'am'],
  ill: ['i', 'will'],
  ive: ['i', 'have'],
  youre: ['you', 'are'],
  youve: ['you', 'have'],
  thats: ['that', 'is'],
  whats: ['what', 'is'],
  theres: ['there', 'is'],
  hasnt: ['has', 'not'],
  wont: ['will', 'not'],
  cant: ['can', 'not'],
  dont: ['do', 'not'],
  didnt: ['did', 'not'],
  doesnt: ['does', 'not'],
  isnt: ['is', 'not'],
  u: ['you'],
  ur: ['your'],
  pls: ['please'],
  plz: ['please'],
  thx: ['thanks'],
  lemme: ['let', 'me'],
  gonna: ['going', 'to'],
  wanna: ['want', 'to'],
};
/** "ill" is "I'll" only before a verb ("ill check that"), not in "you've been ill". */
const AFTER_ILL = new Set(['VERB', 'AUX', 'ADV']);
const QUESTION_OPENERS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how', 'can', 'could', 'would', 'will', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'tell', 'walk', 'describe', 'explain', 'may', 'shall', 'should', 'any', 'anything', 'mind']);
/** Openers that look like questions but explain or announce ("What happened is…"). */
const STATEMENT_OPENERS = ['what happened is', 'what happened was', 'what that means', 'what this means', 'what i can do', 'what we can do', 'what i will do', 'what i would', 'what i am going', 'what is going to happen', 'what happens now is', 'what happens next is', 'how it works', 'what i am hearing', 'what i have done', 'what i have'];
const ASKING_PHRASES = ['can i ask', 'may i ask', 'could i ask', 'help me understand', 'let me know', 'i would like to know', 'i need to know', 'i wonder', 'can you tell me', 'could you tell me', 'please tell me', 'talk me through', 'run me through', 'walk me through', 'tell me'];
const FILLERS = new Set(['so', 'and', 'please', 'okay', 'ok', 'right', 'well', 'um', 'uh', 'erm', 'oh', 'alright', 'sorry', 'just', 'and', 'but', 'yeah', 'yes', 'sure', 'great', 'lovely', 'perfect', 'thanks']);

/** Reads a reply into tokens; `firstUnknownId` is wink's first id for a word its lexicon does not hold. */
export function readTokens(nlp: Nlp, text: string, firstUnknownId: number): ReplyTokens {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const raw = {
    normal: tokens.out(nlp.its.normal) as string[],
    lemma: tokens.out(nlp.its.lemma) as string[],
    value: tokens.out(nlp.its.value) as string[],
    pos: tokens.out(nlp.its.pos) as string[],
    stop: tokens.out(nlp.its.stopWordFlag) as boolean[],
    id: tokens.out(nlp.its.uniqueId) as number[],
  };
  const spans = doc.sentences().out(nlp.its.span) as [number, number][];
  const out: ReplyTokens = { normal: [], lemma: [], value: [], pos: [], stop: [], known: [], sentences: [], asking: [] };
  const startOf: number[] = [];
  raw.normal.forEach((normalised, i) => {
    startOf[i] = out.normal.length;
    // wink's normal form expands contractions ("ca n't" → "can not"), which matters here,
    // but also respells words ("through" → "thru"), which must not: keep the word as written otherwise.
    const written = raw.value[i]!.toLowerCase().replace(CURLY_QUOTES, "'");
    const normal = CONTRACTION_PART.test(written) ? normalised.replace(CURLY_QUOTES, "'") : written;
    const parts = normal.includes("'") ? CONTRACTED.exec(normal) : null;
    const typed = parts ? undefined : TYPED_SPELLINGS[normal];
    const expands = typed && (normal !== 'ill' || AFTER_ILL.has(raw.pos[i + 1] ?? ''));
    const words = parts ? [parts[1]!, parts[1] === 'let' ? 'us' : EXPANDED[parts[2]!]!] : expands ? typed! : [normal];
    const known = raw.id[i]! < firstUnknownId || Boolean(expands);
    for (const [k, word] of words.entries()) {
      const split = parts || (expands && words.length > 1);
      out.normal.push(word);
      out.lemma.push(split || expands ? (word === 'am' || word === 'is' || word === 'are' ? 'be' : word) : (raw.lemma[i] ?? normal).toLowerCase());
      out.value.push(k === 0 ? raw.value[i]! : '');
      out.pos.push(split ? (k === 0 ? 'PRON' : 'AUX') : (raw.pos[i] ?? 'X'));
      out.stop.push(split ? true : Boolean(raw.stop[i]));
      out.known.push(known);
    }
  });
  startOf.push(out.normal.length);
  out.sentences = spans.map(([from, to]) => [startOf[from]!, startOf[to + 1]!]);
  out.asking = out.sentences.map((span) => isQuestion(out, span));
  return out;
}

function isQuestion(tokens: Pick<ReplyTokens, 'normal'>, [from, to]: [number, number]): boolean {
  const all = tokens.normal.slice(from, to);
  if (all.includes('?')) return true;
  const words = all.filter((word) => /[a-z]/.test(word));
  let skip = 0;
  while (skip < words.length - 1 && FILLERS.has(words[skip]!)) skip++;
  const first = words[skip];
  const fromOpener = ` ${words.slice(skip).join(' ')} `;
  if (STATEMENT_OPENERS.some((opener) => fromOpener.startsWith(` ${opener} `))) return false;
  if (first && QUESTION_OPENERS.has(first) && !(first === 'how' && words[skip + 1] === 'about')) return true;
  const sentence = ` ${words.join(' ')} `;
  return ASKING_PHRASES.some((phrase) => sentence.includes(` ${phrase} `));
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);

/** The content words (lemmas) of tokens [from, to); names (PROPN) only when asked for. */
export function contentLemmas(tokens: ReplyTokens, from = 0, to = tokens.normal.length, withNames = true): Set<string> {
  const found = new Set<string>();
  for (let i = from; i < to; i++) {
    if (!withNames && tokens.pos[i] === 'PROPN') continue;
    if (!tokens.stop[i] && CONTENT_POS.has(tokens.pos[i]!) && tokens.lemma[i]!.length > 1) found.add(tokens.lemma[i]!);
  }
  return found;
}
