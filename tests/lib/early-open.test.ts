// @vitest-environment jsdom
/**
 * The classic script index.html runs before the app's bundle arrives
 * (src/build/early-open-plugin.ts): it opens storage early and the app
 * takes that connection, but it never creates or upgrades the database.
 */
import { IDBFactory } from 'fake-indexeddb';
import { EARLY_OPEN_SCRIPT } from '../../src/build/early-open-plugin';
import { EARLY_OPEN_GLOBAL } from '../../src/lib/storage/database-name';
import { findBestRoute } from '../../src/engine/scenario/routes';
import { describeEvent } from '../../src/engine/scenario/scenario-report';
import { loadScenarioFile, play } from '../helpers/play';
import { sessionOf } from '../helpers/sessions';

const IRATE = loadScenarioFile('scenarios/irate-outage.json');
const ROUTE = findBestRoute(IRATE).events.map(describeEvent);

/** A page load: the early script first, then a fresh copy of the app's storage modules. */
async function loadPage() {
  new Function(EARLY_OPEN_SCRIPT)();
  const early = (globalThis as Record<string, unknown>)[EARLY_OPEN_GLOBAL] as Promise<IDBDatabase | null>;
  vi.resetModules();
  return { early, store: await import('../../src/lib/session-store') };
}

describe('the early open of storage', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
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
});
