/**
 * Plays whole calls the way a careless trainee might: answer, then any of the
 * prepared replies at random, with a few seconds of thinking between turns on
 * a simulated clock. Seeded, so every run of the bench plays the same calls.
 */
import { SimulatedClock } from 'xstate';
import { Call } from '../../engine/call/call';
import type { CallClock } from '../../engine/clock';
import { pickIndex, seedState } from '../../engine/random';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { idealNotes } from '../../engine/scenario/ideal-notes';
import { EMPTY_NOTES, type CallRecord, type TranscriptEntry } from '../../engine/call/transcript';

/** The engine's own seeded generator, kept in one mutable place for the bench. */
export class SeededRandom {
  private state: number;

  constructor(seed: string) {
    this.state = seedState(seed);
  }

  index(length: number): number {
    const [index, next] = pickIndex(this.state, length);
    this.state = next;
    return index;
  }
}

/** Shorter than any scenario's silence timer, so the customer answers the trainee, not a silence. */
const THINK_MS = 3_000;
/** A random call normally ends long before this; the cap only guards against a scenario that loops forever. */
const MAX_STEPS = 200;

export interface PlayedCall {
  call: Call;
  /** Prepared replies the trainee chose. */
  turns: number;
}

export function playRandomCall(scenario: Scenario, random: SeededRandom, seed: string): PlayedCall {
  const clock = new SimulatedClock() as SimulatedClock & CallClock;
  const call = new Call(scenario, { seed, clock });
  call.answer();
  let turns = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const view = call.view;
    if (view.status !== 'live') break;
    // A state with no replies (the customer is mid-speech) only moves on with time.
    if (view.replies.length) {
      call.choose(view.replies[random.index(view.replies.length)]!.id);
      turns++;
    }
    clock.increment(THINK_MS);
  }
  if (call.view.status !== 'ended') call.send({ type: 'END_CALL' });
  call.stop();
  return { call, turns };
}

/**
 * A realistic record with exactly `traineeTurns` trainee turns: random calls
 * through the scenario, one after another, their transcripts joined with the
 * times shifted so they keep running forward, as one very long call would.
 */
export function longRecord(scenario: Scenario, traineeTurns: number, random: SeededRandom): CallRecord {
  const transcript: TranscriptEntry[] = [];
  const flags = new Set<string>();
  let ending: string | null = null;
  let offset = 0;
  let counted = 0;
  for (let n = 0; counted < traineeTurns; n++) {
    const record = playRandomCall(scenario, random, `score-${n}`).call.record();
    for (const entry of record.transcript) {
      // Stop at the turn after the last one wanted, keeping the customer's answer to it.
      if (entry.kind === 'trainee') {
        if (counted === traineeTurns) break;
        counted++;
      }
      transcript.push({ ...entry, at: entry.at + offset });
    }
    offset = (transcript.at(-1)?.at ?? offset) + THINK_MS;
    record.flags.forEach((flag) => flags.add(flag));
    ending = record.ending;
  }
  const record: CallRecord = {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed: 'bench-long-call',
    transcript,
    ending,
    flags: [...flags],
    flaggedAt: {},
    notes: EMPTY_NOTES,
  };
  // Notes that mention every fact, so the note checks have real work to do.
  return { ...record, notes: idealNotes(scenario, record) };
}
