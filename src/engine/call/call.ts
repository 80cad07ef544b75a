/**
 * A call in progress: the compiled customer machine running as an actor, and
 * the view of it that every screen reads. The UI sends events here and shows
 * `view`; it never decides what the customer does.
 */
import { createActor, type Actor, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import type { CallContext } from './call-context';
import type { Classifier } from '../classifier/classify';
import { typedReply } from '../classifier/typed-reply';
import { ReplayClock, type CallClock } from '../clock';
import { compileScenario, endingOf, type CallEvent } from './compile';
import type { Mood } from '../mood';
import { pickIndex, seedState } from '../random';
import type { Ending, PreparedReply, Scenario } from '../scenario/scenario-schema';
import { scenarioHash } from './scenario-hash';
import { EMPTY_NOTES, type CallNotes, type CallRecord, type TranscriptEntry } from './transcript';

export interface CallView {
  status: 'ringing' | 'live' | 'ended';
  /** The top-level state: opening, venting, fact-finding… as the scenario names them. */
  phase: string;
  beat: string | null;
  replies: PreparedReply[];
  mood: Mood;
  onHold: boolean;
  transcript: TranscriptEntry[];
  ending: { state: string; detail: Ending } | null;
}

type CallSnapshot = SnapshotFrom<AnyStateMachine>;

/** Something the trainee did, and when (clock time). */
export interface LoggedEvent {
  at: number;
  event: CallEvent;
}

/** All it takes to bring a call back after a reload. */
export interface SavedCall {
  seed: string;
  log: LoggedEvent[];
  /** Clock time when this was saved: timers due before it had already fired. */
  savedAt: number;
  /** The actor's persisted snapshot, to check the replay against. */
  snapshot: unknown;
  /** The content hash of the scenario the call was played against: a replay is only doubted when it differs. */
  scenarioHash?: string;
  thinkingMs?: number;
  /** Clock time when the call began, so a replay starts its clock there too. */
  startedAt?: number;
}

export interface CallOptions {
  seed: string;
  /** Defaults to a live clock starting at 0; tests pass XState's SimulatedClock. */
  clock?: CallClock;
  /** Extra time before the customer notices silence (the call's thinking-time setting). */
  thinkingMs?: number;
}

export class Call {
  readonly actor: Actor<AnyStateMachine>;
  readonly clock: CallClock;
  readonly log: LoggedEvent[] = [];
  /** While an event is handled, every timestamp in it reads the moment it was sent, so a replay reproduces it exactly. */
  private pinnedAt: number | null = null;

  constructor(
    readonly scenario: Scenario,
    readonly options: CallOptions,
    restore?: CallSnapshot,
  ) {
    this.clock = options.clock ?? ReplayClock.live();
    const timeline = { now: () => this.pinnedAt ?? this.clock.now() };
    this.actor = createActor(compileScenario(scenario, timeline), {
      input: { seed: options.seed, thinkingMs: options.thinkingMs ?? 0 },
      clock: this.clock,
      ...(restore ? { snapshot: restore } : {}),
    });
    this.actor.start();
  }

  /**
   * Brings a saved call back. The trainee's events are replayed on a clock
   * that runs ahead to when the call was saved, so silence prompts, hold
   * ticks and the transcript are as they were, with their timers still
   * pending; then the clock goes live from the saved time, so handle time
   * and silence carry on rather than restart. Only when the scenario's
   * content differs from the one the call was played against, and the
   * replay does not reproduce the saved snapshot, is the snapshot restored
   * as it was and `exact` false: the transcript is intact, and running
   * timers start again from the next thing the trainee does. `carryOverMs`
   * is how long the page was gone since the save that counts as call time
   * (the caller decides how much of a long absence to count).
   */
  static resume(scenario: Scenario, saved: SavedCall, { carryOverMs = 0 }: { carryOverMs?: number } = {}): { call: Call; exact: boolean } {
    const options = { seed: saved.seed, ...(saved.thinkingMs ? { thinkingMs: saved.thinkingMs } : {}) };
    const clock = new ReplayClock();
    clock.advanceTo(saved.startedAt ?? 0);
    const call = new Call(scenario, { ...options, clock });
    for (const { at, event } of saved.log) {
      clock.advanceTo(at);
      call.send(event, at);
    }
    // The quiet time between the last save and the reload happened with the trainee on the line: it counts.
    clock.advanceTo(saved.savedAt + Math.max(0, carryOverMs));
    clock.goLive();
    const sameScenario = saved.scenarioHash === undefined || saved.scenarioHash === scenarioHash(scenario);
    if (sameScenario || JSON.stringify(call.persist()) === JSON.stringify(saved.snapshot)) return { call, exact: true };
    call.stop();
    const resumedClock = new ReplayClock();
    resumedClock.advanceTo(saved.savedAt + Math.max(0, carryOverMs));
    resumedClock.goLive();
    const restored = new Call(scenario, { ...options, clock: resumedClock }, saved.snapshot as CallSnapshot);
    restored.log.push(...saved.log);
    return { call: restored, exact: false };
  }

  /** Sends an event; `at` is only given when replaying a logged one. */
  send(event: CallEvent, at = this.clock.now()): CallView {
    this.log.push({ at, event });
    this.pinnedAt = at;
    try {
      this.actor.send(event);
    } finally {
      this.pinnedAt = null;
    }
    return this.view;
  }

  save(): SavedCall {
    return {
      seed: this.options.seed,
      log: [...this.log],
      savedAt: this.clock.now(),
      snapshot: this.persist(),
      scenarioHash: scenarioHash(this.scenario),
      startedAt: this.context.startedAt,
      ...(this.options.thinkingMs ? { thinkingMs: this.options.thinkingMs } : {}),
    };
  }

  answer() {
    return this.send({ type: 'ANSWER' });
  }

  /** Says what the trainee typed or spoke, as the classifier hears it. */
  sayTyped(classifier: Classifier, text: string): CallView {
    return this.send({ type: 'SAY', reply: typedReply(classifier, this.scenario, this.context, text) });
  }

  /** Says a prepared reply of the current beat, by its id. */
  choose(replyId: string): CallView {
    const reply = this.view.replies.find((candidate) => candidate.id === replyId);
    if (!reply) throw new Error(`No reply "${replyId}" in the current beat "${this.view.beat ?? 'none'}"`);
    return this.send({ type: 'SAY', reply: preparedToTrainee(reply) });
  }

  get context(): CallContext {
    return this.actor.getSnapshot().context as CallContext;
  }

  get view(): CallView {
    return viewOf(this.scenario, this.actor.getSnapshot());
  }

  subscribe(listener: (view: CallView) => void): () => void {
    const subscription = this.actor.subscribe(() => listener(this.view));
    return () => subscription.unsubscribe();
  }

  persist(): unknown {
    return this.actor.getPersistedSnapshot();
  }

  record(notes: CallNotes = EMPTY_NOTES): CallRecord {
    const view = this.view;
    return {
      scenarioId: this.scenario.id,
      scenarioVersion: this.scenario.version,
      seed: this.options.seed,
      transcript: view.transcript,
      ending: view.ending?.state ?? null,
      flags: this.context.flags,
      flaggedAt: this.context.flaggedAt,
      notes,
    };
  }

  stop() {
    this.actor.stop();
  }
}

export function preparedToTrainee(reply: PreparedReply) {
  return {
    text: reply.text,
    acts: reply.acts,
    replyId: reply.id,
    ...(reply.offers ? { offers: reply.offers } : {}),
    ...(reply.asks ? { asks: reply.asks } : {}),
    ...(reply.disclosesAccount ? { disclosesAccount: true } : {}),
  };
}

/**
 * The prepared replies in an order seeded per call, so the good reply is not
 * always in the same place, yet a beat keeps one order for the whole call.
 */
function shuffled<T>(items: T[], state: number): T[] {
  const out = [...items];
  let rng = state >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    const [j, next] = pickIndex(rng, i + 1);
    rng = next;
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The beat whose prepared replies are offered: the deepest active state's that names one; none once the call is over. */
export function beatOf(snapshot: CallSnapshot): string | null {
  if (snapshot.status === 'done') return null;
  const metas = Object.values(snapshot.getMeta() as Record<string, { beat?: string }>);
  return metas.findLast((meta) => meta?.beat)?.beat ?? null;
}

/** The top-level state the call is in: "ringing", a phase of the conversation, or its ending. */
export function phaseOf(snapshot: CallSnapshot): string {
  return typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0]!;
}

export function viewOf(scenario: Scenario, snapshot: CallSnapshot): CallView {
  const context = snapshot.context as CallContext;
  const phase = phaseOf(snapshot);
  const done = snapshot.status === 'done';
  const beat = beatOf(snapshot);
  const ending = done ? endingOf(scenario, phase) : undefined;
  return {
    status: done ? 'ended' : phase === 'ringing' ? 'ringing' : 'live',
    phase,
    beat,
    replies: beat ? shuffled(scenario.replies[beat] ?? [], seedState(beat) ^ (context.replyOrder ?? context.rng)) : [],
    mood: context.mood,
    onHold: context.onHold,
    transcript: context.transcript,
    ending: ending ? { state: phase, detail: ending } : null,
  };
}
