/**
 * What every behaviour check reads: the call record, plus the views of it
 * that several checks share (trainee turns, what was revealed, how upset the
 * customer got), worked out once.
 */
import type { DialogueAct } from '../acts';
import type { Behaviour } from './rubric';
import type { Scenario } from '../scenario/scenario-schema';
import type { CallNotes, CallRecord, TranscriptEntry } from '../call/transcript';

export type TraineeEntry = Extract<TranscriptEntry, { kind: 'trainee' }>;
export type CustomerEntry = Extract<TranscriptEntry, { kind: 'customer' }>;

export interface Turn<T> {
  index: number;
  entry: T;
}

/** One point won or lost, tied to the transcript entry (or the note field) that earned it. */
export interface Finding {
  turn: number | null;
  notesField?: keyof CallNotes;
  points: number;
  note: string;
  tip?: string;
}

export interface BehaviourOutcome {
  applicable: boolean;
  earned: number;
  findings: Finding[];
}

export interface ScoringInput {
  scenario: Scenario;
  record: CallRecord;
  trainee: Turn<TraineeEntry>[];
  customer: Turn<CustomerEntry>[];
  /** Fact id → the transcript entry where it became known: the customer told it, or the trainee stated it. */
  revealedAt: Map<string, number>;
  /** Transcript entries where the trainee escalated or referred (button or words), in order. */
  escalations: number[];
  /** The first customer entry at which anger reached `threshold`, or null. */
  upsetAt: (threshold: number) => number | null;
  peak: (dimension: 'anger' | 'confusion') => number;
}

export type BehaviourCheck = (input: ScoringInput, behaviour: Behaviour) => BehaviourOutcome;

export function buildScoringInput(scenario: Scenario, record: CallRecord): ScoringInput {
  const { transcript } = record;
  const trainee: Turn<TraineeEntry>[] = [];
  const customer: Turn<CustomerEntry>[] = [];
  const revealedAt = new Map<string, number>();
  const escalations: number[] = [];
  // A turn the trainee disowned ("that's not what I meant") is reviewed, not scored. Plain loops: the score
  // search builds this for thousands of calls, and most have no disowned turn at all.
  let disowned: Set<number> | null = null;
  let lastTrainee = -1;
  for (let index = 0; index < transcript.length; index++) {
    const entry = transcript[index]!;
    if (entry.kind === 'trainee') lastTrainee = index;
    else if (entry.kind === 'event' && entry.event === 'misheard' && lastTrainee >= 0) (disowned ??= new Set()).add(lastTrainee);
  }
  for (let index = 0; index < transcript.length; index++) {
    const entry = transcript[index]!;
    if (entry.kind === 'trainee') {
      if (disowned?.has(index)) continue;
      trainee.push({ index, entry });
      if (entry.acts.includes('escalate')) escalations.push(index);
      if (entry.establishes) for (const fact of entry.establishes) if (!revealedAt.has(fact)) revealedAt.set(fact, index);
    } else if (entry.kind === 'customer') {
      customer.push({ index, entry });
      if (entry.reveals && !revealedAt.has(entry.reveals)) revealedAt.set(entry.reveals, index);
    } else if (entry.event === 'escalate') {
      escalations.push(index);
    }
  }
  const start = scenario.persona.mood;
  return {
    scenario,
    record,
    trainee,
    customer,
    revealedAt,
    escalations,
    upsetAt: (threshold) => customer.find(({ entry }) => entry.mood.anger >= threshold)?.index ?? (start.anger >= threshold ? (customer[0]?.index ?? null) : null),
    peak: (dimension) => Math.max(start[dimension], ...transcript.map((entry) => entry.mood[dimension])),
  };
}

// --- small builders the checks share ---

export const notApplicable: BehaviourOutcome = { applicable: false, earned: 0, findings: [] };

export function outcome(behaviour: Behaviour, findings: Finding[], earned?: number): BehaviourOutcome {
  // The penalties summed first and then added, as ever, so the sum rounds the same to the last bit.
  let penalties = 0;
  if (earned === undefined) for (const finding of findings) if (finding.points < 0) penalties += finding.points;
  const total = earned ?? behaviour.points + penalties;
  return { applicable: true, earned: Math.max(0, Math.min(behaviour.points, total)), findings };
}

export function turnsWith(input: ScoringInput, act: DialogueAct): Turn<TraineeEntry>[] {
  return input.trainee.filter(({ entry }) => entry.acts.includes(act));
}

/** The trainee turn just before a transcript index: the one a customer line answers. */
export function traineeTurnBefore(input: ScoringInput, index: number): Turn<TraineeEntry> | undefined {
  return input.trainee.findLast((turn) => turn.index < index);
}

export function traineeTurnsAfter(input: ScoringInput, index: number): Turn<TraineeEntry>[] {
  return input.trainee.filter((turn) => turn.index > index);
}

export function quote(text: string, max = 60): string {
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}
