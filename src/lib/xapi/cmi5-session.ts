/**
 * A cmi5 launch in this tab (loaded only when the page address carries launch
 * parameters): the one-time authorization token, LMS.LaunchData and the
 * learner's preferences, then `initialized`; the first scored call's
 * statements; `terminated` and the way back to the LMS when the trainee
 * leaves. What to send is decided in src/engine/records/cmi5-statements.ts.
 *
 * Everything lives in sessionStorage, as long as the token does (the spec
 * limits it to the session): a reload goes on with the same token, since the
 * fetch URL hands one out only once. The launch's statements wait in their
 * own queue there, sent strictly in order, never in the IndexedDB outbox:
 * that one belongs to the LRS in Settings, and a launch must not send this
 * browser's other records to the LMS, nor the LMS's to the team's LRS.
 */
import { create } from 'zustand';
import { assignedScenarioId, parseAuthTokenResponse, parseLaunchData, parseLaunchParameters, mutedByPreferences, CMI5, type Cmi5Launch, type LaunchData, type LaunchMode } from '../../engine/records/cmi5-launch';
import { callStatements, initializedStatement, terminatedStatement, type PriorVerdicts } from '../../engine/records/cmi5-statements';
import type { ScoredSession } from '../../engine/records/scored-session';
import type { Statement } from '../../engine/records/xapi-statement';
import { VERBS } from '../../engine/records/xapi-vocabulary';
import { usePreferences } from '../preferences';
import { summaryById } from '../scenarios';
import { LrsError, readDocument, readStatements, sendStatements, type LrsConnection } from './lrs-client';

interface Reported {
  sessionId: string;
  scenarioTitle: string;
  verdict: 'passed' | 'failed' | null;
  completed: boolean;
  note: string | null;
}

interface StoredLaunch {
  /** Which launch this is: a new launch in the same tab comes with a new fetch URL. */
  fetchUrl: string;
  token: string;
  launchData?: LaunchData;
  prior?: PriorVerdicts;
  initializedAt?: string;
  reported?: Reported;
  /** The latest timestamp queued so far: `terminated` comes after it. */
  lastAt?: string;
  terminatedAt?: string;
  queue: Statement[];
}

export interface LaunchView {
  status: 'starting' | 'ready' | 'failed' | 'finishing' | 'finished';
  problems: string[];
  launchMode: LaunchMode | null;
  returnUrl: string | null;
  /** The scenario the LMS assigned (launchParameters), or null when the trainee chooses. */
  assigned: { id: string; title: string } | null;
  reported: Reported | null;
  /** Why the latest scored call was not reported, if it was not. */
  notReported: string | null;
  waiting: number;
  sendProblem: string | null;
}

export const useCmi5Launch = create<LaunchView>(() => ({ status: 'starting', problems: [], launchMode: null, returnUrl: null, assigned: null, reported: null, notReported: null, waiting: 0, sendProblem: null }));

const STORAGE_KEY = 'call-trainer-cmi5-launch';

function readStored(launch: Cmi5Launch): StoredLaunch | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as StoredLaunch | null;
    return stored && stored.fetchUrl === launch.fetchUrl ? stored : null;
  } catch {
    return null;
  }
}

let current: { launch: Cmi5Launch; stored: StoredLaunch } | null = null;

function save(): void {
  if (!current) return;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(current.stored));
  } catch {
    // Storage full or refused: the launch goes on in this page; a reload would need a new launch.
  }
  const { stored } = current;
  useCmi5Launch.setState({ waiting: stored.queue.length, reported: stored.reported ?? null, returnUrl: stored.launchData?.returnUrl ?? null, launchMode: stored.launchData?.launchMode ?? null });
}

function connection(): LrsConnection {
  return { endpoint: current!.launch.endpoint, authorization: `Basic ${current!.stored.token}` };
}

async function fetchToken(fetchUrl: string): Promise<string> {
  let response: Response;
  try {
    // POST, never GET (spec 8.2.1), so nothing on the way caches the token.
    response = await fetch(fetchUrl, { method: 'POST' });
  } catch (error) {
    throw new Error(`Your LMS could not be reached for the launch key (${(error as Error).message})`);
  }
  const body = (await response.json().catch(() => null)) as unknown;
  const answer = parseAuthTokenResponse(response.status, body);
  if ('problem' in answer) throw new Error(answer.problem);
  return answer.token;
}

