/**
 * The customer's state during a call, and the pure functions that move it.
 * It is all plain data, so a persisted snapshot carries the whole call.
 */
import { categoryAskedBy, isHarmful, type DialogueAct } from '../acts';
import { applyMoodDelta, DEFAULT_MOOD_EFFECTS, moodMatches, type Mood, type MoodCondition } from '../mood';
import { pickIndex, seedState } from '../random';
import type { Scenario } from '../scenario/scenario-schema';
import { factsStated } from './facts-stated';
import { actsPerformed, distinctActs, factIds, factsOnTopic, isQuestion } from './reply-reading';
import { announcesLookUp } from './look-up-wait';
import { wordCount } from '../text';
import type { AccountSection } from '../vocabulary';
import type { CallEventKind, TraineeReply, TranscriptEntry } from './transcript';

export interface CallContext {
  /** Clock reading when the call began; transcript times count from here. */
  startedAt: number;
  rng: number;
  onHold: boolean;
  /** Transcript time from which the trainee's silence is counted: when the customer last stopped speaking, or the trainee last acted. */
  silentSince: number;
  /** Silence already counted before the trainee started composing; the clock stands still while they compose. */
  silenceUsed: number;
  /** The trainee is typing or speaking a reply (the UI says so), so their silence is not counted. */
  composing: boolean;
  /** The customer knows the trainee is looking something up (told so, or a look-up was made), so waits `timing.lookupWaitMs` longer this quiet stretch. */
  lookupWait: boolean;
  /** Extra time before the customer notices silence: this call's thinking-time setting (0 for assessment). */
  thinkingMs: number;
  /** Transcript time at which the customer finishes saying what they have started to say. */
  speakingUntil: number;
  /** Fixed for the whole call, so the prepared replies of a beat keep one order within a call. */
  replyOrder: number;
  mood: Mood;
  revealed: string[];
  flags: string[];
  /** Flag → the transcript length when it was set, so the scorer knows what came before it. */
  flaggedAt: Record<string, number>;
  lookedUp: AccountSection[];
  verified: boolean;
  lastActs: DialogueAct[];
  lastOffer: string | null;
  /** Facts the customer declined to give this turn, with the transcript index of the refusal, so a later answer in the same turn can take it back. */
  refused: { facts: string[]; at: number } | null;
  transcript: TranscriptEntry[];
}

export function initialContext(scenario: Scenario, seed: string, startedAt: number, thinkingMs = 0): CallContext {
  return {
    startedAt,
    rng: seedState(seed),
    onHold: false,
    silentSince: 0,
    silenceUsed: 0,
    composing: false,
    lookupWait: false,
    thinkingMs,
    speakingUntil: 0,
    replyOrder: seedState(`order:${seed}`),
    // Written out rather than spread, so every mood of the call has the one shape applyMoodDelta gives it.
    mood: { anger: scenario.persona.mood.anger, trust: scenario.persona.mood.trust, confusion: scenario.persona.mood.confusion, patience: scenario.persona.mood.patience },
    revealed: [],
    flags: [],
    flaggedAt: {},
    lookedUp: [],
    verified: false,
    lastActs: [],
    lastOffer: null,
    refused: null,
    transcript: [],
  };
}

/**
 * The context with some parts changed (by `changes`, then `moreChanges`).
 * Every context is built by copyOf, as one object literal with its keys in
 * one order, rather than by spread or Object.assign({}, …): contexts then all
 * share one shape, which V8 copies many times faster (in a micro-benchmark,
 * about 0.2 µs for a context this size, against 1 µs by spread and 5 by
 * Object.assign), and route exploration copies contexts millions of times.
 * A context restored from an older session gains its missing keys as
 * undefined, which every reader already treats as absent, and loses the act
 * counts it kept before they were read from the transcript.
 */
export function withChanges(context: CallContext, changes: Partial<CallContext>, moreChanges?: Partial<CallContext>): CallContext {
  return Object.assign(copyOf(context), changes, moreChanges);
}

/**
 * A copy of the context, for the engine's own steps to set the parts they
 * change one by one: quicker than withChanges, whose Object.assign copies a
 * changes object key by key, and hear and say build most of a call's contexts.
 */
function copyOf(context: CallContext): CallContext {
  return {
    startedAt: context.startedAt,
    rng: context.rng,
    onHold: context.onHold,
    silentSince: context.silentSince,
    silenceUsed: context.silenceUsed,
    composing: context.composing,
    lookupWait: context.lookupWait,
    thinkingMs: context.thinkingMs,
    speakingUntil: context.speakingUntil,
    replyOrder: context.replyOrder,
    mood: context.mood,
    revealed: context.revealed,
    flags: context.flags,
    flaggedAt: context.flaggedAt,
    lookedUp: context.lookedUp,
    verified: context.verified,
    lastActs: context.lastActs,
    lastOffer: context.lastOffer,
    refused: context.refused,
    transcript: context.transcript,
  };
}

