// @vitest-environment jsdom
/**
 * Storage as two tabs see it: each "tab" is a fresh copy of the storage
 * modules (its own memory and revisions) over the same IndexedDB.
 */
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import type { StoredSession } from '../../src/engine/records/stored-session';
import { Call } from '../../src/engine/call/call';
import { findBestRoute } from '../../src/engine/scenario/routes';
import { describeEvent } from '../../src/engine/scenario/scenario-report';
import { loadScenarioFile, play, playAndScore } from '../helpers/play';
import { sessionOf } from '../helpers/sessions';

type Store = typeof import('../../src/lib/session-store');
type Lists = typeof import('../../src/lib/storage/summaries') & typeof import('../../src/lib/storage/best-scores');

async function openTab(): Promise<Store & Lists> {
  vi.resetModules();
  return { ...(await import('../../src/lib/session-store')), ...(await import('../../src/lib/storage/summaries')), ...(await import('../../src/lib/storage/best-scores')) };
}

const IRATE = loadScenarioFile('scenarios/irate-outage.json');
const ROUTE = findBestRoute(IRATE).events.map(describeEvent);

describe('stored sessions', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    localStorage.clear();
  });

  it('come back exactly as saved, and a resumed call replays exactly', async () => {
    const tab = await openTab();
    const call = play(IRATE, ROUTE.slice(0, 5));
    const session = sessionOf(IRATE, call);
    expect(await tab.saveSession(session)).toBe('stored');
    const other = await openTab();
    const loaded = await other.loadSession(session.id);
    expect(loaded).toEqual({ ...session, revision: 1 });
    expect(Call.resume(IRATE, loaded!.saved).exact).toBe(true);
  });

  it('refuse a stale tab’s write: the newer turn stays', async () => {
    const first = sessionOf(IRATE, play(IRATE, ROUTE.slice(0, 2)));
    const tabA = await openTab();
    await tabA.saveSession(first);
    const tabB = await openTab();
    await tabB.loadSession(first.id);
    const refusals: string[] = [];
    tabB.onSaveRefused((id) => refusals.push(id));
    expect(await tabA.saveSession(sessionOf(IRATE, play(IRATE, ROUTE.slice(0, 3))))).toBe('stored');
    expect(await tabB.saveSession(sessionOf(IRATE, play(IRATE, ['ANSWER', 'HOLD'])))).toBe('refused');
    expect(refusals).toEqual([first.id]);
    const stored = await (await openTab()).loadSession(first.id);
    expect(stored?.saved.log.length).toBe(3);
    expect(stored?.revision).toBe(2);
  });

  it('never take a scored session back to live, even from the tab that scored it', async () => {
    const { call, scorecard } = playAndScore(IRATE, ROUTE);
    const tab = await openTab();
    await tab.saveSession(sessionOf(IRATE, call));
    expect(await tab.saveSession(sessionOf(IRATE, call, { scorecard }))).toBe('stored');
    expect(await tab.saveSession({ ...sessionOf(IRATE, call), status: 'live' })).toBe('refused');
    expect((await (await openTab()).loadSession('session-1'))?.status).toBe('scored');
  });

  it('append each turn instead of rewriting the call: a late turn writes as little as an early one', async () => {
    const tab = await openTab();
    const call = new Call(IRATE, { seed: 'long', clock: play(IRATE, []).clock });
    call.answer();
    const session = sessionOf(IRATE, call, { id: 'long' });
    await tab.saveSession(session);
    const sizes: number[] = [];
    for (let turn = 0; turn < 120; turn++) {
      call.send({ type: turn % 2 ? 'RESUME' : 'HOLD' });
      await tab.saveSession(sessionOf(IRATE, call, { id: 'long' }));
      sizes.push(tab.lastWriteSize().bytes);
    }
    const whole = JSON.stringify(sessionOf(IRATE, call, { id: 'long' })).length;
    expect(sizes.at(-1)!).toBeLessThan(whole / 10);
    expect(sizes.at(-1)!).toBeLessThan(sizes[5]! * 1.5);
    const loaded = await (await openTab()).loadSession('long');
    expect(loaded?.record.transcript).toEqual(call.record().transcript);
    expect(Call.resume(IRATE, loaded!.saved).exact).toBe(true);
  });

  it('give each trainee’s best score per scenario from the index, and lists from summaries', async () => {
    const tab = await openTab();
    const { call, scorecard } = playAndScore(IRATE, ROUTE);
    const scored = (id: string, traineeName: string, overall: number): StoredSession => ({ ...sessionOf(IRATE, call, { id, traineeName, scorecard: { ...scorecard, overall } }) });
    for (const session of [scored('a', 'Ann', 61), scored('b', 'Ann', 88), scored('c', 'Bob', 95), sessionOf(IRATE, play(IRATE, ['ANSWER']), { id: 'd', traineeName: 'Ann' })]) await tab.saveSession(session);
    const other = await openTab();
    expect(await other.bestScores('Ann', ['irate-outage', 'billing-dispute'])).toEqual({ 'irate-outage': 88 });
    expect(await other.bestScores('Cy', ['irate-outage'])).toEqual({});
    const page = await other.listSummaries({ filter: { traineeName: 'Ann' }, sort: { key: 'overall', direction: 'desc' } });
    expect(page.items.map((summary) => [summary.id, summary.overall])).toEqual([['b', 88], ['a', 61], ['d', null]]);
    // Kept for the next visit's first render, which shows them until its own read answers; a best whose calls are gone goes too.
    const { rememberedBestScores } = await import('../../src/lib/storage/best-scores');
    expect(rememberedBestScores('Ann', ['irate-outage'])).toEqual({ 'irate-outage': 88 });
    expect(rememberedBestScores('Dee', ['irate-outage'])).toBeNull();
    await other.deleteSession('b');
    await other.deleteSession('a');
    expect(await other.bestScores('Ann', ['irate-outage'])).toEqual({});
    expect(rememberedBestScores('Ann', ['irate-outage'])).toEqual({});
    // A call scored here raises what is remembered as it is stored, before any picker reads the index again.
    await other.saveSession(scored('f', 'Ann', 93));
    expect(rememberedBestScores('Ann', ['irate-outage'])).toEqual({ 'irate-outage': 93 });
    await other.saveSession(scored('g', 'Ann', 50));
    expect(rememberedBestScores('Ann', ['irate-outage'])).toEqual({ 'irate-outage': 93 });
  });

  it('give one trainee’s scored calls from the trainee index, with this tab’s later changes laid over them', async () => {
    const tab = await openTab();
    const { call, scorecard } = playAndScore(IRATE, ROUTE);
    const scored = (id: string, traineeName: string, overall: number): StoredSession => ({ ...sessionOf(IRATE, call, { id, traineeName, scorecard: { ...scorecard, overall } }) });
    for (const session of [scored('a', 'Ann', 61), scored('b', 'Ann', 88), scored('c', 'Bob', 95), sessionOf(IRATE, play(IRATE, ['ANSWER']), { id: 'd', traineeName: 'Ann' })]) await tab.saveSession(session);
    const other = await openTab();
    await other.deleteSession('a');
    await other.saveSession(scored('e', 'Ann', 70));
    const ids = (await other.scoredSummariesOf('Ann')).map((summary) => summary.id).sort();
    expect(ids).toEqual(['b', 'e']);
    // Once the whole list is read, the answer comes from it and is the same.
    await other.listSummaries();
    expect((await other.scoredSummariesOf('Ann')).map((summary) => summary.id).sort()).toEqual(['b', 'e']);
  });

  it('can be deleted and put back, and other lists in the tab follow', async () => {
    const tab = await openTab();
    await tab.saveSession(sessionOf(IRATE, play(IRATE, ROUTE.slice(0, 4))));
    expect((await tab.listSummaries()).total).toBe(1);
    const deleted = await tab.deleteSession('session-1');
    expect((await tab.listSummaries()).total).toBe(0);
    expect(await (await openTab()).loadSession('session-1')).toBeUndefined();
    expect(await tab.restoreSession(deleted!)).toBe('stored');
    const back = await (await openTab()).loadSession('session-1');
    expect(back?.record.transcript).toEqual(deleted!.record.transcript);
    expect((await tab.listSummaries()).items.map((summary) => summary.id)).toEqual(['session-1']);
  });

  it('are carried over from the first storage version, whole sessions in one store', async () => {
    const { call, scorecard } = playAndScore(IRATE, ROUTE);
    const { revision: _, ...old } = sessionOf(IRATE, call, { id: 'old', scorecard });
    const v1 = await openDB('call-trainer', 1, { upgrade: (db) => db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt') });
    await v1.put('sessions', old);
    v1.close();
    const tab = await openTab();
    expect(await tab.loadSession('old')).toEqual({ ...old, revision: 1 });
    expect(await tab.bestScores('Sam', ['irate-outage'])).toEqual({ 'irate-outage': scorecard.overall });
  });
});

