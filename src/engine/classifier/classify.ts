/**
 * Typed or spoken words → the dialogue acts they perform, each with a
 * confidence and the words that gave it away.
 *
 * wink-nlp reads the reply (reply-tokens.ts); the learned act model
 * (act-model.ts), trained here on the tuning writers' files, decides every
 * act whose definition is not a rule. Rules decide only what the
 * definitions make rules (definitions.ts): jargon from the scenario's
 * glossary and the trade's terms, over-talking from length and the
 * customer's anger, and that a paraphrase must share words with what the
 * customer said. The NLP instance and the model are passed in, so the
 * browser can load them lazily.
 */
import { isHarmful, type DialogueAct } from '../acts';
import { joinTokens } from '../text';
import type { ActEvidence } from '../call/transcript';
import type { ActModel } from './act-model';
import { ANGRY, DEFINITION_CUES, GENERAL_JARGON, OVER_TALKING_WORDS, OVER_TALKING_WORDS_WHEN_ANGRY, PLAIN_CAPITALS } from './definitions';
import { compilePattern, PatternIndex } from './patterns';
import { capReply, notUnderstood, type NotUnderstood } from './readable';
import { replyFeatures, type FeatureMoment, type ReplyFeatures } from './reply-features';
import { contentLemmas, readTokens, type ReplyTokens } from './reply-tokens';

/** The part of wink-nlp this module uses, so tests and the browser can hand in the same thing. */
export interface Nlp {
  readDoc(text: string): {
    tokens(): { out(property?: unknown): unknown[] };
    sentences(): { out(property?: unknown): unknown[] };
  };
  its: { normal: unknown; lemma: unknown; pos: unknown; type: unknown; value: unknown; span: unknown; stopWordFlag: unknown; uniqueId: unknown };
}

export interface ClassifyContext {
  /** What the customer has said, most recent last: a paraphrase has to restate some of it. */
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
  /** Set when the reply was longer than MAX_REPLY_CHARACTERS: only its start was read. */
  cut?: true;
  /** Set when the reply could not be understood; then it performs no act. */
  notUnderstood?: NotUnderstood;
}

export interface Classifier {
  classify(text: string, context?: ClassifyContext): Classification;
}

/** A classifier that can also show the learned model what it sees, for training it. */
export interface FeaturingClassifier extends Classifier {
  featuresOf(text: string, context?: ClassifyContext): ReplyFeatures;
}

/** Acts a rule decides, because their definition is one: jargon on the glossary, over-talking on length and anger. */
const RULED_ACTS: ReadonlySet<DialogueAct> = new Set(['jargon', 'overTalking']);
/** Only the last few things the customer said can be restated: a whole call's words would make anything look like a summary. */
const RECENT_CUSTOMER_LINES = 3;
const JOINS = new Set(['and', 'or']);
const QUESTION_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termsPattern(terms: string[]): RegExp | null {
  if (!terms.length) return null;
  return new RegExp(`(?:^|[^a-z0-9])(${terms.map((term) => escapeRegExp(term.toLowerCase())).join('|')})(?=$|[^a-z0-9])`, 'g');
}

/**
 * Without a model (for training one), only the ruled acts are heard.
 * `explain: false` skips finding the words behind the model's decisions, for
 * evaluation runs that only count acts.
 */
