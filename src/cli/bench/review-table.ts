/**
 * 14. The supervisor's review table over ten thousand stored calls, in the
 * built app in headless Chromium: navigation to a usable table, and a filter
 * applied, each timed in the page (performance.now()). The calls are the
 * section 11 templates, seeded straight into IndexedDB.
 */
import type { Browser, Page } from 'playwright-core';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { DB_NAME } from '../../lib/storage/database-name';
import { openFreshPage } from './browser';
import { describeTimes, heading, line, summarise, verdict } from './stats';
import { templatesForBench } from './stored-sessions';
import { seedSessions, timeHistoryAction, type HistoryAction } from './stored-sessions-page';

const TRAINEES = Array.from({ length: 20 }, (_, i) => `Trainee ${String(i + 1).padStart(2, '0')}`);
const COUNT = '.review-count';

/**
 * Installed before the page's scripts: when (from navigation start) the table
 * first shows a session a supervisor can open (`usable`), and when it counts
 * every scored session, which the filters need (`counted`).
 */
function watchReviewTable() {
  const seen: Record<string, number> = {};
  (window as unknown as { reviewSeen: Record<string, number> }).reviewSeen = seen;
  const observer = new MutationObserver(() => {
    if (!('usable' in seen) && document.querySelector('table.review-table tbody tr a')) seen.usable = performance.now();
    if (!('counted' in seen) && /^[\d,]+ scored sessions/.test(document.querySelector('.review-count')?.textContent ?? '')) seen.counted = performance.now();
    if ('usable' in seen && 'counted' in seen) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function openReview(page: Page, url: string): Promise<{ usable: number; counted: number }> {
  await page.goto('about:blank');
  await page.goto(`${url}#/review`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { reviewSeen?: Record<string, number> }).reviewSeen?.counted !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { reviewSeen: { usable: number; counted: number } }).reviewSeen);
}

export async function benchReviewTable(browser: Browser, url: string, scenarios: Scenario[], { sessions = 10_000, runs = 5 } = {}) {
  heading(`14. Review table over ${sessions.toLocaleString('en-US')} stored calls: navigation to a usable table, a filter (in-page timings, performance.now())`);
  const { context, page, errors } = await openFreshPage(browser);
  try {
    await context.addInitScript(watchReviewTable);
    await page.goto(`${url}#/history`);
    await page.getByText('No calls yet.').waitFor();
    const templates = templatesForBench(scenarios);
    const { rows } = await page.evaluate(seedSessions, { dbName: DB_NAME, templates, traineeNames: TRAINEES, count: sessions, newest: Date.parse('2026-12-01T12:00:00Z'), spacingMs: 45 * 60_000, perTransaction: 250 });
    const scored = (await page.evaluate(
      (dbName) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(dbName);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('summaries').objectStore('summaries').index('status').count('scored');
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
      DB_NAME,
    )) as number;
    line('seeded', `${sessions.toLocaleString('en-US')} calls (${scored.toLocaleString('en-US')} scored, the ones the table lists), ${rows.toLocaleString('en-US')} records`);

    const loads: { usable: number; counted: number }[] = [];
    for (let run = 0; run <= runs; run++) {
      const at = await openReview(page, url);
      if (run > 0) loads.push(at);
    }
    const usable = summarise(loads.map((load) => load.usable));
    line('table usable (nav. start → a session to open)', `${describeTimes(usable)}   ${verdict(usable.p95, 1000, 'p95 ≤ 1 s')}`);
    line('  all counted, filters ready', describeTimes(summarise(loads.map((load) => load.counted))));

    const filters: number[] = [];
    const all = `${scored.toLocaleString('en-US')} scored sessions`;
    for (let run = 0; run < runs; run++) {
      const trainee = TRAINEES[run]!;
      await page.locator('option', { hasText: trainee }).waitFor({ state: 'attached' });
      for (const [value, done] of [
        [trainee, 'match'],
        ['', all],
      ]) {
        const action: HistoryAction = { kind: 'select', label: 'Trainee', value: value! };
        const timing = await page.evaluate(timeHistoryAction, { action, doneSelector: COUNT, doneText: done, timeoutMs: 10_000 });
        filters.push(timing.toDom);
      }
    }
    const filter = summarise(filters);
    line('filter by trainee and clear it (change → count shown)', `${describeTimes(filter)}   ${verdict(filter.p95, 200, 'p95 ≤ 200 ms')}`);
    line('page errors', errors.length ? `${errors.length}: ${[...new Set(errors)].slice(0, 3).join(' | ')}` : '0');
  } finally {
    await context.close();
  }
}
