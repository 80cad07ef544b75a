/**
 * Typed or spoken words → the dialogue acts they perform, each with a
 * confidence and the words that gave it away. wink-nlp does the language
 * work (sentences, tokens with contractions expanded, lemmas, parts of
 * speech); the lexicon says which phrases perform which act; the learned
 * act model (act-model.ts) weighs those cues with the reply's words and
 * decides. The NLP instance and the model are passed in, so the browser can
 * load them lazily.
 */
import type { DialogueAct } from '../acts';
import { joinTokens } from '../text';
import type { ActEvidence } from '../call/transcript';
import { CUES, GENERAL_JARGON, OVER_TALKING_WORDS, OVER_TALKING_WORDS_WHEN_ANGRY, PLAIN_CAPITALS, type Cue } from './lexicon';
import type { ActModel } from './act-model';
import { compilePattern, PatternIndex, type Match, type Tokens } from './patterns';
import { replyFeatures, type ReplyFeatures } from './reply-features';

/** The part of wink-nlp this module uses, so tests and the browser can hand in the same thing. */
export interface Nlp {
  readDoc(text: string): {
    tokens(): { out(property?: unknown): unknown[] };
    sentences(): { out(property?: unknown): unknown[] };
  };
  its: { normal: unknown; lemma: unknown; pos: unknown; type: unknown; value: unknown; span: unknown; stopWordFlag: unknown };
}

export interface ClassifyContext {
  /** What the customer has said so far: a paraphrase has to restate some of it. */
  customerSaid?: string[];
  /** Words this scenario's customer would not understand, besides the general list. */
  glossary?: string[];
  /** The customer's anger now: an angry customer has less room for a long answer. */
  customerAnger?: number;
  /** Ordinary words in this scenario's domain ("policy" for an insurer): never by themselves negative wording or jargon. */
  neutralWords?: string[];
}

export interface Classification {
  acts: DialogueAct[];
  evidence: ActEvidence[];
}

export interface Classifier {
  classify(text: string, context?: ClassifyContext): Classification;
}

/** A classifier that can also show the learned model what it sees, for training it. */
export interface FeaturingClassifier extends Classifier {
  featuresOf(text: string, context?: ClassifyContext): ReplyFeatures;
}

/**
 * Acts the lexicon alone decides, because they depend on the moment rather
 * than the wording: jargon on this scenario's glossary, over-talking on the
 * customer's anger and the reply's length.
 */
const RULED_ACTS: ReadonlySet<DialogueAct> = new Set(['jargon', 'overTalking']);
const ANGRY = 70;

const CONTRACTION_PART = /'|^(ca|wo|sha|ai|nt)$/;
const CONTRACTED = /^(i|you|we|they|he|she|it|that|there|here|what|who|where|let)'(m|s|re|ve|ll|d)$/;
const EXPANDED: Record<string, string> = { m: 'am', s: 'is', re: 'are', ve: 'have', ll: 'will', d: 'would' };
const CURLY_QUOTE = /[’‘]/;
const CURLY_QUOTES = /[’‘]/g;
/** Chat spellings wink-nlp leaves whole ("im", "thats", "u"): read them as the words they stand for. */
const TYPED_SPELLINGS: Record<string, string[]> = {
  im: ['i', 'am'],
  ill: ['i', 'will'],
  thats: ['that', 'is'],
  whats: ['what', 'is'],
  theres: ['there', 'is'],
  hasnt: ['has', 'not'],
  wont: ['will', 'not'],
  u: ['you'],
  ur: ['your'],
  pls: ['please'],
  plz: ['please'],
  thx: ['thanks'],
};
/** "ill" is "I'll" only before a verb ("ill check that"), not in "you've been ill". */
const AFTER_ILL = new Set(['VERB', 'AUX', 'ADV']);
const QUESTION_OPENERS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how', 'can', 'could', 'would', 'will', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'tell', 'walk', 'describe', 'explain', 'may', 'shall', 'should']);
/** Openers that look like questions but explain or announce ("What happened is…"). */
const STATEMENT_OPENERS = ['what happened is', 'what happened was', 'what that means', 'what this means', 'what i can do', 'what we can do', 'what i will do', 'what i would', 'what i am going', 'what is going to happen', 'what happens now is', 'how it works', 'what i am hearing', 'what i have done'];
const ASKING_PHRASES = ['how can i help', 'how may i', 'can i ask', 'may i ask', 'could i ask', 'help me understand', 'give me a rough idea', 'let me know', 'i would like to know', 'i need to know', 'i wonder', 'can you tell me', 'could you tell me', 'please tell me', 'please confirm', 'talk me through', 'run me through'];
const CLAUSE_JOINS = new Set([',', 'and', 'or', 'but']);
const CLAUSE_OPENERS = new Set([',', ':', 'and', 'right', 'okay', 'ok', 'well', 'oh', 'ah', 'alright', 'yes', 'yeah']);
const QUESTION_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);
const MIN_CONFIDENCE = 0.5;

