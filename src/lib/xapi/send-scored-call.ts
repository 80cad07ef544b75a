/**
 * Loaded on demand once a call is scored (never in the trainee's first page):
 * when team records are on, the call's statements go into the outbox and a
 * send is tried at once. Off, it does nothing.
 */
import { scoredSessionOf, type ScoredSession } from '../../engine/records/scored-session';
import { sessionStatements } from '../../engine/records/session-statements';
import { activeConnection } from './lrs-settings';
import { enqueueStatements, flushOutbox } from './outbox';
import { startOutboxSender } from './outbox-sender';

export async function sendScoredCall(session: ScoredSession): Promise<void> {
  const connection = activeConnection();
  if (!connection) return;
  await enqueueStatements(sessionStatements(scoredSessionOf(session)));
  startOutboxSender();
  await flushOutbox(connection);
}
