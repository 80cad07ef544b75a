/**
 * Review entries as xAPI statements. Each points at the call's result
 * statement (a StatementRef), is made by the supervisor or trainee who wrote
 * it, and carries the entry itself so another browser rebuilds the same log.
 */
import type { ReviewEntry, ReviewKind } from './review-log';
import type { ScoredSession } from './scored-session';
import { resultStatementId, sessionContext, type StatementOptions } from './session-statements';
import { agentNamed, ext, statementId, verb, type Context, type Statement } from './xapi-statement';
import type { VerbName } from './xapi-vocabulary';

const VERB_FOR: Record<ReviewKind, VerbName> = {
  comment: 'commented',
  override: 'overrode',
  verdict: 'judged',
  correction: 'corrected',
  undo: 'undid',
  acknowledge: 'acknowledged',
  dispute: 'disputed',
};

export function reviewStatementId(entry: Pick<ReviewEntry, 'sessionId' | 'id'>): string {
  return statementId(entry.sessionId, `review/${entry.id}`);
}

export function reviewStatement(entry: ReviewEntry, session: ScoredSession, options: Omit<StatementOptions, 'actor'> = {}): Statement {
  const response = entry.kind === 'comment' || entry.kind === 'dispute' ? entry.text : entry.kind === 'override' ? entry.reason : entry.kind === 'verdict' ? entry.verdict : undefined;
  return {
    id: reviewStatementId(entry),
    actor: agentNamed(entry.author.name),
    verb: verb(VERB_FOR[entry.kind]),
    object: { objectType: 'StatementRef', id: resultStatementId(session.id) },
    result: { ...(response !== undefined ? { response } : {}), extensions: { [ext('reviewEntry')]: entry } },
    context: withoutPlatform(sessionContext(session, options)),
    timestamp: entry.at,
  };
}

/** xAPI allows context.platform only when the object is an Activity; a review's object is a StatementRef. */
function withoutPlatform(context: Context): Context {
  const { platform: _platform, ...rest } = context;
  return rest;
}
