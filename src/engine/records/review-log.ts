/**
 * The review of one call as an append-only log. A supervisor comments,
 * overrides a score with a reason, gives a verdict, corrects how a typed turn
 * was heard; the trainee acknowledges or disputes. Nothing is ever deleted or
 * edited: a change is taken back by a later `undo` entry, so the log is the
 * audit trail (who, when, what, why).
 */
import { DIALOGUE_ACTS, type DialogueAct } from '../acts';
import type { Competency } from '../vocabulary';
import type { Scorecard } from '../scoring/scorer';
import type { ReviewStatus } from './stored-session';

export type ReviewRole = 'supervisor' | 'trainee';

export interface ReviewAuthor {
  name: string;
  role: ReviewRole;
}

/** What an override changes: a whole competency, or one behaviour in it. */
export interface OverrideTarget {
  competency: Competency;
  behaviour?: string;
}

export type ReviewChange =
  /** `turn` is a transcript index; null comments on the call as a whole. */
  | { kind: 'comment'; turn: number | null; text: string }
  /** `score` is 0–100 for a competency, or the points earned (0 to the behaviour's points) for a behaviour. */
  | { kind: 'override'; target: OverrideTarget; score: number; reason: string }
  | { kind: 'verdict'; verdict: 'pass' | 'retry'; retryScenarioId?: string; text?: string }
  /** The acts a typed turn should have been heard as: exported as labelled utterances for retraining. */
  | { kind: 'correction'; turn: number; acts: DialogueAct[] }
  | { kind: 'undo'; undoes: string; reason?: string }
  /** `of` is the entry acknowledged; null acknowledges the whole review. */
  | { kind: 'acknowledge'; of: string | null }
  | { kind: 'dispute'; of: string | null; text: string };

export type ReviewEntry = ReviewChange & {
  id: string;
  sessionId: string;
  author: ReviewAuthor;
  /** ISO 8601. */
  at: string;
};

export type ReviewKind = ReviewChange['kind'];

const TRAINEE_KINDS: ReadonlySet<ReviewKind> = new Set(['acknowledge', 'dispute']);

export class ReviewError extends Error {}

/**
 * Appends an entry after checking it against the log and the call's scorecard;
 * throws a ReviewError that says what is wrong, and leaves the log as it was.
 */
export function appendEntry(log: readonly ReviewEntry[], entry: ReviewEntry, scorecard: Scorecard, turns: number): ReviewEntry[] {
  checkEntry(log, entry, scorecard, turns);
  return [...log, entry];
}

export function checkEntry(log: readonly ReviewEntry[], entry: ReviewEntry, scorecard: Scorecard, turns: number): void {
  const fail = (message: string): never => {
    throw new ReviewError(message);
  };
  if (!entry.id) fail('A review entry needs an id');
  if (log.some((earlier) => earlier.id === entry.id)) fail(`Review entry ${entry.id} is already in the log`);
  if (!entry.author.name.trim()) fail('A review entry needs the name of who made it');
  if (Number.isNaN(Date.parse(entry.at))) fail(`"${entry.at}" is not a date and time`);
  if (entry.author.role === 'trainee' && !TRAINEE_KINDS.has(entry.kind)) fail(`A trainee cannot make a ${entry.kind}; only acknowledge or dispute`);
  if (entry.author.role === 'supervisor' && TRAINEE_KINDS.has(entry.kind)) fail(`Only the trainee can ${entry.kind}`);
  const checkTurn = (turn: number) => {
    if (!Number.isInteger(turn) || turn < 0 || turn >= turns) fail(`Turn ${turn} is not in this call's transcript (0–${turns - 1})`);
  };
  const checkRefersTo = (id: string | null) => {
    if (id !== null && !log.some((earlier) => earlier.id === id)) fail(`There is no earlier review entry ${id}`);
  };
  switch (entry.kind) {
    case 'comment':
      if (!entry.text.trim()) fail('A comment needs some text');
      if (entry.turn !== null) checkTurn(entry.turn);
      break;
    case 'override': {
      if (!entry.reason.trim()) fail('An override needs a reason');
      const competency = scorecard.competencies.find((c) => c.id === entry.target.competency);
      if (!competency) fail(`There is no competency "${entry.target.competency}" on this scorecard`);
      if (entry.target.behaviour === undefined) {
        if (!(entry.score >= 0 && entry.score <= 100)) fail(`A competency score is 0–100, not ${entry.score}`);
      } else {
        const behaviour = competency!.behaviours.find((b) => b.id === entry.target.behaviour);
        if (!behaviour) fail(`There is no behaviour "${entry.target.behaviour}" in ${competency!.title}`);
        if (!(entry.score >= 0 && entry.score <= behaviour!.points)) fail(`${behaviour!.title} earns 0–${behaviour!.points} points, not ${entry.score}`);
      }
      break;
    }
    case 'verdict':
      if (entry.verdict !== 'pass' && entry.verdict !== 'retry') fail(`A verdict is pass or retry, not ${String(entry.verdict)}`);
      if (entry.verdict === 'pass' && entry.retryScenarioId) fail('A pass does not assign a retry');
      break;
    case 'correction':
      checkTurn(entry.turn);
      if (!entry.acts.every((act) => (DIALOGUE_ACTS as readonly string[]).includes(act))) fail(`Unknown act in ${entry.acts.join(', ')}`);
      break;
    case 'undo': {
      const target = log.find((earlier) => earlier.id === entry.undoes);
      if (!target) fail(`There is no earlier review entry ${entry.undoes} to undo`);
      if (target!.author.role !== entry.author.role) fail(`A ${entry.author.role} cannot undo a ${target!.author.role}'s entry`);
      if (!inEffect(log).has(entry.undoes)) fail(`Review entry ${entry.undoes} is already undone`);
      break;
    }
    case 'acknowledge':
      checkRefersTo(entry.of);
      break;
    case 'dispute':
      if (!entry.text.trim()) fail('A dispute needs a comment saying what is wrong');
      checkRefersTo(entry.of);
      break;
    default:
      fail(`Unknown kind of review entry: ${(entry as { kind: string }).kind}`);
  }
}

