/**
 * A cmi5 launch end to end: an LMS opens the app with launch parameters, the
 * trainee takes a prepared call, and the LMS's LRS ends up holding the launch
 * by the cmi5 rules (initialized first, one completed and one passed,
 * terminated last, each with the session id and the registration).
 *
 * The statements go to the real test LRS (xapi-statements, which validates
 * each). It has no State or Agent Profile API (its routes are about,
 * activities and statements only), so a small stub in this file plays the
 * LMS: it hands out the token once from its fetch URL (an error the second
 * time, as the spec says), serves LMS.LaunchData and the learner preferences,
 * and passes statement requests on to the real LRS, checking each carries the
 * token. It also serves the LMS page the return link leads to.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allStatements, LRS_AUTH, startLrs, type TestLrs } from '../helpers/lrs';
import { cmi5Violations, type LooseStatement } from '../helpers/cmi5-rules';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { fillNotesAndScore, goodRoute, playSteps, scenarioFile, startCall } from './flows';

const TOKEN = 'bG1zLWxhdW5jaDpvbmNl';
const ACTOR = { objectType: 'Agent', name: 'Lee Learner', account: { homePage: 'https://lms.example.org', name: 'lee-7' } };
const REGISTRATION = '2f6f0a1e-8c1b-4d55-9a3e-6f2b0c9d7e11';
const ACTIVITY = 'https://lms.example.org/au/call-trainer/billing-dispute/2f6f0a1e';
const PUBLISHER = 'https://call-trainer.example/au/billing-dispute';
const SESSION = 'lms-session-0001';
const SESSION_ID_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

/** A second launch: a scenario assigned through launchParameters, opened in Browse mode. */
const BROWSE_REGISTRATION = '7c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5';
const BROWSE_SESSION = 'lms-session-0002';

interface StubLms {
  url: string;
  /** POSTs to each launch's fetch URL, by its key. */
  fetchCalls: Record<string, number>;
  /** Statement requests the LRS answered with an error (its warnings name the field). */
  lrsRefusals: string[];
  /** Requests to the LMS's xAPI endpoint without the token. */
  unauthorised: string[];
  /** While true, statement requests get a 503, as from an LMS down for a moment. */
  down: boolean;
  close(): Promise<void>;
}