/*
 * Changes every reply brings, each made as a whole new context (which the
 * analyses' stepper takes as it is, and xstate merges as it would the changed
 * fields alone), rather than as a few fields for withChanges to copy in.
 */

/** Silence is counted afresh, from when the customer stops speaking (or from now, if they have). */
export function restartSilence(context: CallContext, at: number): CallContext {
  const next = copyOf(context);
  next.silentSince = Math.max(at, context.speakingUntil ?? 0);
  next.silenceUsed = 0;
  next.composing = false;
  return next;
}

export function withMood(context: CallContext, mood: Mood): CallContext {
  const next = copyOf(context);
  next.mood = mood;
  return next;
}

/** The flag set, with the transcript length when it was set; a flag already set keeps its first moment. */
export function withFlag(context: CallContext, flag: string): CallContext {
  if (context.flags.includes(flag)) return context;
  const next = copyOf(context);
  next.flags = [...context.flags, flag];
  next.flaggedAt = { ...context.flaggedAt, [flag]: context.transcript.length };
  return next;
}

/** Lines the engine itself may need; a scenario replaces any of them by defining a line of the same name. */
export const ENGINE_LINES: Record<string, { text: string }[]> = {
  silence: [{ text: 'Hello? Are you still there?' }, { text: 'Is anyone there?' }],
  unclear: [{ text: "Sorry, I don't follow. What do you mean?" }, { text: "I'm not sure what you're asking me." }],
  notCaught: [{ text: "Sorry, I didn't catch that." }],
  refuseToAnswer: [{ text: "I'm not answering any more questions until someone actually listens to me." }],
  sayAgain: [{ text: 'Sorry, I think I got the wrong end of that. Go on, say it again?' }],
  oneThingAtATime: [{ text: 'One thing at a time, please. Ask me the rest in a minute.' }],
  outOfPatience: [{ text: "You know what, forget it. I've wasted enough time on this." }],
  holdHangUp: [{ text: '(The line goes dead. The customer hung up while on hold.)' }],
};

function moodEffect(scenario: Scenario, key: DialogueAct | 'silence' | 'turn' | 'unclear') {
  return scenario.moodEffects[key] ?? DEFAULT_MOOD_EFFECTS[key];
}

/**
 * The customer says a line, or tells the fact `reveals` in its words: a fact
 * told is known from then on (made known here, with the line, rather than in
 * a context of its own first).
 */
export function say(scenario: Scenario, context: CallContext, lineId: string, at: number, reveals?: string): CallContext {
  const revealed = reveals && !context.revealed.includes(reveals) ? [...context.revealed, reveals] : context.revealed;
  const variants = reveals ? scenario.facts[reveals]?.says : (scenario.lines[lineId] ?? ENGINE_LINES[lineId]);
  if (!variants?.length) return revealed === context.revealed ? context : withChanges(context, { revealed });
  // Prefer the variants written for this mood; fall back to the unconditional ones. Most lines have no
  // variant for a mood, and then every variant is unconditional: nothing need be sorted out.
  let candidates = variants;
  if (variants.some(forAMood)) {
    const fitting = variants.filter((variant) => forAMood(variant) && moodMatches(context.mood, variant.when));
    const pool = fitting.length ? fitting : variants.filter((variant) => !forAMood(variant));
    candidates = pool.length ? pool : variants;
  }
  // Said again, a line comes in words not yet used in this call where the author wrote any: a person rephrases.
  // Only a choice of words needs the transcript read (route exploration says hundreds of thousands of lines).
  const choices = candidates.length > 1 ? unsaid(candidates, context.transcript, lineId) : candidates;
  const picked = pickIndex(context.rng, choices.length);
  const rng = picked[1];
  const chosen: { text: string; audio?: string } = choices[picked[0]]!;
  // A caller says one thing after another: a line starts when the last one ends, and takes as long as saying it does.
  const startsAt = Math.max(at, context.speakingUntil ?? 0);
  const entry: TranscriptEntry = { kind: 'customer', at: startsAt, mood: context.mood, text: chosen.text, line: lineId };
  if (reveals) entry.reveals = reveals;
  if (chosen.audio) entry.audio = chosen.audio;
  const next = addInTimeOrder(context, entry);
  next.rng = rng;
  next.speakingUntil = startsAt + speakingMs(chosen.text);
  next.revealed = revealed;
  return next;
}

