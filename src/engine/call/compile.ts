/**
 * Turns a validated scenario into an XState v5 machine. The scenario's own
 * states sit at the top level; around them the engine adds what every call
 * has: the phone ringing, hold with its draining patience, silence prompts,
 * and the endings nobody has to write (missed call, hung up on hold, out of
 * patience, trainee hung up).
 */
import { and, assign, cancel, raise, setup, type AnyStateMachine } from 'xstate';
import {
  hear,
  notCaught,
  initialContext,
  recordEvent,
  restartSilence,
  reveal,
  say,
  silence,
  unclear,
  withChanges,
  withFlag,
  withMood,
  type CallContext,
} from './call-context';
import { checkGuard, GUARD_TYPES } from './guards';
import { applyMoodDelta, type MoodDelta } from '../mood';
import type { Ending, GuardRef, Scenario, StateConfig, TransitionConfig } from '../scenario/scenario-schema';
import type { AccountSection } from '../vocabulary';
import type { CallClock } from '../clock';
import type { TraineeReply } from './transcript';

export type CallEvent =
  | { type: 'ANSWER' }
  | { type: 'SAY'; reply: TraineeReply }
  | { type: 'HOLD' }
  | { type: 'RESUME' }
  | { type: 'ESCALATE_CALL' }
  | { type: 'LOOKUP'; section: AccountSection }
  | { type: 'END_CALL' }
  /** From the UI: the trainee started (true) or stopped (false) typing or speaking a reply. */
  | { type: 'COMPOSING'; composing: boolean }
  /** The trainee's "that's not what I meant" about their last turn. */
  | { type: 'MISHEARD' }
  /** This call's thinking time: extra milliseconds before silence is noticed. */
  | { type: 'SET_THINKING'; ms: number }
  // Raised by the engine for the scenario to handle, never sent from outside:
  | { type: 'HEARD' }
  | { type: 'ESCALATE' }
  | { type: 'HANG_UP' }
  | { type: 'HOLD_TICK' }
  | { type: 'SILENCE_TIMEOUT' }
  | { type: 'SILENCE_RESTART' }
  | { type: 'SILENCE' };

export interface CallInput {
  seed: string;
  thinkingMs?: number;
}

const RESTART_SILENCE = ['cancelSilence', 'startSilence', 'scheduleSilence'];
/** Raised after the customer's reaction, so silence counts from when they stop speaking. */
const RESTART_SILENCE_AFTER_REPLY = ['cancelSilence', 'raiseRestartSilence'];

export const ENGINE_ENDINGS: Record<string, Ending> = {
  missedCall: { outcome: 'lost', title: 'Missed call: the phone rang out' },
  hungUpOnHold: { outcome: 'lost', title: 'The customer hung up while on hold' },
  outOfPatience: { outcome: 'lost', title: 'The customer ran out of patience and hung up' },
  traineeHungUp: { outcome: 'lost', title: 'You ended the call before the customer was done' },
};

const HOLD_TIMER = 'holdTick';
const SILENCE_TIMER = 'silence';

function finalState(ending: Ending, entry: unknown[] = []) {
  return { type: 'final' as const, entry, meta: { ending } };
}

function onlyOffHold(transition: TransitionConfig) {
  return { ...transition, guard: transition.guard ? and(['canSpeak', transition.guard]) : 'canSpeak' };
}

/**
 * Nothing the customer does on their own may happen while they are on hold:
 * eventless transitions wait for the trainee to come back.
 */
function prepareStates(states: Record<string, StateConfig>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(states).map(([key, state]) => {
      const always = state.always?.map(onlyOffHold);
      return [key, { ...state, ...(always ? { always } : {}), ...(state.states ? { states: prepareStates(state.states) } : {}) }];
    }),
  );
}

/** A clock that never moves, for checking and exploring a scenario where time does not matter. */
const STILL = { now: () => 0 };

