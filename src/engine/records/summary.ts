/**
 * The small record kept beside every stored session, so lists never load a
 * transcript: History, the picker's best scores, and the supervisor review
 * (its table, filters and progress charts) all build on this summary and
 * the indexes storage keeps over it. It is derived from the session by a
 * pure function, so it can be rebuilt at any time and never disagrees with
 * the session it describes.
 */
import type { Level } from '../scoring/rubric';
import type { Competency } from '../vocabulary';
import type { Ending } from '../scenario/scenario-schema';
import type { ReviewStatus, SessionOrigin, SessionStatus, StoredSession } from './stored-session';

export interface CompetencySummary {
  /** Null when nothing in the call could show the competency. */
  score: number | null;
  level: Level | null;
}

export interface SessionSummary {
  id: string;
  traineeName: string;
  scenarioId: string;
  scenarioTitle: string;
  scenarioVersion: number;
  startedAt: string;
  updatedAt: string;
  status: SessionStatus;
  replyMode: StoredSession['replyMode'];
  /** The final state; its outcome is known once scored (the scorecard names it), null before. */
  ending: { state: string; outcome: Ending['outcome'] | null } | null;
  /** Null until scored. Null keeps the session out of the score indexes, which is what "best score" wants. */
  overall: number | null;
  level: Level | null;
  /** Empty until scored. */
  competencies: Partial<Record<Competency, CompetencySummary>>;
  /** The trainee's replies so far. */
  turns: number;
  revision: number;
  reviewStatus: ReviewStatus;
  origin: SessionOrigin;
}

export function summarise(session: StoredSession): SessionSummary {
  const { scorecard, record } = session;
  // A supervisor's overrides stand in the lists and in mastery; the session keeps the computed scorecard beside them.
  const scores = session.reviewedScores ?? scorecard;
  const competencies: SessionSummary['competencies'] = {};
  for (const competency of scores?.competencies ?? []) competencies[competency.id] = { score: competency.score, level: competency.level };
  return {
    id: session.id,
    traineeName: session.traineeName,
    scenarioId: session.scenarioId,
    scenarioTitle: session.scenarioTitle,
    scenarioVersion: session.scenarioVersion,
    startedAt: session.startedAt,
    updatedAt: session.updatedAt,
    status: session.status,
    replyMode: session.replyMode,
    ending: record.ending ? { state: record.ending, outcome: scorecard?.ending?.outcome ?? null } : null,
    overall: scores?.overall ?? null,
    level: scores?.level ?? null,
    competencies,
    turns: record.transcript.filter((entry) => entry.kind === 'trainee').length,
    revision: session.revision,
    reviewStatus: session.reviewStatus ?? 'notReviewed',
    origin: session.origin ?? 'local',
  };
}