function body(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function startStubLms(lrs: TestLrs): Promise<StubLms> {
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version', 'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS' };
  const json = (response: ServerResponse, status: number, value: unknown) => response.writeHead(status, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(value));
  let url = '';
  const launchData = (registration: string) => ({
    contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: PUBLISHER }] }, extensions: { [SESSION_ID_EXT]: registration === REGISTRATION ? SESSION : BROWSE_SESSION } },
    launchMode: registration === REGISTRATION ? 'Normal' : 'Browse',
    moveOn: 'CompletedAndPassed',
    returnURL: `${url}lms/course`,
    ...(registration === BROWSE_REGISTRATION ? { launchParameters: '{"scenario": "billing-dispute"}' } : {}),
  });
  const stub: StubLms = { url: '', fetchCalls: {}, lrsRefusals: [], unauthorised: [], down: false, close: async () => {} };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', url);
      if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
      if (path.pathname === '/fetch' && request.method === 'POST') {
        const key = path.searchParams.get('k') ?? '';
        stub.fetchCalls[key] = (stub.fetchCalls[key] ?? 0) + 1;
        return json(response, 200, stub.fetchCalls[key] === 1 ? { 'auth-token': TOKEN } : { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      }
      if (path.pathname === '/lms/course') return void response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>LMS</title><h1>Back in the LMS</h1>');
      if (!path.pathname.startsWith('/xapi/')) return void response.writeHead(404, cors).end();
      if (request.headers.authorization !== `Basic ${TOKEN}`) {
        stub.unauthorised.push(`${request.method} ${path.pathname}`);
        return json(response, 401, { message: 'no token' });
      }
      const resource = path.pathname.slice('/xapi/'.length);
      if (resource === 'activities/state') {
        const query = path.searchParams;
        const registration = query.get('registration') ?? '';
        const ours = query.get('stateId') === 'LMS.LaunchData' && query.get('activityId') === ACTIVITY && [REGISTRATION, BROWSE_REGISTRATION].includes(registration) && JSON.parse(query.get('agent') ?? 'null')?.account?.name === ACTOR.account.name;
        return ours ? json(response, 200, launchData(registration)) : json(response, 404, { message: 'no such state' });
      }
      if (resource === 'agents/profile') return json(response, 200, { languagePreference: 'en-US', audioPreference: 'off' });
      if (stub.down && resource === 'statements') return json(response, 503, { message: 'down for maintenance' });
      // Everything else is the LRS's: passed on as it came, answered as it answers.
      const payload = await body(request);
      const answer = await fetch(`${lrs.endpoint}${resource}${path.search}`, {
        method: request.method,
        headers: { Authorization: LRS_AUTH, 'X-Experience-API-Version': '1.0.3', ...(request.headers['content-type'] ? { 'Content-Type': request.headers['content-type'] } : {}) },
        ...(payload.length ? { body: new Uint8Array(payload) } : {}),
      });
      const text = await answer.text();
      if (answer.status >= 400) stub.lrsRefusals.push(`${request.method} ${resource}: ${answer.status} ${text.slice(0, 500)}`);
      response.writeHead(answer.status, { ...cors, 'Content-Type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
    })().catch((error: Error) => response.writeHead(500, cors).end(error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  stub.url = url;
  stub.close = () => new Promise((resolve) => server.close(() => resolve()));
  return stub;
}

function launchUrl(baseUrl: string, stub: StubLms, key = '1', registration = REGISTRATION): string {
  const params = new URLSearchParams({ endpoint: `${stub.url}xapi/`, fetch: `${stub.url}fetch?k=${key}`, actor: JSON.stringify(ACTOR), registration, activityId: ACTIVITY });
  return `${baseUrl}?${params}#/`;
}

describe('a cmi5 launch from an LMS', () => {
  let lrs: TestLrs;
  let stub: StubLms;
  let trainee: BrowserSession;
  beforeAll(async () => {
    lrs = await startLrs();
    stub = await startStubLms(lrs);
    trainee = await openBrowser();
  });
  afterAll(async () => {
    await trainee?.close();
    await stub?.close();
    await lrs?.stop();
  });

  it('reports a prepared call to the LMS by the cmi5 rules and returns the trainee to the LMS', async () => {
    const { page, baseUrl } = trainee;
    await page.goto(launchUrl(baseUrl, stub));
    const banner = page.getByRole('region', { name: 'Your LMS' });
    await banner.getByText('Launched from your LMS: the call you take is reported to it.').waitFor();
    // The learner's name comes from the launch, and their audio preference ("off") mutes the call.
    await page.getByText('Trainee: Lee Learner').waitFor();
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('call-trainer-preferences'))) ?? '{}').state.muted).toBe(true);

    // A reload goes on with the token kept for the session: the fetch URL is asked once.
    await page.reload();
    await banner.getByText('Launched from your LMS: the call you take is reported to it.').waitFor();
    expect(stub.fetchCalls).toEqual({ 1: 1 });

    const scenario = scenarioFile('billing-dispute');
    await page.getByRole('heading', { name: 'Choose a call' }).waitFor();
    await startCall(page, scenario);
    const { steps, notes } = goodRoute('billing-dispute');
    await playSteps(page, scenario, steps.slice(0, 5));
    mkdirSync('/work/shots', { recursive: true });
    await page.screenshot({ path: '/work/shots/cmi5-launch.png', fullPage: true });
    await playSteps(page, scenario, steps.slice(5));
    await fillNotesAndScore(page, notes);
    await banner.getByText(`Your call “${scenario.title}” is reported to your LMS: passed.`).waitFor();
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).not.toMatch(/waiting to send/);
    await page.screenshot({ path: '/work/shots/cmi5-reported.png' });
    expect(await axeViolations(page)).toEqual([]);

    await banner.getByRole('link', { name: 'Return to the LMS' }).click();
    await page.getByRole('heading', { name: 'Back in the LMS' }).waitFor();

    const stored = (await allStatements(lrs, `&registration=${REGISTRATION}`)) as unknown as LooseStatement[];
    const turns = steps.filter((step) => !/^(ANSWER|LOOKUP|HOLD|RESUME|END|ESCALATE)/.test(step)).length;
    const controls = steps.filter((step) => /^(LOOKUP|HOLD|RESUME|ESCALATE)/.test(step)).length;
    expect(stored).toHaveLength(turns + controls + 4);
    const byTime = [...stored].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp)).map((s) => s.verb.id.split('/').pop());
    expect(byTime[0]).toBe('initialized');
    expect(byTime.at(-1)).toBe('terminated');
    expect(byTime.filter((verb) => verb === 'completed')).toHaveLength(1);
    expect(byTime.filter((verb) => verb === 'passed' || verb === 'failed')).toEqual(['passed']);
    for (const statement of stored) {
      expect(statement.context?.registration).toBe(REGISTRATION);
      expect(statement.context?.extensions?.[SESSION_ID_EXT]).toBe(SESSION);
    }
    expect(cmi5Violations(stored, { activityId: ACTIVITY, registration: REGISTRATION, sessionId: SESSION, launchMode: 'Normal', masteryScore: null, templateGrouping: [PUBLISHER] })).toEqual([]);
    expect(stub.lrsRefusals).toEqual([]);
    expect(stub.unauthorised).toEqual([]);
    expect(trainee.errors).toEqual([]);
  });

  it('says so when the launch key was already handed out, and reports nothing', async () => {
    // A second tab has its own session storage: it must ask the fetch URL again, which now answers with an error.
    const other = await trainee.context.newPage();
    await other.goto(launchUrl(trainee.baseUrl, stub));
    const banner = other.getByRole('region', { name: 'Your LMS' });
    await banner.getByText(/The LMS refused the launch key \(error 1, the launch key was already handed out or has expired: The authorization token has already been returned\.\)/).waitFor();
    expect(stub.fetchCalls).toEqual({ 1: 2 });
    expect(await axeViolations(other)).toEqual([]);
    await other.close();
  });

  it('opens an assigned scenario\'s briefing, and in Browse mode sends only initialized and terminated, the last after the LMS was down a moment', async () => {
    const page = await trainee.context.newPage();
    await page.goto(launchUrl(trainee.baseUrl, stub, '2', BROWSE_REGISTRATION));
    const title = scenarioFile('billing-dispute').title;
    const banner = page.getByRole('region', { name: 'Your LMS' });
    await banner.getByText(`Launched from your LMS for the call “${title}”: the call you take is reported to it (Browse mode: without a score).`).waitFor();
    await page.getByRole('button', { name: 'Start the call' }).waitFor();
    expect(page.url()).toMatch(/#\/briefing\/billing-dispute$/);
    expect(await axeViolations(page)).toEqual([]);

    await expect.poll(async () => (await allStatements(lrs, `&registration=${BROWSE_REGISTRATION}`)).length, { timeout: 30_000 }).toBe(1);
    stub.down = true;
    await banner.getByRole('link', { name: 'Return to the LMS' }).click();
    await banner.getByText('Not sent yet: The LRS answered 503: down for maintenance.').waitFor();
    expect(page.url()).toMatch(/#\/briefing\/billing-dispute$/);
    // The LMS is back: the waiting terminated goes on its own, and only then does the page leave for the LMS.
    stub.down = false;
    await page.getByRole('heading', { name: 'Back in the LMS' }).waitFor({ timeout: 30_000 });
    const stored = (await allStatements(lrs, `&registration=${BROWSE_REGISTRATION}`)) as unknown as LooseStatement[];
    expect(stored.map((s) => s.verb.id.split('/').pop()).sort()).toEqual(['initialized', 'terminated']);
    expect(cmi5Violations(stored, { activityId: ACTIVITY, registration: BROWSE_REGISTRATION, sessionId: BROWSE_SESSION, launchMode: 'Browse', masteryScore: null, templateGrouping: [PUBLISHER] })).toEqual([]);
    expect(stub.lrsRefusals).toEqual([]);
    await page.close();
  });
});
