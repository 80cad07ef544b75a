/** A review entry out to the team's LRS through the outbox, when team records are on. */
import type { ReviewEntry } from '../../engine/records/review-log';
import { reviewStatement } from '../../engine/records/review-statements';
import { scoredSessionOf, type ScoredSession } from '../../engine/records/scored-session';
import { activeConnection } from './lrs-settings';
import { enqueueStatements, flushOutbox } from './outbox';
import { startOutboxSender } from './outbox-sender';

export async function sendReviewEntry(entry: ReviewEntry, session: ScoredSession): Promise<void> {
  const connection = activeConnection();
  if (!connection) return;
  await enqueueStatements([reviewStatement(entry, scoredSessionOf(session))]);
  startOutboxSender();
  await flushOutbox(connection);
}
