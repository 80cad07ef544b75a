/**
 * Loaded on demand once a call is scored (never in the trainee's first page):
 * under a cmi5 launch the call goes to the LMS that launched the app, and to
 * nowhere else; otherwise, when team records are on, the call's statements go
 * into the outbox and a send is tried at once. Off, it does nothing.
 */
import { scoredSessionOf, type ScoredSession } from '../../engine/records/scored-session';
import { sessionStatements } from '../../engine/records/session-statements';
import { isCmi5Launch } from './cmi5-detect';
import { reportScoredCall } from './cmi5-session';
import { activeConnection } from './lrs-settings';
import { enqueueStatements, flushOutbox } from './outbox';
import { startOutboxSender } from './outbox-sender';

export async function sendScoredCall(session: ScoredSession): Promise<void> {
  if (isCmi5Launch()) return reportScoredCall(scoredSessionOf(session));
  const connection = activeConnection();
  if (!connection) return;
  await enqueueStatements(sessionStatements(scoredSessionOf(session)));
  startOutboxSender();
  await flushOutbox(connection);
}
