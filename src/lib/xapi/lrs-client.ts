/**
 * A small xAPI client over fetch: send statements, read them back a page at
 * a time. It is three requests, so it needs no library (see the README for
 * why not @xapi/xapi). Errors say whether trying again could help.
 */
import type { Statement } from '../../engine/records/xapi-statement';

export interface LrsConnection {
  /** The LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/ */
  endpoint: string;
  /** Basic auth key and secret, or a ready Authorization header value (cmi5 gives one). */
  key?: string;
  secret?: string;
  authorization?: string;
}

export class LrsError extends Error {
  constructor(
    message: string,
    /** True when the same request may succeed later: offline, a timeout, 429 or 5xx. */
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export function normalEndpoint(endpoint: string): string {
  const trimmed = endpoint.trim();
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

function headers(connection: LrsConnection, json = false): Record<string, string> {
  const authorization = connection.authorization ?? `Basic ${btoa(unescape(encodeURIComponent(`${connection.key ?? ''}:${connection.secret ?? ''}`)))}`;
  return { Authorization: authorization, 'X-Experience-API-Version': '1.0.3', ...(json ? { 'Content-Type': 'application/json' } : {}) };
}

async function request(url: string, init: RequestInit, fetchImpl: typeof fetch): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    throw new LrsError(`The LRS could not be reached (${(error as Error).message})`, true);
  }
  if (response.ok) return response;
  const body = await response.text().catch(() => '');
  const detail = explain(body);
  const retryable = response.status === 429 || response.status === 408 || response.status >= 500;
  const what = response.status === 401 || response.status === 403 ? 'The LRS refused the key and secret' : `The LRS answered ${response.status}`;
  throw new LrsError(`${what}${detail ? `: ${detail}` : ''}`, retryable, response.status);
}

function explain(body: string): string {
  try {
    const parsed = JSON.parse(body) as { warnings?: string[]; message?: string };
    if (parsed.warnings?.length) return parsed.warnings.map((warning) => warning.slice(0, 200)).join('; ');
    if (parsed.message) return parsed.message.slice(0, 300);
  } catch {
    // not JSON
  }
  return body.slice(0, 300);
}

/**
 * Sends statements in one request. A 409 means the LRS already holds a
 * statement with one of these ids: ids are derived from the call and the
 * event, so it is the same statement sent before, and counts as delivered.
 */
export async function sendStatements(connection: LrsConnection, statements: readonly Statement[], fetchImpl: typeof fetch = fetch): Promise<void> {
  if (!statements.length) return;
  try {
    await request(`${normalEndpoint(connection.endpoint)}statements`, { method: 'POST', headers: headers(connection, true), body: JSON.stringify(statements) }, fetchImpl);
  } catch (error) {
    if (error instanceof LrsError && error.status === 409) return;
    throw error;
  }
}

export interface StatementQuery {
  verb?: string;
  activity?: string;
  registration?: string;
  /** ISO 8601: only statements stored after this. */
  since?: string;
  related_activities?: boolean;
  limit?: number;
}

/** Reads every statement matching the query, following the LRS's `more` links. */
export async function* readStatements(connection: LrsConnection, query: StatementQuery = {}, fetchImpl: typeof fetch = fetch): AsyncGenerator<Statement[]> {
  const base = normalEndpoint(connection.endpoint);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ limit: 500, ...query })) if (value !== undefined) params.set(name, String(value));
  let url = `${base}statements?${params}`;
  for (;;) {
    const response = await request(url, { headers: headers(connection) }, fetchImpl);
    const page = (await response.json()) as { statements?: Statement[]; more?: string };
    yield page.statements ?? [];
    if (!page.more) return;
    url = new URL(page.more, base).toString();
  }
}

/** Checks that the endpoint is an LRS. Credentials are checked by the first send: a trainee's write-only key may not read. */
export async function checkConnection(connection: LrsConnection, fetchImpl: typeof fetch = fetch): Promise<string> {
  const about = await request(`${normalEndpoint(connection.endpoint)}about`, { headers: headers(connection) }, fetchImpl);
  const versions = ((await about.json()) as { version?: string[] }).version ?? [];
  return `Connected: the LRS speaks xAPI ${versions.join(', ') || 'an unknown version'}`;
}

/**
 * Reads one JSON document from the State or Agent Profile API (a cmi5 launch
 * reads LMS.LaunchData and the learner's preferences): null when the LRS
 * holds none (404).
 */
export async function readDocument(connection: LrsConnection, resource: 'activities/state' | 'agents/profile', params: Record<string, string>, fetchImpl: typeof fetch = fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await request(`${normalEndpoint(connection.endpoint)}${resource}?${new URLSearchParams(params)}`, { headers: headers(connection) }, fetchImpl);
  } catch (error) {
    if (error instanceof LrsError && error.status === 404) return null;
    throw error;
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new LrsError(`The LRS's ${resource} document is not JSON`, false, response.status);
  }
}
