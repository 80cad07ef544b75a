/**
 * A scored call as xAPI statements: one `answered` per trainee turn,
 * `interacted` for look-ups, holds and escalations, then `completed` and
 * `passed` or `failed`. The last carries the whole scored session, so a
 * review elsewhere can rebuild the call from the LRS alone. Pure: the same
 * session gives the same statements, ids included.
 */
import { findingsByTurn } from '../scoring/scorer';
import type { ScoredSession } from './scored-session';
import { scoredSessionOf } from './scored-session';
import { ACTIVITY_TYPES, DEFAULT_ACTIVITY_BASE } from './xapi-vocabulary';
import { agentNamed, ext, isoDuration, registrationFor, statementId, verb, type Activity, type Agent, type Context, type Statement } from './xapi-statement';

export interface StatementOptions {
  /** Who took the call; defaults to an account named after the trainee. A cmi5 launch supplies its own. */
  actor?: Agent;
  /** A cmi5 launch's registration; defaults to one derived from the session id. */
  registration?: string;
  /** Where activity ids start; a cmi5 launch gives the AU's activity id instead. */
  activityBase?: string;
  /** Extra context extensions, such as cmi5's session id. */
  contextExtensions?: Record<string, unknown>;
}

const CONTROL_EVENTS = new Set(['lookup', 'hold', 'resume', 'escalate']);

export function scenarioActivity(session: Pick<ScoredSession, 'scenarioId' | 'scenarioTitle'>, activityBase = DEFAULT_ACTIVITY_BASE): Activity {
  return {
    objectType: 'Activity',
    id: `${activityBase}/scenarios/${encodeURIComponent(session.scenarioId)}`,
    definition: { type: ACTIVITY_TYPES.scenario.id, name: { 'en-US': session.scenarioTitle } },
  };
}

/** The scenario's pass level: Satisfactory or better overall passes. */
export function passesAtLevel(scorecard: Pick<ScoredSession['scorecard'], 'level'>): boolean {
  return scorecard.level !== 'Needs improvement';
}

/** The id of the statement that carries the whole session: review statements point at it. */
export function resultStatementId(sessionId: string): string {
  return statementId(sessionId, 'result');
}

export function sessionContext(session: ScoredSession, options: StatementOptions, extra: Record<string, unknown> = {}): Context {
  return {
    registration: options.registration ?? registrationFor(session.id),
    platform: 'Call Trainer',
    language: 'en-US',
    contextActivities: { parent: [scenarioActivity(session, options.activityBase)] },
    extensions: { [ext('sessionId')]: session.id, [ext('replyMode')]: session.replyMode, ...options.contextExtensions, ...extra },
  };
}

export function sessionStatements(session: ScoredSession, options: StatementOptions = {}): Statement[] {
  const actor = options.actor ?? agentNamed(session.traineeName);
  const scenario = scenarioActivity(session, options.activityBase);
  const started = Date.parse(session.startedAt);
  const at = (ms: number) => new Date(started + ms).toISOString();
  const points = findingsByTurn(session.scorecard);
  const transcript = session.record.transcript;
  const statements: Statement[] = [];

  transcript.forEach((entry, index) => {
    const context = sessionContext(session, options, { [ext('transcriptIndex')]: index });
    if (entry.kind === 'trainee') {
      const before = transcript.slice(0, index).findLast((earlier) => earlier.kind === 'customer');
      const earned = (points.get(index) ?? []).reduce((sum, finding) => sum + finding.points, 0);
      statements.push({
        id: statementId(session.id, `turn/${index}`),
        actor,
        verb: verb('answered'),
        object: {
          objectType: 'Activity',
          id: `${scenario.id}/turns/${index}`,
          definition: {
            type: ACTIVITY_TYPES.interaction.id,
            name: { 'en-US': `${session.scenarioTitle}, turn ${index + 1}` },
            ...(before?.kind === 'customer' ? { description: { 'en-US': before.text } } : {}),
            interactionType: entry.replyId ? 'choice' : 'fill-in',
          },
        },
        result: {
          response: entry.replyId ?? entry.text,
          extensions: {
            [ext('acts')]: entry.acts,
            ...(entry.evidence ? { [ext('evidence')]: entry.evidence } : {}),
            [ext('points')]: Math.round(earned * 10) / 10,
            [ext('mood')]: entry.mood,
          },
        },
        context,
        timestamp: at(entry.at),
      });
    } else if (entry.kind === 'event' && CONTROL_EVENTS.has(entry.event)) {
      const name = entry.event === 'lookup' ? `account/${entry.section ?? 'unknown'}` : `controls/${entry.event}`;
      statements.push({
        id: statementId(session.id, `event/${index}`),
        actor,
        verb: verb('interacted'),
        object: {
          objectType: 'Activity',
          id: `${scenario.id}/${name}`,
          definition: { type: ACTIVITY_TYPES.control.id, name: { 'en-US': entry.event === 'lookup' ? `Account: ${entry.section}` : entry.event } },
        },
        result: { extensions: { [ext('mood')]: entry.mood } },
        context,
        timestamp: at(entry.at),
      });
    }
  });

  const { scorecard } = session;
  const lastAt = transcript.at(-1)?.at ?? 0;
  const duration = isoDuration(lastAt);
  const ending = scorecard.ending ? { state: session.record.ending, title: scorecard.ending.title, outcome: scorecard.ending.outcome } : null;
  const context = sessionContext(session, options);
  statements.push({
    id: statementId(session.id, 'completed'),
    actor,
    verb: verb('completed'),
    object: scenario,
    result: { completion: true, duration, extensions: { [ext('ending')]: ending } },
    context,
    timestamp: at(lastAt),
  });
  const success = passesAtLevel(scorecard);
  statements.push({
    id: resultStatementId(session.id),
    actor,
    verb: verb(success ? 'passed' : 'failed'),
    object: scenario,
    result: {
      score: { scaled: scorecard.overall / 100, raw: scorecard.overall, min: 0, max: 100 },
      success,
      completion: true,
      duration,
      extensions: {
        [ext('level')]: scorecard.level,
        [ext('competencies')]: Object.fromEntries(scorecard.competencies.map((c) => [c.id, { score: c.score, level: c.level, weight: c.weight }])),
        [ext('session')]: scoredSessionOf(session),
      },
    },
    context,
    // A millisecond after `completed`, so the LRS's order matches the call's.
    timestamp: at(lastAt + 1),
  });
  return statements;
}
