/**
 * Stored sessions at scale. 11: ten thousand sessions seeded into the built
 * app's IndexedDB in headless Chromium (a profile on disk, as a trainee's
 * browser is), then History opened, filtered, a call deleted and put back,
 * and the picker's best scores shown, each timed in the page. 12: what one
 * turn writes, through the real storage adapter over fake-indexeddb in this
 * Node process.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Call } from '../../engine/call/call';
import type { StoredSession } from '../../engine/records/stored-session';
import { summarise } from '../../engine/records/summary';
import { idealNotes } from '../../engine/scenario/scenario-report';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { scoreCall } from '../../engine/scoring/scorer';
import { rowsOf } from '../../lib/storage/session-rows';
import { DB_NAME } from '../../lib/storage/database-name';
import { openProfilePage } from './browser';
import { longRecord, playRandomCall, SeededRandom } from './random-calls';
import { describeTimes, heading, kib, line, ms, summarise as summariseTimes, verdict } from './stats';
import { forgetRememberedBestScores, pageFacts, seedSessions, seenAt, timeHistoryAction, watchStoredSessionPages, type SessionRecords } from './stored-sessions-page';

/** The trainee the bench's browser profile is signed in as (see PREFERENCES in browser.ts). */
const BENCH_TRAINEE = 'Bench';
const TRAINEES = [BENCH_TRAINEE, ...Array.from({ length: 19 }, (_, i) => `Trainee ${String(i + 1).padStart(2, '0')}`)];
const COUNT = '.history-count';
/**
 * The driver touches a page only after its load event: any earlier poll has
 * Playwright compile and run its injected script on the page's main thread
 * while the app starts, which on this machine put about 80 ms (median) into
 * the very timings measured. The timings are taken in the page, so waiting
 * hides nothing.
 */
const LOADED = 'load';

function storedSession(scenario: Scenario, call: Call, id: string, scored: boolean): StoredSession {
  const record = call.record();
  const notes = scored ? idealNotes(scenario, record) : record.notes;
  const scorecard = scored ? scoreCall(scenario, { ...record, notes }) : null;
  const started = '2026-01-01T00:00:00.000Z';
  return {
    id,
    traineeName: BENCH_TRAINEE,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioTitle: scenario.title,
    startedAt: started,
    updatedAt: started,
    status: scored ? 'scored' : 'live',
    replyMode: 'prepared',
    revision: 1,
    origin: 'local',
    saved: call.save(),
    record: { ...record, notes },
    notes,
    scorecard,
  };
}

/** Per scenario: three scored random calls and one left live, as stored records. */
export function templatesForBench(scenarios: Scenario[]): SessionRecords[] {
  const random = new SeededRandom('bench-stored-sessions');
  return scenarios.flatMap((scenario) =>
    [0, 1, 2, 3].map((n) => {
      const { call } = playRandomCall(scenario, random, `${scenario.id}-${n}`);
      const session = storedSession(scenario, call, `${scenario.id}-${n}`, n < 3);
      const { head, turns, events } = rowsOf(session);
      return JSON.parse(JSON.stringify({ head, turns, events, summary: summarise(session) })) as SessionRecords;
    }),
  );
}

async function historyPage(context: BrowserContext, url: string): Promise<{ page: Page; driver: number; inPage: number; counted: number }> {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`${url}#/history`, { waitUntil: LOADED });
  await page.locator('button[aria-label^="Delete the call"]').first().waitFor();
  const driver = performance.now() - started;
  const seen = (name: string) => (window as unknown as { benchSeen?: Record<string, number> }).benchSeen?.[name] !== undefined;
  await page.waitForFunction(seen, 'history');
  await page.waitForFunction(seen, 'historyCounted', { timeout: 60_000 });
  return { page, driver, inPage: (await page.evaluate(seenAt, 'history'))!, counted: (await page.evaluate(seenAt, 'historyCounted'))! };
}

async function timeAction(page: Page, action: Parameters<typeof timeHistoryAction>[0]['action'], doneText: string) {
  return page.evaluate(timeHistoryAction, { action, doneSelector: COUNT, doneText, timeoutMs: 10_000 });
}

const countText = (total: number) => `of ${total.toLocaleString('en-US')} calls`;

