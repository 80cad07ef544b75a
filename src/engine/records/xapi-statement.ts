/** The part of xAPI 1.0.3's statement that this app writes and reads. */
import { v5 as uuidV5 } from 'uuid';
import { ACCOUNT_HOME_PAGE, EXTENSIONS, STATEMENT_ID_NAMESPACE, VERBS, type ExtensionName, type VerbName } from './xapi-vocabulary';

export type LanguageMap = Record<string, string>;

export interface Agent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  account?: { homePage: string; name: string };
}

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: { type?: string; name?: LanguageMap; description?: LanguageMap; interactionType?: string };
}

export interface StatementRef {
  objectType: 'StatementRef';
  id: string;
}

export interface Result {
  score?: { scaled: number; raw: number; min: number; max: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface Context {
  registration?: string;
  platform?: string;
  language?: string;
  contextActivities?: { parent?: Activity[]; grouping?: Activity[]; category?: Activity[]; other?: Activity[] };
  statement?: StatementRef;
  extensions?: Record<string, unknown>;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: Activity | StatementRef;
  result?: Result;
  context?: Context;
  timestamp: string;
}

/** Same session and event, same id: a statement sent twice is stored once. */
export function statementId(sessionId: string, event: string): string {
  return uuidV5(`${sessionId}/${event}`, STATEMENT_ID_NAMESPACE);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** xAPI wants a UUID registration; a session id that is not one is mapped to one, the same way every time. */
export function registrationFor(sessionId: string): string {
  return UUID.test(sessionId) ? sessionId.toLowerCase() : uuidV5(`registration/${sessionId}`, STATEMENT_ID_NAMESPACE);
}

export function verb(name: VerbName): Statement['verb'] {
  return { id: VERBS[name].id, display: { 'en-US': VERBS[name].display } };
}

export function ext(name: ExtensionName): string {
  return EXTENSIONS[name].id;
}

/** A person the app knows only by name, as an xAPI agent. */
export function agentNamed(name: string): Agent {
  return { objectType: 'Agent', name, account: { homePage: ACCOUNT_HOME_PAGE, name } };
}

/** Milliseconds as an ISO 8601 duration, to the hundredth of a second as xAPI keeps it. */
export function isoDuration(ms: number): string {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${Number(seconds.toFixed(2))}S`;
}
