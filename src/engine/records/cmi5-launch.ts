/**
 * What an LMS hands the app when it launches it as a cmi5 assignable unit
 * (AU): the five launch parameters in the URL (cmi5 spec section 8.1), the
 * fetch URL's answer (8.2), the LMS.LaunchData state document (10) and the
 * learner preferences (11). Each is checked here, and a problem names the
 * parameter or field, so a trainee can tell their LMS administrator what is
 * wrong. Pure: no fetching, no storage.
 */
import { hasLaunchParameters, LAUNCH_PARAMETERS } from './cmi5-parameters';
import type { Agent, Context } from './xapi-statement';

/** The cmi5 IRIs this app uses (cmi5 spec 9.6.2 and 9.6.3). */
export const CMI5 = {
  categoryCmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  categoryMoveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchDataStateId: 'LMS.LaunchData',
  learnerPreferencesProfileId: 'cmi5LearnerPreferences',
} as const;

export interface Cmi5Launch {
  /** The LMS's xAPI endpoint, the base of every request. */
  endpoint: string;
  /** The one-time URL that hands out the authorization token. */
  fetchUrl: string;
  actor: Agent & { account: { homePage: string; name: string } };
  registration: string;
  /** The AU's activity id: the object of every cmi5 defined statement. */
  activityId: string;
}

export type LaunchParse = { kind: 'none' } | { kind: 'launch'; launch: Cmi5Launch } | { kind: 'invalid'; problems: string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function isAbsoluteIri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function actorProblems(value: unknown): string[] {
  if (!isObject(value)) return ['actor is not a JSON object'];
  const problems: string[] = [];
  if (value.objectType !== undefined && value.objectType !== 'Agent') problems.push(`actor.objectType is "${String(value.objectType)}", cmi5 needs "Agent"`);
  const account = value.account;
  if (!isObject(account)) problems.push('actor.account is missing: cmi5 identifies the learner by an account');
  else {
    if (typeof account.homePage !== 'string' || !isAbsoluteIri(account.homePage)) problems.push('actor.account.homePage is not an address');
    if (typeof account.name !== 'string' || !account.name) problems.push('actor.account.name is missing');
  }
  if (value.name !== undefined && typeof value.name !== 'string') problems.push('actor.name is not text');
  return problems;
}

/**
 * Reads the launch parameters from a page's query string (`location.search`).
 * None of them: not a cmi5 launch. Some or all, with any wrong: invalid, with
 * every problem named. The names may come in any order (spec 8.1).
 */
export function parseLaunchParameters(search: string): LaunchParse {
  if (!hasLaunchParameters(search)) return { kind: 'none' };
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const value = (name: (typeof LAUNCH_PARAMETERS)[number]) => {
    const found = params.get(name)?.trim() ?? '';
    if (!found) problems.push(`the launch parameter "${name}" is missing`);
    return found;
  };
  const endpoint = value('endpoint');
  const fetchUrl = value('fetch');
  const actorText = value('actor');
  const registration = value('registration');
  const activityId = value('activityId');
  if (endpoint && !isWebAddress(endpoint)) problems.push(`endpoint "${endpoint}" is not an http or https address`);
  if (fetchUrl && !isWebAddress(fetchUrl)) problems.push(`fetch "${fetchUrl}" is not an http or https address`);
  if (registration && !UUID.test(registration)) problems.push(`registration "${registration}" is not a UUID`);
  if (activityId && !isAbsoluteIri(activityId)) problems.push(`activityId "${activityId}" is not an IRI`);
  let actor: unknown = null;
  if (actorText) {
    try {
      actor = JSON.parse(actorText);
      problems.push(...actorProblems(actor));
    } catch (error) {
      problems.push(`actor is not JSON (${(error as Error).message})`);
    }
  }
  if (problems.length) return { kind: 'invalid', problems };
  const agent = actor as Cmi5Launch['actor'];
  return {
    kind: 'launch',
    launch: {
      endpoint,
      fetchUrl,
      actor: { objectType: 'Agent', ...(agent.name ? { name: agent.name } : {}), account: { homePage: agent.account.homePage, name: agent.account.name } },
      registration: registration.toLowerCase(),
      activityId,
    },
  };
}

const FETCH_ERRORS: Record<string, string> = {
  '1': 'the launch key was already handed out or has expired',
  '2': 'a security error',
  '3': 'an application error',
};

/**
 * The fetch URL's answer (spec 8.2): `{"auth-token": …}` the first time, and
 * an error object (still with status 200) on any later call.
 */
export function parseAuthTokenResponse(status: number, body: unknown): { token: string } | { problem: string } {
  if (isObject(body) && typeof body['auth-token'] === 'string' && body['auth-token']) return { token: body['auth-token'] };
  if (isObject(body) && body['error-code'] !== undefined) {
    const code = String(body['error-code']);
    const text = typeof body['error-text'] === 'string' ? `: ${body['error-text'].slice(0, 200)}` : '';
    return { problem: `The LMS refused the launch key (error ${code}, ${FETCH_ERRORS[code] ?? 'an unknown error'}${text})` };
  }
  if (status !== 200) return { problem: `The LMS's fetch URL answered ${status}` };
  return { problem: 'The LMS\'s fetch URL answered without an "auth-token"' };
}

export type LaunchMode = 'Normal' | 'Browse' | 'Review';
export const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] as const;
export type MoveOn = (typeof MOVE_ON)[number];