/** The variants of a line not yet said in this call, or all of them if each has been. */
function unsaid<Variant extends { text: string }>(variants: readonly Variant[], transcript: readonly TranscriptEntry[], lineId: string): readonly Variant[] {
  const said = (variant: Variant) => transcript.some((entry) => entry.kind === 'customer' && entry.line === lineId && entry.text === variant.text);
  const fresh = variants.filter((variant) => !said(variant));
  return fresh.length ? fresh : variants;
}

/** A line's variant written for a mood (it has bounds the mood must be within). */
function forAMood(variant: object): variant is { when: MoodCondition } {
  return 'when' in variant && !!variant.when;
}

/** Unhurried phone speech, about 160 words a minute, plus a breath before each line. */
const MS_PER_WORD = 375;
const BREATH_MS = 600;

export function speakingMs(text: string): number {
  return BREATH_MS + wordCount(text) * MS_PER_WORD;
}

export function recordEvent(context: CallContext, event: CallEventKind, at: number, section?: AccountSection): CallContext {
  const entry: TranscriptEntry = { kind: 'event', at, mood: context.mood, event, ...(section ? { section } : {}) };
  return addInTimeOrder(context, entry);
}

/**
 * Adds an entry where its time puts it, after everything stamped at or before
 * it, so every list of the call reads in the order things happened and its
 * times never run backwards. Only a customer line is stamped ahead of the
 * clock (it is queued until the customer finishes what they are saying), so
 * a look-up or hold made meanwhile goes before the lines not yet started.
 * The positions the context keeps (a flag's, a refusal's) move with the
 * entries they point at. The context returned is a new one, for the caller
 * to set its other changes on.
 */
export function addInTimeOrder(context: CallContext, entry: TranscriptEntry): CallContext {
  const { transcript } = context;
  let position = transcript.length;
  while (position > 0 && transcript[position - 1]!.at > entry.at) position--;
  const next = copyOf(context);
  if (position === transcript.length) {
    next.transcript = [...transcript, entry];
    return next;
  }
  next.flaggedAt = Object.fromEntries(Object.entries(context.flaggedAt).map(([flag, length]) => [flag, length > position ? length + 1 : length]));
  if (context.refused && context.refused.at >= position) next.refused = { ...context.refused, at: context.refused.at + 1 };
  next.transcript = [...transcript.slice(0, position), entry, ...transcript.slice(position)];
  return next;
}

/**
 * The transcript with the trainee's turn, said at `at`, added at its end.
 * Lines the customer had queued but not yet begun when the trainee spoke
 * are stamped with that moment, so they stay before the reply that answered
 * them (the page shows a line as soon as it is queued, and the scorer reads
 * a reply as answering the lines before it). A transcript's times never run
 * backwards (addInTimeOrder), so those lines are the last ones.
 */
function withTurnAdded(transcript: readonly TranscriptEntry[], turn: TranscriptEntry, at: number): TranscriptEntry[] {
  const next = [...transcript, turn];
  for (let i = transcript.length - 1; i >= 0 && next[i]!.at > at; i--) next[i] = { ...next[i]!, at };
  return next;
}

/**
 * The customer hears a trainee turn: mood moves by each act (soothing acts
 * wear off when repeated; harmful ones never do), and each who/what/when/
 * where/why question is answered with the next fact of its kind, if the
 * customer is in a mood to answer.
 */