interface Analysed extends Tokens {
  value: string[];
  pos: string[];
  stop: boolean[];
  sentences: [number, number][];
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termsPattern(terms: string[]): RegExp | null {
  if (!terms.length) return null;
  return new RegExp(`(?:^|[^a-z0-9])(${terms.map((term) => escapeRegExp(term.toLowerCase())).join('|')})(?=$|[^a-z0-9])`, 'g');
}

/**
 * With a learned model, the model decides every act but the ruled ones and
 * the lexicon's matches become its strongest features; without one, the
 * lexicon decides alone.
 */
export function createClassifier(nlp: Nlp, model?: ActModel): FeaturingClassifier {
  const index = new PatternIndex(CUES.flatMap((cue) => cue.patterns.map((pattern) => compilePattern<Cue>(pattern, cue))));
  const generalJargon = termsPattern(GENERAL_JARGON)!;
  const glossaries = new Map<string, RegExp | null>();

  function analyse(text: string): Analysed {
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    const raw = {
      normal: tokens.out(nlp.its.normal) as string[],
      lemma: tokens.out(nlp.its.lemma) as string[],
      value: tokens.out(nlp.its.value) as string[],
      pos: tokens.out(nlp.its.pos) as string[],
      stop: tokens.out(nlp.its.stopWordFlag) as boolean[],
    };
    const spans = doc.sentences().out(nlp.its.span) as [number, number][];
    // Expand "i'm", "that's", "you've"… so "i am sorry" and "i'm sorry" read the same.
    const out: Analysed = { normal: [], lemma: [], value: [], pos: [], stop: [], sentences: [] };
    const startOf: number[] = [];
    raw.normal.forEach((normalised, i) => {
      startOf[i] = out.normal.length;
      // wink's normal form expands contractions ("ca n't" → "can not"), which the lexicon relies on,
      // but also respells words ("through" → "thru"), which it must not: keep the word as written otherwise.
      const written = raw.value[i]!.toLowerCase();
      const normal = CONTRACTION_PART.test(written) ? normalised : written;
      const parts = normal.includes("'") ? CONTRACTED.exec(normal) : null;
      const typed = parts ? undefined : TYPED_SPELLINGS[normal];
      const expands = typed && (normal !== 'ill' || AFTER_ILL.has(raw.pos[i + 1] ?? ''));
      const words = parts ? [parts[1]!, parts[1] === 'let' ? 'us' : EXPANDED[parts[2]!]!] : expands ? typed! : [CURLY_QUOTE.test(normal) ? normal.replace(CURLY_QUOTES, "'") : normal];
      for (const [k, word] of words.entries()) {
        const split = parts || (expands && words.length > 1);
        out.normal.push(word);
        out.lemma.push(split || expands ? (k === 0 ? word : word === 'am' || word === 'is' || word === 'are' ? 'be' : word) : (raw.lemma[i] ?? normal));
        out.value.push(k === 0 ? raw.value[i]! : '');
        out.pos.push(split ? (k === 0 ? 'PRON' : 'AUX') : (raw.pos[i] ?? 'X'));
        out.stop.push(split ? true : Boolean(raw.stop[i]));
      }
    });
    startOf.push(out.normal.length);
    out.sentences = spans.map(([from, to]) => [startOf[from]!, startOf[to + 1]!]);
    return out;
  }

  function isQuestion(tokens: Analysed, [from, to]: [number, number]): boolean {
    if (tokens.normal.slice(from, to).includes('?')) return true;
    const words = tokens.normal.slice(from, to).filter((word) => /[a-z]/.test(word));
    const skip = words[0] === 'so' || words[0] === 'and' || words[0] === 'please' || words[0] === 'okay' || words[0] === 'ok' ? 1 : 0;
    const first = words[skip];
    const sentence = ` ${words.join(' ')} `;
    const fromOpener = ` ${words.slice(skip).join(' ')} `;
    if (STATEMENT_OPENERS.some((opener) => fromOpener.startsWith(` ${opener} `))) return false;
    if (first && QUESTION_OPENERS.has(first) && !(first === 'how' && words[skip + 1] === 'about')) return true;
    return ASKING_PHRASES.some((phrase) => sentence.includes(` ${phrase} `));
  }

  /**
   * The acts a sentence's cues rule out. When two cues rule each other out
   * ("you shouldn't have had to call again" is empathy, not blame), the
   * longer match, the more specific reading, wins.
   */
  function vetoesIn(matches: Match<Cue>[]): Set<DialogueAct> {
    const vetoed = new Set<DialogueAct>();
    for (const match of matches) {
      if (!match.pattern.data.vetoes) continue;
      for (const act of match.pattern.data.vetoes) {
        const longerRival = matches.some((other) => other.pattern.data.act === act && other.pattern.data.vetoes?.includes(match.pattern.data.act) && other.end - other.start > match.end - match.start);
        if (!longerRival) vetoed.add(act);
      }
    }
    return vetoed;
  }

  /** The first question word of a sentence: in "what were you doing when…" it is "what", not "when". */
  function firstQuestionWord(tokens: Analysed, [from, to]: [number, number]): number {
    for (let i = from; i < to; i++) if (QUESTION_WORDS.has(tokens.normal[i]!)) return i;
    return -1;
  }

  function contentLemmas(tokens: Analysed, from = 0, to = tokens.normal.length, withNames = true): Set<string> {
    const found = new Set<string>();
    for (let i = from; i < to; i++) {
      if (!withNames && tokens.pos[i] === 'PROPN') continue;
      if (!tokens.stop[i] && CONTENT_POS.has(tokens.pos[i]!) && tokens.lemma[i]!.length > 1) found.add(tokens.lemma[i]!);
    }
    return found;
  }

  // A call's customer lines are compared with every later reply, sentence by sentence: gather their words once.
  interface Heard {
    lemmas: Set<string>;
    /** "doubled" restates "double", "outages" restates "out": words sharing their first five letters count as the same. */
    stems: Set<string>;
  }
  const heardCache = new Map<string, Heard>();
  function heardIn(customerSaid: string[]): Heard {
    const key = customerSaid.join('\n');
    let heard = heardCache.get(key);
    if (!heard) {
      if (heardCache.size > 500) heardCache.clear();
      const lemmas = new Set<string>();
      for (const line of customerSaid) contentLemmas(analyse(line)).forEach((lemma) => lemmas.add(lemma));
      heard = { lemmas, stems: new Set([...lemmas].filter((word) => word.length >= 5).map((word) => word.slice(0, 5))) };
      heardCache.set(key, heard);
    }
    return heard;
  }

  /**
   * A paraphrase counts only if the sentence shares enough content words with
   * what the customer said; without a cue phrase it must share more, and most
   * of what it says.
   */
  function restates(tokens: Analysed, span: [number, number], customerSaid: string[] | undefined, uncued = 0): boolean {
    if (!customerSaid?.length) return false;
    const { lemmas: heard, stems } = heardIn(customerSaid);
    // Saying the customer's name back is not a summary: without a cue, names do not count.
    const mine = contentLemmas(tokens, span[0], span[1], !uncued);
    let shared = 0;
    for (const lemma of mine) if (heard.has(lemma) || (lemma.length >= 5 && stems.has(lemma.slice(0, 5)))) shared++;
    if (uncued) return shared >= uncued && shared / mine.size >= 0.4;
    return shared >= 2 || (shared >= 1 && mine.size <= 4);
  }

  function jargonIn(text: string, tokens: Analysed, glossary: string[]): string[] {
    const found = new Set<string>();
    const lower = text.toLowerCase();
    const key = glossary.join('\u0000');
    if (!glossaries.has(key)) glossaries.set(key, termsPattern(glossary));
    for (const pattern of [generalJargon, glossaries.get(key)]) {
      if (!pattern) continue;
      for (const match of lower.matchAll(pattern)) found.add(match[1]!);
    }
    for (const value of tokens.value) {
      if (/^[A-Z][A-Z0-9]{2,5}$/.test(value) && !PLAIN_CAPITALS.has(value)) found.add(value);
    }
    return [...found];
  }

  /** The lexicon's reading; `phrasedRestatement` is a paraphrase announced by a cue ("so you're saying…"), not just shared words. */
  function cueClassify(text: string, context: ClassifyContext): { tokens: Analysed; evidence: ActEvidence[]; phrasedRestatement: boolean } {
      const tokens = analyse(text);
      let phrasedRestatement = false;
      const best = new Map<DialogueAct, ActEvidence>();
      const weakOnly = new Set<DialogueAct>();
      const strong = new Set<DialogueAct>();
      const note = (act: DialogueAct, confidence: number, words: string) => {
        const current = best.get(act);
        if (!current) best.set(act, { act, confidence, words: [words] });
        else {
          current.confidence = Math.max(current.confidence, confidence);
          if (!current.words.includes(words) && current.words.length < 3) current.words.push(words);
        }
      };
      for (const span of tokens.sentences) {
        const asking = isQuestion(tokens, span);
        const here = new Map<DialogueAct, { confidence: number; words: string; weak: boolean }>();
        const matches = index.matchAll(tokens, span[0], span[1]);
        const firstWh = firstQuestionWord(tokens, span);
        const leadsClause = (at: number) => at === firstWh || CLAUSE_JOINS.has(tokens.normal[at - 1] ?? '');
        const opensSentence = (at: number) => at === span[0] || CLAUSE_OPENERS.has(tokens.normal[at - 1] ?? '');
        const counted = matches.filter(({ pattern: { data: cue }, start }) => !((cue.inQuestion && !asking) || (cue.statement && asking) || (cue.wh && !leadsClause(start)) || (cue.leading && !opensSentence(start))));
        const vetoed = vetoesIn(counted);
        for (const { pattern, start, end } of counted) {
          const cue = pattern.data;
          const words = joinTokens(tokens.value.slice(start, end));
          const previous = here.get(cue.act);
          if (!previous || previous.confidence < cue.confidence) here.set(cue.act, { confidence: cue.confidence, words, weak: Boolean(cue.weak) && (!previous || previous.weak) });
        }
        const phrased = here.has('paraphrase');
        if (!phrased && !asking && restates(tokens, span, context.customerSaid, 3)) {
          here.set('paraphrase', { confidence: 0.6, words: joinTokens(tokens.value.slice(span[0], span[1])), weak: false });
        }
        for (const [act, { confidence, words, weak }] of here) {
          if (vetoed.has(act)) continue;
          if (act === 'paraphrase') {
            if (!restates(tokens, span, context.customerSaid)) continue;
            phrasedRestatement ||= phrased;
          }
          if (weak) weakOnly.add(act);
          else strong.add(act);
          note(act, confidence, words);
        }
      }
      for (const term of jargonIn(text, tokens, context.glossary ?? [])) note('jargon', 0.85, term);
      const words = tokens.value.filter((value) => /[A-Za-z0-9]/.test(value)).length;
      const limit = (context.customerAnger ?? 0) >= ANGRY ? OVER_TALKING_WORDS_WHEN_ANGRY : OVER_TALKING_WORDS;
      // An explanation full of jargon, or one that blames or brushes off, is not plain language.
      if (best.has('jargon') || best.has('blame') || best.has('dismissal')) best.delete('explainPlainly');
      if (words > limit) {
        note('overTalking', Math.min(0.95, 0.6 + (words - limit) / 100), `${words} words`);
        // A monologue is not a plain explanation, however many explanatory phrases it contains.
        best.delete('explainPlainly');
        best.delete('paraphrase');
      }
      // "Thanks for calling" and "hello" greet only when the reply is not closing the call or returning from hold.
      const closingOrReturning = best.has('closing') || best.has('holdAndReturn') || best.has('checkResolved');
      const evidence = [...best.values()].filter(
        (item) => item.confidence >= MIN_CONFIDENCE && !(closingOrReturning && weakOnly.has(item.act) && !strong.has(item.act)),
      );
      return { tokens, evidence, phrasedRestatement };
  }

  function featuresFrom(tokens: Analysed, evidence: ActEvidence[], context: ClassifyContext): ReplyFeatures {
    return replyFeatures(tokens, {
      cueActs: evidence.map((item) => item.act),
      hasCustomerWords: Boolean(context.customerSaid?.length),
      angry: (context.customerAnger ?? 0) >= ANGRY,
    });
  }

  function decide(text: string, context: ClassifyContext): Classification {
      const { tokens, evidence: cued, phrasedRestatement } = cueClassify(text, context);
      if (!model) return { acts: cued.map((item) => item.act), evidence: cued };
      const evidence = cued.filter((item) => RULED_ACTS.has(item.act));
      const cuedActs = new Set(cued.map((item) => item.act));
      for (const decision of model.decide(featuresFrom(tokens, cued, context), (act) => !cuedActs.has(act))) {
        if (RULED_ACTS.has(decision.act)) continue;
        // The model may hear a restatement the cues missed, but only of something the customer said, and not by their name alone.
        if (decision.act === 'paraphrase' && !cuedActs.has('paraphrase') && !tokens.sentences.some((span) => restates(tokens, span, context.customerSaid, 2))) continue;
        // The lexicon's phrase is the clearer evidence when it found the act too.
        const cue = cued.find((item) => item.act === decision.act);
        evidence.push({ act: decision.act, confidence: decision.confidence, words: cue?.words ?? decision.words });
      }
      // A restatement the cues found stands even when the model hears a question in it ("So it's dropped three times?"),
      // and so does a cue the lexicon is nearly always right about ("Good morning, thanks for calling").
      for (const item of cued) {
        const stands = item.act === 'paraphrase' ? phrasedRestatement : model.trustedCues.has(item.act);
        if (stands && !evidence.some((other) => other.act === item.act)) evidence.push(item);
      }
      return { acts: evidence.map((item) => item.act), evidence };
  }

  /**
   * Negative wording or jargon heard only in the scenario's neutral words is
   * dropped when the reply, with those words read as a plain "plan", is not
   * heard that way: "your policy covers it" is fine, "policy says you can't" is not.
   */
  function withNeutralWords(heard: Classification, text: string, context: ClassifyContext, neutral: RegExp): Classification {
    const onlyNeutral = (item: ActEvidence) => item.words.every((words) => new RegExp(neutral.source).test(` ${words.toLowerCase()} `));
    const suspects = heard.evidence.filter((item) => (item.act === 'negativeWording' || item.act === 'jargon') && onlyNeutral(item));
    if (!suspects.length) return heard;
    const plain = decide(text.replace(new RegExp(neutral.source, 'gi'), '$1plan'), context);
    const dropped = new Set(suspects.filter((item) => item.act === 'jargon' || !plain.acts.includes(item.act)).map((item) => item.act));
    const evidence = heard.evidence.filter((item) => !dropped.has(item.act));
    return { acts: evidence.map((item) => item.act), evidence };
  }
  const neutralPatterns = new Map<string, RegExp>();

  return {
    classify(text, context = {}) {
      const heard = decide(text, context);
      if (!context.neutralWords?.length) return heard;
      const key = context.neutralWords.join('\u0000');
      if (!neutralPatterns.has(key)) neutralPatterns.set(key, new RegExp(`(^|[^a-z0-9])(?:${context.neutralWords.map((word) => escapeRegExp(word.toLowerCase())).join('|')})(?=$|[^a-z0-9])`, 'i'));
      return withNeutralWords(heard, text, context, neutralPatterns.get(key)!);
    },
    featuresOf(text, context = {}) {
      const { tokens, evidence } = cueClassify(text, context);
      return featuresFrom(tokens, evidence, context);
    },
  };
}