export function compileScenario(scenario: Scenario, clock: Pick<CallClock, 'now'> = STILL): AnyStateMachine {
  const holdDrain = scenario.timing.holdPatienceDrain;
  const at = (context: CallContext) => Math.max(0, clock.now() - context.startedAt);
  type GuardImplementation = (args: { context: CallContext; event: CallEvent }, params: unknown) => boolean;
  const guards: Record<string, GuardImplementation> = {
    ...Object.fromEntries(
      GUARD_TYPES.map((type): [string, GuardImplementation] => [
        type,
        ({ context }, params) => checkGuard(scenario, context, { type, params } as GuardRef),
      ]),
    ),
    holdPatienceGone: ({ context }) => context.mood.patience <= holdDrain,
    outOfPatience: ({ context }) => context.mood.patience <= 0,
    canSpeak: ({ context }) => !context.onHold,
    notComposing: ({ context }) => !context.composing,
    // The first look-up of a quiet stretch lengthens it; more look-ups do not, so clicking cannot keep the customer waiting for ever.
    lookupStartsWait: ({ context }) => !context.lookupWait && !context.onHold && !context.composing,
    startsComposing: ({ context, event }) => event.type === 'COMPOSING' && event.composing && !context.composing && !context.onHold,
    stopsComposing: ({ context, event }) => event.type === 'COMPOSING' && !event.composing && context.composing && !context.onHold,
    hasTraineeTurn: ({ context }) => {
      const last = context.transcript.findLastIndex((entry) => entry.kind === 'trainee');
      return !context.onHold && last >= 0 && !context.transcript.slice(last).some((entry) => entry.kind === 'event' && entry.event === 'misheard');
    },
    notUnderstood: ({ event }) => event.type === 'SAY' && Boolean(event.reply.notUnderstood),
    onHold: ({ context }) => context.onHold,
  };

  const machine = setup({
    types: {} as { context: CallContext; events: CallEvent; input: CallInput },
    guards,
    delays: {
      // From when the customer stops speaking, less any silence already counted before the trainee began composing.
      silence: ({ context }: { context: CallContext }) =>
        Math.max(0, scenario.timing.silenceMs + (context.thinkingMs ?? 0) + (context.lookupWait ? scenario.timing.lookupWaitMs : 0) - (context.silenceUsed ?? 0)) +
        Math.max(0, (context.speakingUntil ?? 0) - at(context)),
      ringTimeout: scenario.timing.ringTimeoutMs,
      holdTick: scenario.timing.holdTickMs,
    },
    actions: {
      say: assign(({ context }, params: { line: string }) => say(scenario, context, params.line, at(context))),
      reveal: assign(({ context }, params: { fact: string }) => reveal(scenario, context, params.fact, at(context))),
      mood: assign(({ context }, params: MoodDelta) => withMood(context, applyMoodDelta(context.mood, params))),
      flag: assign(({ context }, params: { flag: string }) => withFlag(context, params.flag)),
      hear: assign(({ context, event }) =>
        event.type === 'SAY' ? hear(scenario, context, event.reply, at(context)) : {},
      ),
      notCaught: assign(({ context, event }) => (event.type === 'SAY' ? notCaught(scenario, context, event.reply, at(context)) : {})),
      raiseHeard: raise({ type: 'HEARD' }),
      raiseEscalate: raise({ type: 'ESCALATE' }),
      raiseHangUp: raise({ type: 'HANG_UP' }),
      // The silence clock restarts whenever the trainee acts, and after each prompt.
      cancelSilence: cancel(SILENCE_TIMER),
      scheduleSilence: raise({ type: 'SILENCE_TIMEOUT' }, { delay: 'silence', id: SILENCE_TIMER }),
      startSilence: assign(({ context }) => restartSilence(context, at(context))),
      raiseRestartSilence: raise({ type: 'SILENCE_RESTART' }),
      pauseSilence: assign(({ context }) => ({ composing: true, silenceUsed: (context.silenceUsed ?? 0) + Math.max(0, at(context) - context.silentSince) })),
      // Silence counted so far is kept, and the timer set again with the look-up wait added.
      startLookupWait: assign(({ context }) => ({
        lookupWait: true,
        silenceUsed: (context.silenceUsed ?? 0) + Math.max(0, at(context) - context.silentSince),
        silentSince: Math.max(at(context), context.speakingUntil ?? 0),
      })),
      noteLookupWait: assign({ lookupWait: true }),
      endLookupWait: assign({ lookupWait: false }),
      resumeSilence: assign(({ context }) => ({ composing: false, silentSince: Math.max(at(context), context.speakingUntil ?? 0) })),
      setThinking: assign(({ event }) => (event.type === 'SET_THINKING' ? { thinkingMs: Math.max(0, event.ms) } : {})),
      // Said again without the misheard turn costing patience; the turn stays in the transcript, marked for review.
      misheard: assign(({ context }) => {
        const index = context.transcript.findLastIndex((entry) => entry.kind === 'trainee');
        const before = context.transcript[index - 1]?.mood ?? context.mood;
        const marked = recordEvent(withChanges(context, { mood: { ...context.mood, patience: Math.max(context.mood.patience, before.patience) } }), 'misheard', at(context));
        return say(scenario, marked, 'sayAgain', at(context));
      }),
      raiseSilence: raise({ type: 'SILENCE' }),
      reactToUnhandled: assign(({ context }) => unclear(scenario, context, at(context))),
      silencePrompt: assign(({ context }) => silence(scenario, context, at(context))),
      recordAnswer: assign(({ context }) => recordEvent(context, 'answer', at(context))),
      recordLookup: assign(({ context, event }) => {
        if (event.type !== 'LOOKUP') return {};
        const logged = recordEvent(context, 'lookup', at(context), event.section);
        return context.lookedUp.includes(event.section) ? logged : withChanges(logged, { lookedUp: [...context.lookedUp, event.section] });
      }),
      startHold: assign(({ context }) => withChanges(recordEvent(context, 'hold', at(context)), { onHold: true })),
      scheduleHoldTick: raise({ type: 'HOLD_TICK' }, { delay: 'holdTick', id: HOLD_TIMER }),
      drainPatience: assign(({ context }) => ({ mood: applyMoodDelta(context.mood, { patience: -holdDrain }) })),
      endHold: assign(({ context }) => (context.onHold ? withChanges(recordEvent(context, 'resume', at(context)), { onHold: false }) : {})),
      cancelHoldTick: cancel(HOLD_TIMER),
      recordEscalation: assign(({ context }) => recordEvent(context, 'escalate', at(context))),
      recordHangUp: assign(({ context }) => recordEvent(context, 'hangUp', at(context))),
      recordMissed: assign(({ context }) => recordEvent(context, 'missed', at(context))),
    },
  }).createMachine({
    id: scenario.id,
    context: ({ input }: { input: CallInput }) => initialContext(scenario, input.seed, clock.now(), input.thinkingMs ?? 0),
    initial: 'ringing',
    on: {
      SAY: [
        { guard: and(['canSpeak', 'notUnderstood']), actions: ['notCaught', 'cancelSilence', 'raiseRestartSilence'] },
        { guard: 'canSpeak', actions: ['hear', 'cancelSilence', 'raiseHeard', 'raiseRestartSilence'] },
      ],
      // After a "Hello?" the wait the customer allowed for a look-up is used up.
      SILENCE_TIMEOUT: { guard: 'notComposing', actions: ['endLookupWait', 'raiseSilence', ...RESTART_SILENCE_AFTER_REPLY] },
      SILENCE_RESTART: { guard: 'canSpeak', actions: RESTART_SILENCE },
      COMPOSING: [
        { guard: 'startsComposing', actions: ['cancelSilence', 'pauseSilence'] },
        { guard: 'stopsComposing', actions: ['resumeSilence', 'scheduleSilence'] },
      ],
      SET_THINKING: { actions: 'setThinking' },
      MISHEARD: { guard: 'hasTraineeTurn', actions: ['misheard', ...RESTART_SILENCE_AFTER_REPLY] },
      LOOKUP: [
        { guard: 'lookupStartsWait', actions: ['recordLookup', 'cancelSilence', 'startLookupWait', 'scheduleSilence'] },
        { guard: 'canSpeak', actions: ['recordLookup', 'noteLookupWait'] },
        { actions: 'recordLookup' },
      ],
      HOLD: { guard: 'canSpeak', actions: ['startHold', 'cancelSilence', 'scheduleHoldTick'] },
      HOLD_TICK: [
        { guard: 'holdPatienceGone', target: '.hungUpOnHold' },
        { actions: ['drainPatience', 'scheduleHoldTick'] },
      ],
      RESUME: { guard: 'onHold', actions: ['endHold', 'cancelHoldTick', ...RESTART_SILENCE] },
      // Call controls are recorded here, whatever state handles them, then raised for the scenario.
      ESCALATE_CALL: { actions: ['endHold', 'cancelHoldTick', 'cancelSilence', 'recordEscalation', 'raiseEscalate', 'raiseRestartSilence'] },
      END_CALL: { actions: ['recordHangUp', 'raiseHangUp'] },
      ...scenario.machine.on,
      // A scenario's own handlers come first; the engine's reactions stay the last resort.
      HEARD: [...(scenario.machine.on?.HEARD ?? []), { actions: 'reactToUnhandled' }],
      SILENCE: [...(scenario.machine.on?.SILENCE ?? []), { actions: 'silencePrompt' }],
      HANG_UP: [...(scenario.machine.on?.HANG_UP ?? []), { target: '.traineeHungUp' }],
    },
    always: [{ guard: 'outOfPatience', target: '.outOfPatience' }, ...(scenario.machine.always ?? []).map(onlyOffHold)],
    states: {
      ringing: {
        on: {
          ANSWER: { target: scenario.machine.initial, actions: ['recordAnswer', 'raiseRestartSilence'] },
          // The caller is not on the line yet: nothing else means anything.
          SAY: {},
          HOLD: {},
          ESCALATE_CALL: {},
          END_CALL: {},
          COMPOSING: {},
          MISHEARD: {},
          // Nobody is waiting yet: a look-up is recorded and nothing more.
          LOOKUP: { actions: 'recordLookup' },
        },
        after: { ringTimeout: { target: 'missedCall', actions: 'recordMissed' } },
      },
      ...prepareStates(scenario.machine.states),
      missedCall: finalState(ENGINE_ENDINGS.missedCall!),
      hungUpOnHold: finalState(ENGINE_ENDINGS.hungUpOnHold!, [{ type: 'say', params: { line: 'holdHangUp' } }]),
      outOfPatience: finalState(ENGINE_ENDINGS.outOfPatience!, [{ type: 'say', params: { line: 'outOfPatience' } }]),
      traineeHungUp: finalState(ENGINE_ENDINGS.traineeHungUp!),
    },
    // The scenario part of this config is validated data, not typed code, so
    // XState's static config types cannot follow it.
  } as never);
  return machine as unknown as AnyStateMachine;
}

/** The ending of a final state, the scenario's or the engine's. */
export function endingOf(scenario: Scenario, stateKey: string): Ending | undefined {
  return scenario.machine.states[stateKey]?.meta?.ending ?? ENGINE_ENDINGS[stateKey];
}