export function createClassifier(nlp: Nlp, model?: ActModel, { explain = true } = {}): FeaturingClassifier {
  const definitions = new PatternIndex(DEFINITION_CUES.flatMap((cue) => cue.patterns.map((pattern) => compilePattern(pattern, cue.act))));
  const generalJargon = termsPattern(GENERAL_JARGON)!;
  const glossaries = new Map<string, RegExp | null>();
  // wink numbers the words of its lexicon first; any later id is a word it does not know.
  const firstUnknownId = (nlp.readDoc('qzxqv').tokens().out(nlp.its.uniqueId) as number[])[0]!;
  const read = (text: string) => readTokens(nlp, text, firstUnknownId);

  // A call's customer lines are compared with every later reply: gather their words once.
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
      for (const line of customerSaid) contentLemmas(read(capReply(line).text)).forEach((lemma) => lemmas.add(lemma));
      heard = { lemmas, stems: new Set([...lemmas].filter((word) => word.length >= 5).map((word) => word.slice(0, 5))) };
      heardCache.set(key, heard);
    }
    return heard;
  }

  /**
   * How much of the reply restates what the customer said, by its best
   * sentence: 'most' when three content words or more and at least 40% of the
   * sentence's are the customer's, 'some' when two are (or one, in a short
   * sentence). Names alone are not a summary.
   */
  function restatement(tokens: ReplyTokens, customerSaid: string[] | undefined): FeatureMoment['restates'] {
    if (!customerSaid?.length) return 'none';
    const { lemmas: heard, stems } = heardIn(customerSaid.slice(-RECENT_CUSTOMER_LINES));
    let level: FeatureMoment['restates'] = 'none';
    for (const [from, to] of tokens.sentences) {
      const mine = contentLemmas(tokens, from, to, false);
      let shared = 0;
      for (const lemma of mine) if (heard.has(lemma) || (lemma.length >= 5 && stems.has(lemma.slice(0, 5)))) shared++;
      if (shared >= 3 && shared / mine.size >= 0.4) return 'most';
      if (shared >= 2 || (shared >= 1 && mine.size <= 4)) level = 'some';
    }
    return level;
  }

  function jargonIn(text: string, tokens: ReplyTokens, glossary: string[], neutralWords: string[]): string[] {
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
    const neutral = new Set(neutralWords.map((word) => word.toLowerCase()));
    return [...found].filter((term) => !neutral.has(term.toLowerCase()));
  }

  /** The definition phrases in the reply: act → the words that matched. */
  function definitionPhrases(tokens: ReplyTokens): Map<DialogueAct, string> {
    const found = new Map<DialogueAct, string>();
    for (const [from, to] of tokens.sentences) {
      for (const { pattern, start, end } of definitions.matchAll(tokens, from, to)) {
        if (!found.has(pattern.data)) found.set(pattern.data, joinTokens(tokens.value.slice(start, end)));
      }
    }
    return found;
  }

  function featuresFor(tokens: ReplyTokens, context: ClassifyContext): ReplyFeatures {
    const phrases = definitionPhrases(tokens);
    return replyFeatures(tokens, {
      definitionActs: phrases.keys(),
      restates: restatement(tokens, context.customerSaid),
      hasCustomerWords: Boolean(context.customerSaid?.length),
      angry: (context.customerAnger ?? 0) >= ANGRY,
    });
  }

  function understand(text: string, context: ClassifyContext) {
    const tokens = read(text);
    return { tokens, phrases: definitionPhrases(tokens), features: featuresFor(tokens, context) };
  }

  /**
   * Each sentence of a longer reply, and each question of a compound one
   * ("what did it cost, and why did it matter?"), read on its own as well: a
   * helpful act one part performs is not drowned by what the others do (a
   * greeting and an apology before "When did it start?").
   */
  function partsAlone(tokens: ReplyTokens, context: ClassifyContext): ReplyFeatures[] {
    const parts: { span: [number, number]; asking: boolean }[] = [];
    tokens.sentences.forEach(([from, to], s) => {
      let start = from;
      for (let i = from + 1; i < to - 1; i++) {
        if (JOINS.has(tokens.normal[i]!) && QUESTION_WORDS.has(tokens.normal[i + 1]!) && i > start + 1) {
          parts.push({ span: [start, i], asking: tokens.asking[s]! });
          start = i + 1;
        }
      }
      parts.push({ span: [start, to], asking: tokens.asking[s]! });
    });
    if (parts.length < 2) return [];
    return parts.map(({ span, asking }) => featuresFor({ ...tokens, sentences: [span], asking: [asking] }, context));
  }

  function ruled(text: string, tokens: ReplyTokens, context: ClassifyContext): ActEvidence[] {
    const evidence: ActEvidence[] = [];
    const terms = jargonIn(text, tokens, context.glossary ?? [], context.neutralWords ?? []);
    if (terms.length) evidence.push({ act: 'jargon', confidence: 0.85, words: terms.slice(0, 3) });
    const words = tokens.value.filter((value) => /[A-Za-z0-9]/.test(value)).length;
    const limit = (context.customerAnger ?? 0) >= ANGRY ? OVER_TALKING_WORDS_WHEN_ANGRY : OVER_TALKING_WORDS;
    if (words > limit) evidence.push({ act: 'overTalking', confidence: Math.min(0.95, 0.6 + (words - limit) / 100), words: [`${words} words`] });
    return evidence;
  }

  const neutralPatterns = new Map<string, RegExp>();
  /**
   * A scenario's neutral words ("policy" for an insurer) are ordinary there:
   * negative wording is kept only if the reply, with them read as a plain
   * "plan", is still heard that way ("your policy covers it" is fine,
   * "policy says you can't" is not).
   */
  function withNeutralWords(heard: Classification, text: string, context: ClassifyContext): Classification {
    if (!heard.acts.includes('negativeWording')) return heard;
    const key = context.neutralWords!.join('\u0000');
    if (!neutralPatterns.has(key)) neutralPatterns.set(key, termsPattern(context.neutralWords!)!);
    const pattern = neutralPatterns.get(key)!;
    const plain = text.toLowerCase().replace(pattern, (match, word: string) => match.replace(word, 'plan'));
    if (plain === text.toLowerCase()) return heard;
    if (classifier.classify(plain, { ...context, neutralWords: [] }).acts.includes('negativeWording')) return heard;
    const evidence = heard.evidence.filter((item) => item.act !== 'negativeWording');
    return { ...heard, acts: evidence.map((item) => item.act), evidence };
  }

  const classifier: FeaturingClassifier = {
    classify(whole, context = {}) {
      const { text, cut } = capReply(whole);
      const { tokens, phrases, features } = understand(text, context);
      const marks = cut ? { cut: true as const } : {};
      const unclear = notUnderstood(tokens, (lemma) => Boolean(model?.knows(`w:${lemma}`)));
      if (unclear) return { acts: [], evidence: [], notUnderstood: unclear, ...marks };
      const evidence = ruled(text, tokens, context);
      const restates = features.names.includes('ctx:restates-none') ? false : Boolean(context.customerSaid?.length);
      const decided = new Map<DialogueAct, { confidence: number; words: string[] }>();
      for (const [v, view] of [features, ...partsAlone(tokens, context)].entries()) {
        for (const decision of model?.decide(view, explain ? (act) => !decided.has(act) : () => false) ?? []) {
          // Whether a reply harms is judged on the whole of it: the rest can change what one sentence means.
          if (v > 0 && isHarmful(decision.act)) continue;
          const before = decided.get(decision.act);
          if (!before) decided.set(decision.act, { confidence: decision.confidence, words: decision.words });
          else if (decision.confidence > before.confidence) before.confidence = decision.confidence;
        }
      }
      for (const [act, decision] of decided) {
        if (RULED_ACTS.has(act)) continue;
        // By definition a paraphrase restates what the customer said: without shared words there is none, whatever the wording.
        if (act === 'paraphrase' && !restates) continue;
        const phrase = phrases.get(act);
        const words = decision.words.length ? decision.words : phrase ? [phrase] : [joinTokens(tokens.value.slice(...tokens.sentences[0]!)).slice(0, 80)];
        evidence.push({ act, confidence: decision.confidence, words });
      }
      const heard = { acts: evidence.map((item) => item.act), evidence, ...marks };
      return context.neutralWords?.length ? withNeutralWords(heard, text, context) : heard;
    },
    featuresOf(text, context = {}) {
      return understand(capReply(text).text, context).features;
    },
  };
  return classifier;
}
