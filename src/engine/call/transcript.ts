import type { DialogueAct, FactCategory } from '../acts';
import type { Mood } from '../mood';
import type { AccountSection } from '../vocabulary';

/** The words and the reading of them that made an act count; filled by the classifier for typed replies. */
export interface ActEvidence {
  act: DialogueAct;
  confidence: number;
  words: string[];
}

/** What the trainee said, however it was entered. */
export interface TraineeReply {
  text: string;
  acts: DialogueAct[];
  /** Set when the reply was one of the scenario's prepared replies. */
  replyId?: string;
  /** A resolution from the scenario policy that the reply offers. */
  offers?: string;
  /** The facts the reply asks about, when it names them. */
  asks?: string[];
  disclosesAccount?: boolean;
  evidence?: ActEvidence[];
  /** Set when a typed or spoken reply could not be understood (no words, or not English): the customer asks again. */
  notUnderstood?: 'noWords' | 'notEnglish';
}

export type CallEventKind = 'answer' | 'hold' | 'resume' | 'lookup' | 'escalate' | 'silence' | 'hangUp' | 'missed' | 'misheard';

export type TranscriptEntry =
  | ({ kind: 'trainee'; at: number; mood: Mood; /** Facts this turn made known by stating them. */ establishes?: string[] } & TraineeReply)
  | { kind: 'customer'; at: number; mood: Mood; text: string; line: string; reveals?: string; audio?: string }
  | { kind: 'event'; at: number; mood: Mood; event: CallEventKind; section?: AccountSection };

export type CallNotes = Record<FactCategory | 'action', string>;

export const EMPTY_NOTES: CallNotes = { who: '', what: '', when: '', where: '', why: '', action: '' };

/** Everything the scorer needs, and everything a supervisor reviews. */
export interface CallRecord {
  scenarioId: string;
  scenarioVersion: number;
  seed: string;
  transcript: TranscriptEntry[];
  /** The final state the call ended in; null while it is still going. */
  ending: string | null;
  /** Scenario flags the call set, such as supervisorDemanded. */
  flags: string[];
  /** Flag → the transcript length when it was set. */
  flaggedAt: Record<string, number>;
  notes: CallNotes;
}