export function hear(scenario: Scenario, context: CallContext, reply: TraineeReply, at: number): CallContext {
  const acts = distinctActs(reply);
  let mood = applyMoodDelta(context.mood, moodEffect(scenario, 'turn'));
  const performed = actsPerformed(context.transcript);
  for (const act of acts) mood = applyMoodDelta(mood, moodEffect(scenario, act), isHarmful(act) ? 1 : 0.5 ** (performed.get(act) ?? 0));
  // What the trainee states (read from the account, or put together) counts as known: the customer need not say it again.
  let said: string[] | undefined;
  const customerSaid = () => (said ??= context.transcript.flatMap((line) => (line.kind === 'customer' ? [line.text] : [])));
  const stated = factsStated(scenario, context.revealed, reply.text, customerSaid);
  // Object.assign, not spread: the same object, but route exploration makes hundreds of thousands of these, and V8
  // copies these many-shaped objects by spread several times slower.
  const entry: TranscriptEntry & { kind: 'trainee' } = Object.assign({ kind: 'trainee' as const, at, mood }, reply);
  entry.acts = acts;
  if (stated.length) entry.establishes = stated;
  let next = copyOf(context);
  next.mood = mood;
  next.lastActs = acts;
  next.lastOffer = reply.offers ?? null;
  next.verified = context.verified || acts.includes('verifyIdentity');
  // Told "one moment while I check", the customer expects a wait after they answer.
  next.lookupWait = announcesLookUp(reply.text);
  if (stated.length) next.revealed = [...context.revealed, ...stated];
  next.refused = null;
  // Speaking cuts off whatever the customer had still to say; their answer starts now.
  next.speakingUntil = at;
  next.transcript = withTurnAdded(context.transcript, entry, at);
  const refused: string[] = [];
  let answered = false;
  const answer = (factId: string) => {
    if (!moodMatches(next.mood, scenario.facts[factId]!.revealWhen)) {
      refused.push(factId);
      return;
    }
    answered = true;
    next = say(scenario, next, factId, at, factId);
  };
  // A question about a fact's topic asks for that fact, whatever kind of question it is.
  const onTopic = acts.some(isQuestion) && !reply.asks ? factsOnTopic(scenario, reply.text, next.revealed) : [];
  for (const factId of onTopic) answer(factId);
  for (const act of onTopic.length ? [] : acts) {
    const category = categoryAskedBy(act);
    if (!category) continue;
    // A reply that names the facts of this kind it asks about gets those; otherwise the next untold one.
    const named = reply.asks?.filter((id) => scenario.facts[id]?.category === category) ?? [];
    const factId = factIds(scenario).find(
      (id) => scenario.facts[id]!.category === category && !next.revealed.includes(id) && (!named.length || named.includes(id)),
    );
    if (factId) answer(factId);
  }
  // Part of a two-part question answered and part not: say so, rather than answer one half in silence.
  if (refused.length) {
    next = withChanges(say(scenario, next, answered ? 'oneThingAtATime' : 'refuseToAnswer', at), { refused: { facts: refused, at: next.transcript.length } });
  }
  return next;
}

/**
 * The customer tells a fact as the scenario scripts it. A fact the trainee
 * has only stated is still told (it is the customer's story), once.
 */
export function reveal(scenario: Scenario, context: CallContext, factId: string, at: number): CallContext {
  if (context.transcript.some((entry) => entry.kind === 'customer' && entry.reveals === factId)) return context;
  return say(scenario, withdrawRefusal(context, factId), factId, at, factId);
}

/**
 * A refusal and then, in the same turn, the answer after all reads as a
 * customer who forgets what they just said: the refusal is taken back.
 */
function withdrawRefusal(context: CallContext, factId: string): CallContext {
  const refusal = context.refused;
  if (!refusal?.facts.includes(factId)) return context;
  const facts = refusal.facts.filter((id) => id !== factId);
  if (facts.length) return withChanges(context, { refused: { ...refusal, facts } });
  const line = context.transcript[refusal.at];
  if (line?.kind !== 'customer') return withChanges(context, { refused: null });
  const transcript = context.transcript.filter((_, index) => index !== refusal.at);
  return withChanges(context, { refused: null, transcript, speakingUntil: Math.max(line.at, context.speakingUntil - speakingMs(line.text)) });
}

export function silence(scenario: Scenario, context: CallContext, at: number): CallContext {
  const quiet = recordEvent(withChanges(context, { mood: applyMoodDelta(context.mood, moodEffect(scenario, 'silence')) }), 'silence', at);
  return say(scenario, quiet, 'silence', at);
}

/**
 * A turn the customer had nothing to say to: performing none of the acts the
 * moment called for. They ask what the trainee means, and lose patience.
 */
/**
 * A reply the customer could not make out at all (no words, or not English):
 * it is recorded, flagged, and answered "I didn't catch that"; it moves the
 * call no further, but costs what any unclear turn costs.
 */
export function notCaught(scenario: Scenario, context: CallContext, reply: TraineeReply, at: number): CallContext {
  const mood = applyMoodDelta(applyMoodDelta(context.mood, moodEffect(scenario, 'turn')), moodEffect(scenario, 'unclear'));
  const entry: TranscriptEntry = { kind: 'trainee', at, mood, ...reply, acts: [] };
  // Listed after the lines it was said over, as a reply is; the customer's "didn't catch that" still waits its turn.
  return say(scenario, withChanges(context, { mood, lastActs: [], transcript: withTurnAdded(context.transcript, entry, at) }), 'notCaught', at);
}

export function unclear(scenario: Scenario, context: CallContext, at: number): CallContext {
  if (context.transcript.at(-1)?.kind !== 'trainee') return context;
  return say(scenario, withChanges(context, { mood: applyMoodDelta(context.mood, moodEffect(scenario, 'unclear')) }), 'unclear', at);
}
