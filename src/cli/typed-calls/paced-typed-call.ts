/**
 * Plays a typed call through the engine at a human pace on the engine's own
 * replay clock: the trainee waits for the customer to finish speaking,
 * thinks, types each reply at a set typing speed (the composing signal
 * pauses silence, as the page's reply box does), and takes a moment over
 * each look-up. Handle time then reads like a real call's, not the instant
 * replies of a test.
 */
import { Call, type CallView } from '../../engine/call/call';
import type { Classifier } from '../../engine/classifier/classify';
import { ReplayClock } from '../../engine/clock';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import type { AccountSection } from '../../engine/vocabulary';

export interface Pace {
  /** Typing speed; a word is five characters, spaces included, as typing tests count it. */
  wordsPerMinute: number;
  /** From the customer's last word to the first key of the reply. */
  thinkMs: number;
  /** From the customer's last word to clicking a look-up. */
  reachMs: number;
  /** Reading what a look-up shows, before the next step. */
  readMs: number;
  /** Rings before the trainee answers. */
  answerAfterMs: number;
}

/** An ordinary office typist: 40 words a minute, 3 s to start a reply, 1 s to reach a look-up and 3 s to read it. */
export const HUMAN_PACE: Pace = { wordsPerMinute: 40, thinkMs: 3000, reachMs: 1000, readMs: 3000, answerAfterMs: 3000 };

export function typingMs(text: string, pace: Pace): number {
  return Math.round((text.length / (pace.wordsPerMinute * 5)) * 60_000);
}

/** What one typed step did to the call: where it was before and after (phase/beat), for spotting a customer who did not move on. */
export interface StepPlayed {
  step: string;
  before: string;
  after: string;
}

export interface PacedCall {
  call: Call;
  played: StepPlayed[];
  /** Steps left over because the call had already ended. */
  unplayed: string[];
}

/** The section a look-up button names, as the trainee sees it: "Bills", or a scenario's own "Delivery note". */
export function sectionNamed(scenario: Scenario, label: string): AccountSection {
  const own = Object.entries(scenario.account.sections).find(([, section]) => section.title === label);
  return own ? own[0] : (label.toLowerCase() as AccountSection);
}

const where = (view: CallView) => `${view.phase}/${view.beat ?? '-'}`;

export function playPacedTypedCall(scenario: Scenario, steps: string[], classifier: Classifier, { pace = HUMAN_PACE, seed = 'typed-call' }: { pace?: Pace; seed?: string } = {}): PacedCall {
  const clock = new ReplayClock();
  const call = new Call(scenario, { seed, clock });
  const played: StepPlayed[] = [];
  clock.advanceTo(pace.answerAfterMs);
  call.answer();
  /** Clock time when the customer stops speaking. */
  const quietAt = () => call.context.startedAt + call.context.speakingUntil;
  for (const [index, step] of steps.entries()) {
    if (call.view.status !== 'live') return { call, played, unplayed: steps.slice(index) };
    const before = where(call.view);
    if (step.startsWith('LOOKUP ')) {
      clock.advanceTo(Math.max(clock.now(), quietAt()) + pace.reachMs);
      if (call.view.status !== 'live') return { call, played, unplayed: steps.slice(index) };
      call.send({ type: 'LOOKUP', section: sectionNamed(scenario, step.slice(7)) });
      clock.advanceTo(clock.now() + pace.readMs);
    } else {
      clock.advanceTo(Math.max(clock.now(), quietAt()) + pace.thinkMs);
      if (call.view.status !== 'live') return { call, played, unplayed: steps.slice(index) };
      // The reply box tells the engine the trainee is typing, so the time spent typing is not silence.
      call.send({ type: 'COMPOSING', composing: true });
      clock.advanceTo(clock.now() + typingMs(step, pace));
      call.sayTyped(classifier, step);
      if (call.view.status === 'live') call.send({ type: 'COMPOSING', composing: false });
    }
    played.push({ step, before, after: where(call.view) });
  }
  // Let the customer finish their last line, so the transcript is whole; nothing more is typed.
  if (call.view.status === 'live') clock.advanceTo(Math.max(clock.now(), quietAt()));
  return { call, played, unplayed: [] };
}
