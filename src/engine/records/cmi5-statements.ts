/**
 * A call taken under a cmi5 launch, as the statements cmi5 asks for (spec
 * sections 7.1, 9 and 10): `initialized` when the app is ready, then the
 * call's own statements (answered, interacted: "cmi5 allowed"), then one
 * `completed` and one `passed` or `failed` about the AU ("cmi5 defined"),
 * then `terminated` last. Every statement starts from the LMS's context
 * template and never overwrites it. Pure: the browser side decides when, this
 * decides what.
 */
import { assignedScenarioId, CMI5, type Cmi5Launch, type LaunchData } from './cmi5-launch';
import type { ScoredSession } from './scored-session';
import { passesAtLevel, resultStatementId, sessionStatements } from './session-statements';
import { VERBS } from './xapi-vocabulary';
import { isoDuration, statementId, verb, type Activity, type Context, type Statement } from './xapi-statement';

export interface Cmi5Session {
  launch: Cmi5Launch;
  launchData: LaunchData;
}

/** What earlier launches of the same registration already recorded (spec 9.3: once per registration). */
export interface PriorVerdicts {
  completed: boolean;
  passed: boolean;
}

type Kind = 'allowed' | 'defined' | 'definedWithResult';
type ActivityLists = NonNullable<Context['contextActivities']>;
const LISTS = ['parent', 'grouping', 'category', 'other'] as const;

const activity = (id: string): Activity => ({ objectType: 'Activity', id });

/** xAPI lets a context activity list be one object; the template may use either form. */
function asList(value: unknown): Activity[] {
  if (Array.isArray(value)) return value as Activity[];
  return value && typeof value === 'object' ? [value as Activity] : [];
}

/**
 * The template first, untouched; then what the app adds where the template
 * has nothing (spec 10.2.1: the AU may add, never overwrite). cmi5 defined
 * statements get the cmi5 category, and those with success or completion the
 * moveOn category (9.6.2); cmi5 allowed ones must not carry either.
 */
export function cmi5Context({ launch, launchData }: Cmi5Session, ours: Context, kind: Kind): Context {
  const template = launchData.contextTemplate;
  const templateActivities = (template.contextActivities ?? {}) as Record<string, unknown>;
  const oursActivities = (ours.contextActivities ?? {}) as Record<string, unknown>;
  const categories = kind === 'allowed' ? [] : kind === 'defined' ? [CMI5.categoryCmi5] : [CMI5.categoryCmi5, CMI5.categoryMoveOn];
  const contextActivities: ActivityLists = {};
  for (const list of LISTS) {
    const merged = [...asList(templateActivities[list])];
    const added = [...asList(oursActivities[list]), ...(list === 'category' ? categories.map(activity) : [])];
    for (const item of added) if (!merged.some((held) => held.id === item.id)) merged.push(item);
    if (merged.length) contextActivities[list] = merged;
  }
  return {
    ...ours,
    ...template,
    // The launch's registration (spec 9.6.1); the template, written by the same LMS, holds the same one if any.
    registration: launch.registration,
    contextActivities,
    extensions: { ...ours.extensions, ...(template.extensions as Record<string, unknown> | undefined) },
  };
}

function auObject({ launch }: Cmi5Session): Activity {
  return activity(launch.activityId);
}

/** Ids from the LMS's session: the same launch never records a second `initialized` or `terminated`. */
function launchStatementId(session: Cmi5Session, event: string): string {
  return statementId(`cmi5/${session.launch.registration}/${session.launchData.sessionId}`, event);
}

/** The first statement of the launch, once the app is ready for the trainee (7.1.1). */
export function initializedStatement(session: Cmi5Session, at: string): Statement {
  return {
    id: launchStatementId(session, 'initialized'),
    actor: session.launch.actor,
    verb: verb('initialized'),
    object: auObject(session),
    context: cmi5Context(session, {}, 'defined'),
    timestamp: at,
  };
}

