/**
 * A call as it is kept: who took which scenario when, the saved call that
 * brings it back after a reload, its record for the scorer, and the
 * scorecard once scored. Storage (src/lib) reads and writes it; the engine
 * derives its summary (summary.ts).
 */
import type { SavedCall } from '../call/call';
import type { CallNotes, CallRecord } from '../call/transcript';
import type { Level } from '../scoring/rubric';
import type { Scorecard } from '../scoring/scorer';
import type { Competency } from '../vocabulary';

export type SessionStatus = 'live' | 'wrapUp' | 'scored';

/** Where a session came from: taken here, imported from a bundle, or read from a Learning Record Store. */
export type SessionOrigin = 'local' | 'imported' | 'lrs';

/** A supervisor's verdict on a scored session. */
export type ReviewStatus = 'notReviewed' | 'reviewed' | 'disputed';

export interface StoredSession {
  id: string;
  traineeName: string;
  scenarioId: string;
  scenarioVersion: number;
  scenarioTitle: string;
  /** Wall-clock time, ISO 8601. */
  startedAt: string;
  updatedAt: string;
  status: SessionStatus;
  /** Prepared replies, or the trainee's own typed or spoken words; chosen for the whole call. */
  replyMode: 'prepared' | 'open';
  /**
   * Counts the writes that reached storage. Storage refuses a write made
   * from an older revision than the stored one, so a stale tab can never
   * replace newer work. Storage sets it; 0 until first stored.
   */
  revision: number;
  /** Absent means 'local'. */
  origin?: SessionOrigin;
  /** Absent means 'notReviewed'. */
  reviewStatus?: ReviewStatus;
  /** The scores once a supervisor's overrides are applied; absent while none is in effect. Lists and mastery read these. */
  reviewedScores?: ReviewedScores;
  saved: SavedCall;
  record: CallRecord;
  notes: CallNotes;
  scorecard: Scorecard | null;
}

export interface ReviewedScores {
  overall: number;
  level: Level;
  competencies: { id: Competency; score: number | null; level: Level | null }[];
}
