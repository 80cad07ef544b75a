// @vitest-environment jsdom
/**
 * The classic script index.html runs before the app's bundle arrives
 * (src/build/early-open-plugin.ts): it opens storage early and the app
 * takes that connection, but it never creates or upgrades the database.
 */
import { IDBFactory } from 'fake-indexeddb';
import { EARLY_OPEN_SCRIPT } from '../../src/build/early-open-plugin';
import { EARLY_BEST_SCORES_GLOBAL, EARLY_OPEN_GLOBAL, PREFERENCES_KEY } from '../../src/lib/storage/database-name';
import { findBestRoute } from '../../src/engine/scenario/routes';
import { describeEvent } from '../../src/engine/scenario/scenario-report';
import { loadScenarioFile, play, playAndScore } from '../helpers/play';
import { sessionOf } from '../helpers/sessions';

const IRATE = loadScenarioFile('scenarios/irate-outage.json');
const BILLING = loadScenarioFile('scenarios/billing-dispute.json');
const ROUTE = findBestRoute(IRATE).events.map(describeEvent);

/** A page load: the early script first, then a fresh copy of the app's storage modules. */
async function loadPage() {
  new Function(EARLY_OPEN_SCRIPT)();
  const early = (globalThis as Record<string, unknown>)[EARLY_OPEN_GLOBAL] as Promise<IDBDatabase | null>;
  vi.resetModules();
  return { early, store: await import('../../src/lib/session-store'), best: await import('../../src/lib/storage/best-scores') };
}

const holder = globalThis as Record<string, unknown>;

function signIn(traineeName: string) {
  localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ state: { traineeName }, version: 0 }));
}

describe('the early open of storage', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    localStorage.clear();
  });

  it('leaves a browser that never stored anything for the app to set up, and the app then stores', async () => {
    const { early, store } = await loadPage();
    expect(await early).toBeNull();
    const session = sessionOf(IRATE, play(IRATE, ROUTE.slice(0, 3)));
    expect(await store.saveSession(session)).toBe('stored');
    expect((await store.loadSession(session.id))?.saved.log.length).toBe(3);
  });

  it('hands the app the connection it opened, so storage is opened once per page and reads as before', async () => {
    const session = sessionOf(IRATE, play(IRATE, ROUTE.slice(0, 4)));
    expect(await (await loadPage()).store.saveSession(session)).toBe('stored');
    const open = vi.spyOn(globalThis.indexedDB, 'open');
    const { early, store } = await loadPage();
    expect(await early).not.toBeNull();
    expect((await store.loadSession(session.id))?.saved.log.length).toBe(4);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("reads the signed-in trainee's best score on every scenario before the app runs, and the picker's read takes it", async () => {
    const { call, scorecard } = playAndScore(IRATE, ROUTE);
    const scored = (scenario: typeof IRATE, id: string, traineeName: string, overall: number) =>
      sessionOf(scenario, scenario === IRATE ? call : play(BILLING, ['ANSWER']), { id, traineeName, scorecard: { ...scorecard, overall } });
    const { store } = await loadPage();
    // "Anna" sorts inside "Ann"'s range as a string prefix would; a call not scored has no score.
    for (const session of [scored(IRATE, 'a', 'Ann', 61), scored(IRATE, 'b', 'Ann', 88), scored(BILLING, 'c', 'Ann', 70), scored(IRATE, 'd', 'Anna', 99), scored(BILLING, 'e', 'Bob', 100), sessionOf(BILLING, play(BILLING, ['ANSWER']), { id: 'f', traineeName: 'Ann' })]) {
      expect(await store.saveSession(session)).toBe('stored');
    }
    signIn('Ann');
    const page = await loadPage();
    await page.early;
    const early = holder[EARLY_BEST_SCORES_GLOBAL] as { traineeName: string; best: Promise<Record<string, number>> };
    expect(early.traineeName).toBe('Ann');
    expect(await early.best).toEqual({ 'irate-outage': 88, 'billing-dispute': 70 });
    expect(await page.best.bestScores('Ann', ['irate-outage', 'billing-dispute', 'gym-cancellation'])).toEqual({ 'irate-outage': 88, 'billing-dispute': 70 });
    expect(holder[EARLY_BEST_SCORES_GLOBAL]).toBeUndefined();
  });

  it('leaves a read for another trainee, or for nobody signed in, to the app', async () => {
    const { call, scorecard } = playAndScore(IRATE, ROUTE);
    expect(await (await loadPage()).store.saveSession(sessionOf(IRATE, call, { id: 'a', traineeName: 'Ann', scorecard }))).toBe('stored');
    const nobody = await loadPage();
    await nobody.early;
    expect(holder[EARLY_BEST_SCORES_GLOBAL]).toBeUndefined();
    signIn('Bob');
    const page = await loadPage();
    await page.early;
    expect(await page.best.bestScores('Ann', ['irate-outage'])).toEqual({ 'irate-outage': scorecard.overall });
  });
});