/** Earlier launches of this registration: cmi5 allows one completed and one passed per registration. A key that may not read counts as none. */
async function priorVerdicts(launch: Cmi5Launch): Promise<PriorVerdicts> {
  const any = async (verbId: string) => {
    try {
      for await (const page of readStatements(connection(), { registration: launch.registration, activity: launch.activityId, verb: verbId, limit: 1 })) return page.length > 0;
    } catch {
      // not allowed to read, or not answered: go on as if none
    }
    return false;
  };
  return { completed: await any(VERBS.completed.id), passed: await any(VERBS.passed.id) };
}

async function applyLearnerPreferences(launch: Cmi5Launch): Promise<void> {
  try {
    const document = await readDocument(connection(), 'agents/profile', { agent: JSON.stringify(launch.actor), profileId: CMI5.learnerPreferencesProfileId });
    const muted = mutedByPreferences(document);
    if (muted !== null) usePreferences.getState().setMuted(muted);
  } catch {
    // The preferences are the learner's comfort, not the launch's: without them the trainee's own setting stays.
  }
}

async function start(): Promise<void> {
  const parsed = parseLaunchParameters(location.search);
  if (parsed.kind !== 'launch') {
    useCmi5Launch.setState({ status: 'failed', problems: parsed.kind === 'invalid' ? parsed.problems : ['no launch parameters'] });
    return;
  }
  const { launch } = parsed;
  try {
    const earlier = readStored(launch);
    const stored = earlier ?? { fetchUrl: launch.fetchUrl, token: await fetchToken(launch.fetchUrl), queue: [] };
    current = { launch, stored };
    // Kept at once: the fetch URL will not hand it out again.
    save();
    if (!stored.launchData) {
      const document = await readDocument(connection(), 'activities/state', { stateId: CMI5.launchDataStateId, activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration });
      if (document === null) throw new Error(`Your LMS has no ${CMI5.launchDataStateId} for this launch`);
      const data = parseLaunchData(document);
      if ('problems' in data) {
        useCmi5Launch.setState({ status: 'failed', problems: data.problems });
        return;
      }
      stored.launchData = data.data;
    }
    const assigned = assignedScenarioId(stored.launchData.launchParameters);
    if ('problem' in assigned) throw new Error(assigned.problem);
    const scenario = assigned.id ? summaryById(assigned.id) : null;
    if (assigned.id && !scenario) throw new Error(`${CMI5.launchDataStateId}.launchParameters assigns the scenario "${assigned.id}", which this app does not have`);
    useCmi5Launch.setState({ assigned: scenario ? { id: scenario.id, title: scenario.title } : null });
    await applyLearnerPreferences(launch);
    stored.prior ??= await priorVerdicts(launch);
    const preferences = usePreferences.getState();
    if (!preferences.traineeName && launch.actor.name) preferences.setTraineeName(launch.actor.name);
    if (!stored.initializedAt) {
      stored.initializedAt = new Date().toISOString();
      stored.lastAt = stored.initializedAt;
      stored.queue.push(initializedStatement({ launch, launchData: stored.launchData }, stored.initializedAt));
    }
    save();
    useCmi5Launch.setState({ status: stored.terminatedAt ? 'finished' : 'ready' });
    // A fresh launch of an assigned scenario opens on its briefing; a reload stays where the trainee was.
    if (!earlier && scenario && (location.hash === '' || location.hash === '#/')) location.hash = `#/briefing/${encodeURIComponent(scenario.id)}`;
    void flush();
  } catch (error) {
    useCmi5Launch.setState({ status: 'failed', problems: [(error as Error).message] });
  }
}

let starting: Promise<void> | null = null;

/** Starts the launch once per page, however many times it is asked for. */
export function startCmi5Launch(): Promise<void> {
  starting ??= start();
  return starting;
}

let flushing: Promise<boolean> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let attempts = 0;

