/**
 * The reverse of the mapping: statements read back from an LRS become the
 * sessions they came from, each with its review log. What comes back is not
 * trusted yet: the caller checks it with `checkRecords` (re-scoring each
 * session) before storing anything.
 */
import { mergeLogs, type ReviewEntry } from './review-log';
import type { ScoredSession } from './scored-session';
import { resultStatementId } from './session-statements';
import { ext, type Statement } from './xapi-statement';

export interface RebuiltSession {
  session: ScoredSession;
  review: ReviewEntry[];
}

export interface Rebuilt {
  sessions: RebuiltSession[];
  /** Review entries whose call was not among the statements read, by session id: kept, for when it arrives. */
  orphanReview: Map<string, ReviewEntry[]>;
}

export function sessionsFromStatements(statements: Iterable<Statement>): Rebuilt {
  const sessions = new Map<string, ScoredSession>();
  const reviews = new Map<string, ReviewEntry[]>();
  for (const statement of statements) {
    const extensions = statement.result?.extensions ?? {};
    const session = extensions[ext('session')] as ScoredSession | undefined;
    if (session && typeof session === 'object' && typeof session.id === 'string' && statement.id === resultStatementId(session.id)) {
      sessions.set(session.id, session);
      continue;
    }
    const entry = extensions[ext('reviewEntry')] as ReviewEntry | undefined;
    const ref = statement.object;
    if (entry && typeof entry === 'object' && typeof entry.sessionId === 'string' && ref.objectType === 'StatementRef' && ref.id === resultStatementId(entry.sessionId)) {
      const list = reviews.get(entry.sessionId) ?? [];
      list.push(entry);
      reviews.set(entry.sessionId, list);
    }
  }
  // The LRS may return entries in any order, and the same one twice; the log's own order is time, then id.
  for (const [id, list] of reviews) reviews.set(id, mergeLogs([], list));
  const rebuilt: RebuiltSession[] = [...sessions.values()].map((session) => ({ session, review: reviews.get(session.id) ?? [] }));
  const orphanReview = new Map([...reviews].filter(([id]) => !sessions.has(id)));
  return { sessions: rebuilt, orphanReview };
}