export interface LaunchData {
  /** The LMS's context: every statement starts from it and never overwrites what it holds. */
  contextTemplate: Context & Record<string, unknown>;
  /** The LMS's session id, from the template (spec 9.6.3.1). */
  sessionId: string;
  launchMode: LaunchMode;
  moveOn: MoveOn;
  /** 0 to 1: when given, passed and failed follow it (spec 10.2.4). */
  masteryScore: number | null;
  /** Where the learner goes when the AU is done (spec 10.2.6). */
  returnUrl: string | null;
  launchParameters: string | null;
}

/** Checks the LMS.LaunchData state document; every problem names its field. */
export function parseLaunchData(value: unknown): { data: LaunchData } | { problems: string[] } {
  const where = CMI5.launchDataStateId;
  if (!isObject(value)) return { problems: [`${where} is not a JSON object`] };
  const problems: string[] = [];
  const template = value.contextTemplate;
  let sessionId = '';
  if (!isObject(template)) problems.push(`${where}.contextTemplate is missing`);
  else {
    const extensions = template.extensions;
    const id = isObject(extensions) ? extensions[CMI5.sessionId] : undefined;
    if (typeof id !== 'string' || !id) problems.push(`${where}.contextTemplate.extensions["${CMI5.sessionId}"] (the session id) is missing`);
    else sessionId = id;
    if (template.contextActivities !== undefined && !isObject(template.contextActivities)) problems.push(`${where}.contextTemplate.contextActivities is not an object`);
  }
  const launchMode = value.launchMode;
  if (launchMode !== 'Normal' && launchMode !== 'Browse' && launchMode !== 'Review') problems.push(`${where}.launchMode is ${JSON.stringify(launchMode) ?? 'missing'}, not "Normal", "Browse" or "Review"`);
  // The LMS must give moveOn (10.2.5) but the AU needs nothing from it: a missing one reads as the course structure's default.
  const moveOn = value.moveOn ?? 'NotApplicable';
  if (!MOVE_ON.includes(moveOn as MoveOn)) problems.push(`${where}.moveOn is ${JSON.stringify(moveOn)}, not one of ${MOVE_ON.join(', ')}`);
  const mastery = value.masteryScore;
  if (mastery !== undefined && mastery !== null && (typeof mastery !== 'number' || !(mastery >= 0 && mastery <= 1))) problems.push(`${where}.masteryScore is ${JSON.stringify(mastery)}, not a number from 0 to 1`);
  const returnUrl = value.returnURL;
  // The return address becomes a link: only a web address, never javascript: or data:.
  if (returnUrl !== undefined && returnUrl !== null && (typeof returnUrl !== 'string' || !isWebAddress(returnUrl))) problems.push(`${where}.returnURL is not an http or https address`);
  const launchParameters = value.launchParameters;
  if (launchParameters !== undefined && launchParameters !== null && typeof launchParameters !== 'string') problems.push(`${where}.launchParameters is not text`);
  if (problems.length) return { problems };
  return {
    data: {
      contextTemplate: template as LaunchData['contextTemplate'],
      sessionId,
      launchMode: launchMode as LaunchMode,
      moveOn: moveOn as MoveOn,
      masteryScore: typeof mastery === 'number' ? mastery : null,
      returnUrl: typeof returnUrl === 'string' ? returnUrl : null,
      launchParameters: typeof launchParameters === 'string' ? launchParameters : null,
    },
  };
}

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The scenario the course designer gave this AU through launchParameters
 * (spec 10.2.3, free text for the AU): `{"scenario": "<id>"}`, or the id
 * alone. `id: null` when the LMS gives none: the trainee then chooses.
 */
export function assignedScenarioId(launchParameters: string | null): { id: string | null } | { problem: string } {
  const text = launchParameters?.trim() ?? '';
  if (!text) return { id: null };
  const problem = { problem: `${CMI5.launchDataStateId}.launchParameters ${JSON.stringify(text.slice(0, 100))} names no scenario: give {"scenario": "<scenario id>"} or the id alone` };
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!isObject(parsed) || parsed.scenario === undefined) return { id: null };
      return typeof parsed.scenario === 'string' && SCENARIO_ID.test(parsed.scenario) ? { id: parsed.scenario } : problem;
    } catch {
      return problem;
    }
  }
  return SCENARIO_ID.test(text) ? { id: text } : problem;
}

/**
 * The learner's audio preference from cmi5LearnerPreferences (spec 11.2):
 * true to mute, false to unmute, null when the LMS says nothing (the app
 * keeps its own setting). The language preference is not used: the app and
 * its scenarios are in English only.
 */
export function mutedByPreferences(preferences: unknown): boolean | null {
  if (!isObject(preferences)) return null;
  if (preferences.audioPreference === 'off') return true;
  if (preferences.audioPreference === 'on') return false;
  return null;
}
