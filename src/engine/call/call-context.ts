/**
 * The customer's state during a call, and the pure functions that move it.
 * It is all plain data, so a persisted snapshot carries the whole call.
 */
import { categoryAskedBy, isHarmful, type DialogueAct } from '../acts';
import { applyMoodDelta, DEFAULT_MOOD_EFFECTS, moodMatches, type Mood } from '../mood';
import { pickIndex, seedState } from '../random';
import type { Scenario } from '../scenario/scenario-schema';
import type { AccountSection } from '../vocabulary';
import type { CallEventKind, TraineeReply, TranscriptEntry } from './transcript';

export interface CallContext {
  /** Clock reading when the call began; transcript times count from here. */
  startedAt: number;
  rng: number;
  onHold: boolean;
  /** Transcript time from which the trainee's silence is counted. */
  silentSince: number;
  mood: Mood;
  revealed: string[];
  flags: string[];
  /** Flag → the transcript length when it was set, so the scorer knows what came before it. */
  flaggedAt: Record<string, number>;
  lookedUp: AccountSection[];
  verified: boolean;
  actCounts: Partial<Record<DialogueAct, number>>;
  lastActs: DialogueAct[];
  lastOffer: string | null;
  transcript: TranscriptEntry[];
}

export function initialContext(scenario: Scenario, seed: string, startedAt: number): CallContext {
  return {
    startedAt,
    rng: seedState(seed),
    onHold: false,
    silentSince: 0,
    mood: { ...scenario.persona.mood },
    revealed: [],
    flags: [],
    flaggedAt: {},
    lookedUp: [],
    verified: false,
    actCounts: {},
    lastActs: [],
    lastOffer: null,
    transcript: [],
  };
}

/** Lines the engine itself may need; a scenario replaces any of them by defining a line of the same name. */
export const ENGINE_LINES: Record<string, { text: string }[]> = {
  silence: [{ text: 'Hello? Are you still there?' }, { text: 'Is anyone there?' }],
  unclear: [{ text: "Sorry, I don't follow. What do you mean?" }, { text: "I'm not sure what you're asking me." }],
  refuseToAnswer: [{ text: "I'm not answering any more questions until someone actually listens to me." }],
  outOfPatience: [{ text: "You know what, forget it. I've wasted enough time on this." }],
  holdHangUp: [{ text: '(The line goes dead. The customer hung up while on hold.)' }],
};

function moodEffect(scenario: Scenario, key: DialogueAct | 'silence' | 'turn' | 'unclear') {
  return scenario.moodEffects[key] ?? DEFAULT_MOOD_EFFECTS[key];
}

export function say(scenario: Scenario, context: CallContext, lineId: string, at: number, reveals?: string): CallContext {
  const variants = reveals ? scenario.facts[reveals]?.says : (scenario.lines[lineId] ?? ENGINE_LINES[lineId]);
  if (!variants?.length) return context;
  // Prefer the variants written for this mood; fall back to the unconditional ones.
  const fitting = variants.filter((variant) => 'when' in variant && variant.when && moodMatches(context.mood, variant.when));
  const pool = fitting.length ? fitting : variants.filter((variant) => !('when' in variant) || !variant.when);
  const choices = pool.length ? pool : variants;
  const [index, rng] = pickIndex(context.rng, choices.length);
  const chosen: { text: string; audio?: string } = choices[index]!;
  const entry: TranscriptEntry = {
    kind: 'customer',
    at,
    mood: context.mood,
    text: chosen.text,
    line: lineId,
    ...(reveals ? { reveals } : {}),
    ...(chosen.audio ? { audio: chosen.audio } : {}),
  };
  return { ...context, rng, transcript: [...context.transcript, entry] };
}

export function recordEvent(context: CallContext, event: CallEventKind, at: number, section?: AccountSection): CallContext {
  const entry: TranscriptEntry = { kind: 'event', at, mood: context.mood, event, ...(section ? { section } : {}) };
  return { ...context, transcript: [...context.transcript, entry] };
}

/**
 * The customer hears a trainee turn: mood moves by each act (soothing acts
 * wear off when repeated; harmful ones never do), and each who/what/when/
 * where/why question is answered with the next fact of its kind, if the
 * customer is in a mood to answer.
 */
export function hear(scenario: Scenario, context: CallContext, reply: TraineeReply, at: number): CallContext {
  const acts = [...new Set(reply.acts)];
  let mood = applyMoodDelta(context.mood, moodEffect(scenario, 'turn'));
  const actCounts = { ...context.actCounts };
  for (const act of acts) {
    const used = actCounts[act] ?? 0;
    mood = applyMoodDelta(mood, moodEffect(scenario, act), isHarmful(act) ? 1 : 0.5 ** used);
    actCounts[act] = used + 1;
  }
  const entry: TranscriptEntry = { kind: 'trainee', at, mood, ...reply, acts };
  let next: CallContext = {
    ...context,
    mood,
    actCounts,
    lastActs: acts,
    lastOffer: reply.offers ?? null,
    verified: context.verified || acts.includes('verifyIdentity'),
    transcript: [...context.transcript, entry],
  };
  let refused = false;
  for (const act of acts) {
    const category = categoryAskedBy(act);
    if (!category) continue;
    // A reply that names the facts of this kind it asks about gets those; otherwise the next untold one.
    const named = reply.asks?.filter((id) => scenario.facts[id]?.category === category) ?? [];
    const factId = Object.keys(scenario.facts).find(
      (id) => scenario.facts[id]!.category === category && !next.revealed.includes(id) && (!named.length || named.includes(id)),
    );
    if (!factId) continue;
    if (!moodMatches(next.mood, scenario.facts[factId]!.revealWhen)) {
      if (!refused) next = say(scenario, next, 'refuseToAnswer', at);
      refused = true;
      continue;
    }
    next = say(scenario, { ...next, revealed: [...next.revealed, factId] }, factId, at, factId);
  }
  return next;
}

export function reveal(scenario: Scenario, context: CallContext, factId: string, at: number): CallContext {
  if (context.revealed.includes(factId)) return context;
  return say(scenario, { ...context, revealed: [...context.revealed, factId] }, factId, at, factId);
}

export function silence(scenario: Scenario, context: CallContext, at: number): CallContext {
  const quiet = recordEvent({ ...context, mood: applyMoodDelta(context.mood, moodEffect(scenario, 'silence')) }, 'silence', at);
  return say(scenario, quiet, 'silence', at);
}

/**
 * A turn the customer had nothing to say to: performing none of the acts the
 * moment called for. They ask what the trainee means, and lose patience.
 */
export function unclear(scenario: Scenario, context: CallContext, at: number): CallContext {
  if (context.transcript.at(-1)?.kind !== 'trainee') return context;
  return say(scenario, { ...context, mood: applyMoodDelta(context.mood, moodEffect(scenario, 'unclear')) }, 'unclear', at);
}