describe('transcript search', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    localStorage.clear();
  });

  async function searchTab() {
    return { ...(await openTab()), ...(await import('../../src/lib/storage/transcript-search')) };
  }

  it('finds the scored calls in which every word asked for was said, and forgets a deleted one', async () => {
    const tab = await searchTab();
    const { call, scorecard } = playAndScore(IRATE, ROUTE);
    const said = call.record().transcript.flatMap((entry) => (entry.kind === 'customer' ? [entry.text] : []))[0]!;
    const word = said.toLowerCase().match(/[a-z]{5,}/)![0];
    await tab.saveSession(sessionOf(IRATE, call, { id: 'scored', scorecard }));
    await tab.saveSession({ ...sessionOf(IRATE, play(IRATE, ROUTE.slice(0, 3)), { id: 'live' }) });
    expect(await tab.sessionsSaying(word.slice(0, 4).toUpperCase())).toEqual(new Set(['scored']));
    expect(await tab.sessionsSaying(`${word} zzyzx`)).toEqual(new Set());
    expect(await tab.sessionsSaying('  ')).toBeNull();
    await tab.deleteSession('scored');
    expect(await tab.sessionsSaying(word)).toEqual(new Set());
  });

  it('indexes the calls stored before transcript search existed', async () => {
    const { call, scorecard } = playAndScore(IRATE, ROUTE);
    // A database as version 2 left it: no words store.
    const v2 = await openDB('call-trainer', 2, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        db.createObjectStore('turns', { keyPath: ['sessionId', 'index'] });
        db.createObjectStore('events', { keyPath: ['sessionId', 'index'] });
        db.createObjectStore('summaries', { keyPath: 'id' }).createIndex('status', 'status');
      },
    });
    const { rowsOf } = await import('../../src/lib/storage/session-rows');
    const { summarise } = await import('../../src/engine/records/summary');
    const session = { ...sessionOf(IRATE, call, { id: 'older', scorecard }), status: 'scored' as const, revision: 1 };
    const { head, turns, events } = rowsOf(session);
    await v2.put('sessions', head);
    for (const row of turns) await v2.put('turns', row);
    for (const row of events) await v2.put('events', row);
    await v2.put('summaries', summarise(session));
    v2.close();
    const upgraded = await searchTab();
    const word = call.record().transcript.flatMap((entry) => (entry.kind === 'trainee' ? [entry.text] : [])).join(' ').toLowerCase().match(/[a-z]{6,}/)![0];
    expect(await upgraded.sessionsSaying(word)).toEqual(new Set(['older']));
  });
});