export async function benchStoredSessions(executablePath: string, url: string, scenarios: Scenario[], { sessions = 10_000, runs = 5 } = {}) {
  heading(`11. ${sessions.toLocaleString('en-US')} stored calls: History, filter, delete and undo, the picker's best scores (in-page timings, performance.now(), in a profile on disk)`);
  const records = templatesForBench(scenarios);
  // Ten thousand calls are stored only in a browser that has kept its profile, and with it the compiled app code.
  const { context, page: first, errors, close } = await openProfilePage(executablePath);
  try {
    await context.addInitScript(watchStoredSessionPages, { scores: scenarios.length });
    // Let the app create its database, then fill it. First, for reference: History with no calls, which is the page's own start-up.
    const empty: number[] = [];
    for (let run = 0; run <= runs; run++) {
      await first.goto('about:blank');
      await first.goto(`${url}#/history`);
      await first.getByText('No calls yet.').waitFor();
      if (run > 0) empty.push(await first.evaluate(() => performance.now()));
    }
    line('History with no calls (reference)', `${describeTimes(summariseTimes(empty))}   (nav. start → "No calls yet", a bound: read after it showed)`);
    const started = performance.now();
    const { rows } = await first.evaluate(seedSessions, { dbName: DB_NAME, templates: records, traineeNames: TRAINEES, count: sessions, newest: Date.parse('2026-12-01T12:00:00Z'), spacingMs: 45 * 60_000, perTransaction: 250 });
    const templateBytes = records.reduce((sum, record) => sum + JSON.stringify(record).length, 0) / records.length;
    line('seeded', `${sessions.toLocaleString('en-US')} sessions, ${rows.toLocaleString('en-US')} records (about ${((templateBytes * sessions) / 1e6).toFixed(0)} MB as JSON) in ${ms(performance.now() - started)}`);
    await first.close();

    const loads: { driver: number; inPage: number; counted: number }[] = [];
    let page: Page | null = null;
    for (let run = 0; run <= runs; run++) {
      await page?.close();
      const opened = await historyPage(context, url);
      page = opened.page;
      if (run > 0) loads.push(opened);
    }
    const inPage = summariseTimes(loads.map((load) => load.inPage));
    line('History usable (nav. start → rows)', `${describeTimes(inPage)}   ${verdict(inPage.p95, 1000, 'p95 ≤ 1 s')}`);
    line('  beyond the empty page (medians)', ms(inPage.median - summariseTimes(empty).median));
    line('  driver (goto() → first row)', describeTimes(summariseTimes(loads.map((load) => load.driver))));
    line('  all counted, filters ready', describeTimes(summariseTimes(loads.map((load) => load.counted))));
    const facts = await page!.evaluate(pageFacts);
    line('  page then', `${facts.elements.toLocaleString('en-US')} elements, JS heap ${facts.heapBytes === null ? 'unknown' : `${(facts.heapBytes / 1e6).toFixed(0)} MB`}, "${facts.countText}"`);

    const filters: number[] = [];
    const frames: number[] = [];
    for (let run = 0; run < runs; run++) {
      const trainee = TRAINEES[1 + run]!;
      // The filter menus fill in once every summary is read.
      await page!.locator('option', { hasText: trainee }).waitFor({ state: 'attached' });
      for (const [action, expected] of [
        [{ kind: 'select', label: 'Trainee', value: trainee }, 'calls'],
        [{ kind: 'select', label: 'Status', value: 'scored' }, 'calls'],
        [{ kind: 'select', label: 'Sort', value: run % 2 ? 'newest' : 'best' }, 'calls'],
        [{ kind: 'select', label: 'Trainee', value: '' }, 'calls'],
        [{ kind: 'select', label: 'Status', value: '' }, countText(sessions)],
      ] as const) {
        const before = await page!.locator(COUNT).innerText();
        const timing = await timeAction(page!, action, expected === 'calls' ? '' : expected);
        // A filter that leaves the count as it was (sorting) is still timed to its re-render.
        if (expected === 'calls' && (await page!.locator(COUNT).innerText()) === before && action.label !== 'Sort') throw new Error(`The ${action.label} filter changed nothing`);
        filters.push(timing.toDom);
        frames.push(timing.toFrame);
      }
    }
    const filter = summariseTimes(filters);
    line('filter or sort (change → list shown)', `${describeTimes(filter)}   ${verdict(filter.p95, 200, 'p95 ≤ 200 ms')}`);
    line('  to the next frame', describeTimes(summariseTimes(frames)));

    const deletes: number[] = [];
    const offers: number[] = [];
    const undos: number[] = [];
    const undoButton = 'div.notice[role="status"] button';
    for (let run = 0; run < runs; run++) {
      const started = await page!.evaluate(() => performance.now());
      deletes.push((await timeAction(page!, { kind: 'click', selector: 'button[aria-label^="Delete the call"]' }, countText(sessions - 1))).toDom);
      // Undo is offered once the deleted call is read back for it, just after the row goes.
      await page!.locator(undoButton).waitFor();
      offers.push((await page!.evaluate(() => performance.now())) - started);
      undos.push((await timeAction(page!, { kind: 'click', selector: undoButton }, countText(sessions))).toDom);
    }
    const deleted = summariseTimes(deletes);
    const undone = summariseTimes(undos);
    line('delete one (click → row gone)', `${describeTimes(deleted)}   ${verdict(deleted.p95, 100, 'p95 ≤ 100 ms')}`);
    line('  click → Undo offered', `${describeTimes(summariseTimes(offers))}   (a bound: read by the driver after it showed)`);
    line('undo (click → row back)', `${describeTimes(undone)}   ${verdict(undone.p95, 100, 'p95 ≤ 100 ms')}`);
    await page!.close();

    // A returning trainee's picker shows the best scores this browser remembered at once; a first visit to the picker
    // (or one after an import or a cleared localStorage) waits for the index read. Both are timed, alternating, twice
    // as often as the rest: a p95 of 5 samples is only the slowest of them.
    const picker = { returning: [] as number[], firstVisit: [] as number[] };
    const cards: number[] = [];
    for (let run = 0; run <= runs * 4; run++) {
      const firstVisit = run % 2 === 0;
      const pickerPage = await context.newPage();
      if (firstVisit) await pickerPage.addInitScript(forgetRememberedBestScores);
      await pickerPage.goto(url, { waitUntil: LOADED });
      await pickerPage.waitForFunction(() => (window as unknown as { benchSeen?: Record<string, number> }).benchSeen?.bestScores !== undefined, undefined, { timeout: 20_000 });
      if (run > 0) {
        picker[firstVisit ? 'firstVisit' : 'returning'].push((await pickerPage.evaluate(seenAt, 'bestScores'))!);
        cards.push((await pickerPage.evaluate(seenAt, 'pickerLink'))!);
      }
      await pickerPage.close();
    }
    const returning = summariseTimes(picker.returning);
    const firstVisit = summariseTimes(picker.firstVisit);
    line(`picker with best scores (${scenarios.length} cards), returning`, `${describeTimes(returning)}   ${verdict(returning.p95, 500, 'p95 ≤ 500 ms')}`);
    line('  scores not remembered (first visit)', `${describeTimes(firstVisit)}   ${verdict(firstVisit.p95, 500, 'p95 ≤ 500 ms')}`);
    line('  the same pages, cards shown', describeTimes(summariseTimes(cards)));
    line('page errors', errors.length ? `${errors.length}: ${[...new Set(errors)].slice(0, 3).join(' | ')}` : '0');
  } finally {
    await close();
  }
}

