/**
 * A scored call as records carry it between browsers: in a bundle, in an
 * LRS statement, in the review. The trainee's local store keeps more (the
 * replay log, the live status); this is what a supervisor needs and what the
 * scorer can check.
 */
import type { CallRecord } from '../call/transcript';
import type { Scorecard } from '../scoring/scorer';

export type ReplyMode = 'prepared' | 'open';

export interface ScoredSession {
  id: string;
  traineeName: string;
  scenarioId: string;
  scenarioVersion: number;
  scenarioTitle: string;
  /** Wall-clock time the call started, ISO 8601. */
  startedAt: string;
  updatedAt: string;
  replyMode: ReplyMode;
  record: CallRecord;
  scorecard: Scorecard;
}

/** The part of a stored session records keep; extra fields of a local store are left behind. */
export function scoredSessionOf(session: ScoredSession): ScoredSession {
  const { id, traineeName, scenarioId, scenarioVersion, scenarioTitle, startedAt, updatedAt, replyMode, record, scorecard } = session;
  return { id, traineeName, scenarioId, scenarioVersion, scenarioTitle, startedAt, updatedAt, replyMode, record, scorecard };
}