/**
 * The ids of entries still in effect. An undo takes back one earlier entry;
 * undoing an undo brings that entry back. Undos only point backwards, so one
 * pass from the newest entry settles every one.
 */
export function inEffect(log: readonly ReviewEntry[]): Set<string> {
  const undone = new Set<string>();
  const effective = new Set<string>();
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i]!;
    if (undone.has(entry.id)) continue;
    effective.add(entry.id);
    if (entry.kind === 'undo') undone.add(entry.undoes);
  }
  return effective;
}

/** The entries in effect, oldest first, undos left out. */
export function effectiveEntries(log: readonly ReviewEntry[]): ReviewEntry[] {
  const effective = inEffect(log);
  return log.filter((entry) => entry.kind !== 'undo' && effective.has(entry.id));
}


/** Disputed while a trainee's dispute is newer than the supervisor's last word; reviewed once a supervisor has said anything. */
export function reviewStatus(log: readonly ReviewEntry[]): ReviewStatus {
  const entries = effectiveEntries(log);
  const lastSupervisor = entries.findLastIndex((entry) => entry.author.role === 'supervisor');
  const lastDispute = entries.findLastIndex((entry) => entry.kind === 'dispute');
  if (lastDispute > lastSupervisor) return 'disputed';
  return lastSupervisor >= 0 ? 'reviewed' : 'notReviewed';
}

export function latestVerdict(log: readonly ReviewEntry[]): Extract<ReviewEntry, { kind: 'verdict' }> | null {
  return effectiveEntries(log).findLast((entry) => entry.kind === 'verdict') ?? null;
}

/**
 * Two copies of one call's log joined: every entry of both, each once, in
 * time order (ties by id, so every browser gets the same order). Entries are
 * never dropped, whichever copy is older.
 */
export function mergeLogs(mine: readonly ReviewEntry[], theirs: readonly ReviewEntry[]): ReviewEntry[] {
  const byId = new Map<string, ReviewEntry>();
  for (const entry of [...mine, ...theirs]) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Checks a whole log from the start, as an import does; returns the first problem with the entry's position, or null. */
export function checkLog(log: readonly ReviewEntry[], scorecard: Scorecard, turns: number, sessionId: string): { index: number; message: string } | null {
  for (let index = 0; index < log.length; index++) {
    const entry = log[index]!;
    try {
      if (entry.sessionId !== sessionId) throw new ReviewError(`Review entry ${entry.id} belongs to session ${entry.sessionId}`);
      checkEntry(log.slice(0, index), entry, scorecard, turns);
    } catch (error) {
      if (error instanceof ReviewError) return { index, message: error.message };
      throw error;
    }
  }
  return null;
}