/** The last statement of the launch (7.1.2), no earlier than anything sent before it; its duration runs from `initialized` (9.5.4.1). */
export function terminatedStatement(session: Cmi5Session, initializedAt: string, now: string, lastSentAt: string | null): Statement {
  const at = Math.max(Date.parse(now), lastSentAt ? Date.parse(lastSentAt) + 1 : 0, Date.parse(initializedAt));
  return {
    id: launchStatementId(session, 'terminated'),
    actor: session.launch.actor,
    verb: verb('terminated'),
    object: auObject(session),
    result: { duration: isoDuration(at - Date.parse(initializedAt)) },
    context: cmi5Context(session, {}, 'defined'),
    timestamp: new Date(at).toISOString(),
  };
}

export type CallReport =
  | {
      kind: 'report';
      statements: Statement[];
      /** What the LMS is told, for the trainee: null where nothing is sent and why in `note`. */
      completed: boolean;
      verdict: 'passed' | 'failed' | null;
      note: string | null;
    }
  | { kind: 'refused'; reason: string };

/** passed or failed, by the LMS's mastery score when it gives one (10.2.4), else by the scenario's pass level. */
export function verdictFor(session: Pick<ScoredSession, 'scorecard'>, masteryScore: number | null): 'passed' | 'failed' {
  const passed = masteryScore === null ? passesAtLevel(session.scorecard) : session.scorecard.overall / 100 >= masteryScore;
  return passed ? 'passed' : 'failed';
}

/**
 * The statements for a scored call under this launch, in the order they must
 * reach the LMS. A launch reports one call: cmi5 allows one `completed` and
 * one of `passed`/`failed` per session. Refused when the call began before the
 * launch (its statements would come before `initialized`), or is of another
 * scenario than the one the LMS assigned.
 */
export function callStatements(cmi5: Cmi5Session, session: ScoredSession, initializedAt: string, prior: PriorVerdicts): CallReport {
  const assigned = assignedScenarioId(cmi5.launchData.launchParameters);
  if ('id' in assigned && assigned.id && assigned.id !== session.scenarioId) {
    return { kind: 'refused', reason: `Your LMS assigned another scenario to this launch, so this call of “${session.scenarioTitle}” is not reported.` };
  }
  if (Date.parse(session.startedAt) < Date.parse(initializedAt)) {
    return { kind: 'refused', reason: 'This call began before your LMS launched the app, so it is not reported; take a new call to report one.' };
  }
  const own = sessionStatements(session, { actor: cmi5.launch.actor, registration: cmi5.launch.registration });
  const judging = cmi5.launchData.launchMode === 'Normal';
  const statements: Statement[] = [];
  let completed = false;
  let verdict: 'passed' | 'failed' | null = null;
  for (const statement of own) {
    const context = statement.context ?? {};
    if (statement.verb.id === VERBS.completed.id) {
      // Browse and Review: no satisfaction data at all (10.2.2). Once per registration (9.3).
      if (!judging || prior.completed) continue;
      completed = true;
      statements.push({ ...statement, object: auObject(cmi5), context: cmi5Context(cmi5, context, 'definedWithResult') });
    } else if (statement.id === resultStatementId(session.id)) {
      // No second passed in a registration, and no failed after a passed (9.3).
      if (!judging || prior.passed) continue;
      const mastery = cmi5.launchData.masteryScore;
      verdict = verdictFor(session, mastery);
      // Only completed carries completion (9.5.3).
      const { completion: _completion, ...result } = statement.result ?? {};
      const ownContext = mastery === null ? context : { ...context, extensions: { ...context.extensions, [CMI5.masteryScore]: mastery } };
      statements.push({
        ...statement,
        verb: verb(verdict),
        object: auObject(cmi5),
        result: { ...result, success: verdict === 'passed' },
        context: cmi5Context(cmi5, ownContext, 'definedWithResult'),
      });
    } else {
      statements.push({ ...statement, context: cmi5Context(cmi5, context, 'allowed') });
    }
  }
  const note = !judging
    ? `Your LMS opened this in ${cmi5.launchData.launchMode} mode: it records that you took the call, not a score.`
    : prior.passed
      ? 'Your LMS already holds a pass for this assignment, so this call is reported without a new result.'
      : prior.completed
        ? 'Your LMS already holds this assignment as completed; this call adds its result.'
        : null;
  return { kind: 'report', statements, completed, verdict, note };
}