/** Sends what waits, in order, a request at a time, including what is queued meanwhile. True when nothing waits. */
async function sendQueue(): Promise<boolean> {
  if (!current) return false;
  for (;;) {
    const batch = [...current.stored.queue];
    if (!batch.length) return true;
    try {
      await sendStatements(connection(), batch);
    } catch (error) {
      attempts += 1;
      useCmi5Launch.setState({ sendProblem: (error as Error).message });
      // Offline or a busy LMS: try again, waiting longer each time (2 s up to a minute). A refusal waits for the trainee.
      if (error instanceof LrsError && error.retryable && !retryTimer) retryTimer = setTimeout(retry, Math.min(60_000, 2_000 * 2 ** (attempts - 1)));
      return false;
    }
    attempts = 0;
    current.stored.queue = current.stored.queue.slice(batch.length);
    save();
    useCmi5Launch.setState({ sendProblem: null });
  }
}

/** A later try; while the trainee is leaving, it finishes the leaving too (back to the LMS once `terminated` is through). */
function retry(): void {
  retryTimer = null;
  void (useCmi5Launch.getState().status === 'finishing' ? finishCmi5Launch() : flush());
}

/** One send at a time in this tab. */
export function flush(): Promise<boolean> {
  // Cleared in a callback, never inside sendQueue: an empty queue returns before the promise is even stored.
  flushing ??= sendQueue().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** Reports a scored call to the LMS: the first call of the launch only, and never after `terminated`. */
export async function reportScoredCall(session: ScoredSession): Promise<void> {
  await startCmi5Launch();
  const { status } = useCmi5Launch.getState();
  const launchData = current?.stored.launchData;
  const initializedAt = current?.stored.initializedAt;
  if (!current || !launchData || !initializedAt || status === 'failed') {
    useCmi5Launch.setState({ notReported: 'The launch from your LMS did not start, so this call is not reported to it.' });
    return;
  }
  const { stored, launch } = current;
  if (stored.terminatedAt) {
    useCmi5Launch.setState({ notReported: 'You have finished this launch, so this call is not reported to your LMS.' });
    return;
  }
  if (stored.reported) {
    if (stored.reported.sessionId !== session.id) useCmi5Launch.setState({ notReported: 'Your LMS takes one call per launch, and this launch has reported one: return to the LMS to start another.' });
    return;
  }
  const report = callStatements({ launch, launchData }, session, initializedAt, stored.prior ?? { completed: false, passed: false });
  if (report.kind === 'refused') {
    useCmi5Launch.setState({ notReported: report.reason });
    return;
  }
  stored.queue.push(...report.statements);
  stored.lastAt = report.statements.reduce<string>((latest, statement) => (statement.timestamp > latest ? statement.timestamp : latest), stored.lastAt ?? initializedAt);
  stored.reported = { sessionId: session.id, scenarioTitle: session.scenarioTitle, verdict: report.verdict, completed: report.completed, note: report.note };
  useCmi5Launch.setState({ notReported: null });
  save();
  await flush();
}

/**
 * The trainee is done: `terminated` goes last, and once the LMS has it, the
 * page goes to the LMS's return address (spec 10.2.6), if it gave one.
 */
export async function finishCmi5Launch(): Promise<void> {
  await startCmi5Launch();
  const launchData = current?.stored.launchData;
  const initializedAt = current?.stored.initializedAt;
  if (!current || !launchData || !initializedAt) return;
  const { stored, launch } = current;
  if (!stored.terminatedAt) {
    const now = new Date().toISOString();
    const statement = terminatedStatement({ launch, launchData }, initializedAt, now, stored.lastAt ?? null);
    stored.terminatedAt = statement.timestamp;
    stored.queue.push(statement);
    save();
  }
  useCmi5Launch.setState({ status: 'finishing' });
  const sent = await flush();
  if (!sent) {
    // The statements wait in this tab; the trainee can try again.
    useCmi5Launch.setState({ status: 'finishing' });
    return;
  }
  useCmi5Launch.setState({ status: 'finished' });
  if (launchData.returnUrl) window.location.assign(launchData.returnUrl);
}
