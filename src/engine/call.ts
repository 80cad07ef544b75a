/**
 * A call in progress: the compiled customer machine running as an actor, and
 * the view of it that every screen reads. The UI sends events here and shows
 * `view`; it never decides what the customer does.
 */
import { createActor, type Actor, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import type { CallContext } from './call-context';
import { compileScenario, endingOf, realClock, type CallClock, type CallEvent } from './compile';
import type { Mood } from './mood';
import type { Ending, PreparedReply, Scenario } from './scenario-schema';
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

export interface CallOptions {
  seed: string;
  clock?: CallClock;
  /** A snapshot from `persist()`, to continue a call after a reload. */
  snapshot?: unknown;
}

export class Call {
  readonly actor: Actor<AnyStateMachine>;

  constructor(
    readonly scenario: Scenario,
    readonly options: CallOptions,
  ) {
    const clock = options.clock ?? realClock;
    const machine = compileScenario(scenario, clock);
    this.actor = createActor(machine, {
      input: { seed: options.seed },
      clock,
      ...(options.snapshot ? { snapshot: options.snapshot as CallSnapshot } : {}),
    });
    this.actor.start();
  }

  send(event: CallEvent): CallView {
    this.actor.send(event);
    return this.view;
  }

  answer() {
    return this.send({ type: 'ANSWER' });
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
    ...(reply.disclosesAccount ? { disclosesAccount: true } : {}),
  };
}

export function viewOf(scenario: Scenario, snapshot: CallSnapshot): CallView {
  const context = snapshot.context as CallContext;
  const phase = typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0]!;
  const done = snapshot.status === 'done';
  // The deepest active state that names a beat decides which replies are offered.
  const metas = Object.values(snapshot.getMeta() as Record<string, { beat?: string }>);
  const beat = done ? null : ([...metas].reverse().find((meta) => meta?.beat)?.beat ?? null);
  const ending = done ? endingOf(scenario, phase) : undefined;
  return {
    status: done ? 'ended' : phase === 'ringing' ? 'ringing' : 'live',
    phase,
    beat,
    replies: beat ? (scenario.replies[beat] ?? []) : [],
    mood: context.mood,
    onHold: context.onHold,
    transcript: context.transcript,
    ending: ending ? { state: phase, detail: ending } : null,
  };
}