/** 12. What a turn writes: the real adapter over fake-indexeddb, on a 300-turn call made of random calls joined. */
export async function benchBytesPerTurn(scenarios: Scenario[], turns = 300) {
  heading(`12. Bytes written per turn (storage adapter over fake-indexeddb, a ${turns}-turn call)`);
  // Its types are not reachable through the package's exports map; it only sets globals.
  await import('fake-indexeddb/auto' as string);
  // There is no other tab here to tell, and an open BroadcastChannel would keep Node running after the bench has finished.
  Reflect.deleteProperty(globalThis, 'BroadcastChannel');
  const store = await import('../../lib/session-store');
  const scenario = scenarios[0]!;
  const record = longRecord(scenario, turns, new SeededRandom('bench-bytes'));
  const { call } = playRandomCall(scenario, new SeededRandom('bench-bytes-snapshot'), 'bench-bytes');
  const base = storedSession(scenario, call, 'bench-bytes', false);
  const snapshot = base.saved.snapshot as { context: Record<string, unknown> };
  const checkpoints = new Set([10, 100, turns]);
  let traineeTurns = 0;
  for (let k = 1; k <= record.transcript.length; k++) {
    const transcript = record.transcript.slice(0, k);
    const log = transcript.flatMap((entry) => (entry.kind === 'trainee' ? [{ at: entry.at, event: { type: 'SAY' as const, reply: entry } }] : []));
    const session: StoredSession = {
      ...base,
      revision: 0,
      saved: { ...base.saved, log, snapshot: { ...snapshot, context: { ...snapshot.context, transcript } } },
      record: { ...record, transcript },
    };
    await store.saveSession(session);
    if (record.transcript[k - 1]!.kind !== 'trainee' || !checkpoints.has(++traineeTurns)) continue;
    const written = store.lastWriteSize();
    line(`turn ${traineeTurns}`, `${kib(written.bytes)} in ${written.rows} records   (the whole session: ${kib(JSON.stringify(session).length)})`);
  }
}
