/**
 * 13. The studio's diagram of a 200-state scenario: how long the layout
 * takes (in its worker) and how long the page's own thread is ever blocked
 * meanwhile, from the browser's long-task entries (tasks over 50 ms).
 */
import type { Browser, Page } from 'playwright-core';
import { generatedScenario } from '../../engine/scenario/generated-scenario';
import { openFreshPage } from './browser';
import { describeTimes, heading, line, ms, summarise, verdict } from './stats';

interface LongTask {
  start: number;
  duration: number;
}

/** In the page, before any script: keeps every long task the browser reports. */
function watchLongTasks() {
  const tasks: LongTask[] = [];
  (globalThis as unknown as { __longTasks: LongTask[] }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * In the page: types into a text field as a user does (React hears the input
 * event) and times it until the studio's status line says `expect`: the
 * edit's live check shown.
 */
function timeEdit({ label, value, expect, timeoutMs }: { label: string; value: string; expect: string; timeoutMs: number }): Promise<number> {
  const field = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim().startsWith(label))?.querySelector('input');
  const status = document.querySelector('.studio > p[role="status"]');
  if (!field || !status) throw new Error(`No field labelled ${label}, or no status line`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The status never said "${expect}"`)), timeoutMs);
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (!status.textContent?.includes(expect)) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now() - started);
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/**
 * Live validation per edit: the title emptied (an error) and written again (loads), as a trainer types, 6 times
 * each, after one such pair timed on its own: the first edit after opening also compiles the form's code paths.
 */
async function timeEdits(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Scenario' }).click();
  const edit = (value: string, expect: string) => page.evaluate(timeEdit, { label: 'Title', value, expect, timeoutMs: 30_000 });
  const first = [await edit('', '1 error(s)'), await edit('A bench caller', 'Loads;')];
  const edits: number[] = [];
  for (let run = 0; run < 6; run++) {
    edits.push(await edit('', '1 error(s)'));
    edits.push(await edit(`A bench caller ${run}`, 'Loads;'));
  }
  const perEdit = summarise(edits);
  return `${describeTimes(perEdit)}   ${verdict(perEdit.p95, 100, 'p95 ≤ 100 ms')}   (the first two edits after opening: ${first.map(ms).join(', ')})`;
}

function describeTasks(tasks: LongTask[]): string {
  if (!tasks.length) return 'none over 50 ms';
  const longest = Math.max(...tasks.map((task) => task.duration));
  const total = tasks.reduce((sum, task) => sum + task.duration, 0);
  return `longest ${ms(longest)}   (${tasks.length} task(s) over 50 ms, ${ms(total)} in all)`;
}

export async function benchStudioLayout(browser: Browser, url: string, states = 200) {
  heading(`13. Studio: a ${states}-state scenario imported, laid out in a worker and drawn (1 run after a warm-up with the template)`);
  const { context, page, errors } = await openFreshPage(browser);
  try {
    await context.addInitScript(watchLongTasks);
    await page.goto(`${url}#/studio`);
    await page.getByRole('heading', { name: 'Scenario studio' }).waitFor({ timeout: 60_000 });
    // Warm-up: the studio's chunk, the loader and the layout worker are fetched and compiled once.
    await page.getByRole('button', { name: 'New from the template' }).click();
    await page.locator('[data-laid-out="yes"]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Close' }).click();

    const file = JSON.stringify(generatedScenario('bench-caller', states), null, 2);
    const importedAt = await page.evaluate(() => performance.now());
    await page.locator('input[type=file]').setInputFiles({ name: 'bench-caller.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const diagram = page.locator('[data-testid="studio-diagram"][data-laid-out="yes"]');
    await diagram.waitFor({ timeout: 300_000 });
    const drawnAt = await page.evaluate(() => performance.now());
    const layoutMs = Number(await diagram.getAttribute('data-layout-ms'));
    const nodes = await page.locator('.react-flow__node').count();
    // The full check (with the search for a route to the best ending) follows once the text has rested.
    await page.getByText(/checked in \d+ ms\.$/).waitFor({ timeout: 300_000 });
    const checkedAt = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(() => (globalThis as unknown as { __longTasks: LongTask[] }).__longTasks);
    const layoutStart = drawnAt - layoutMs;
    const sinceImport = tasks.filter((task) => task.start >= importedAt && task.start < checkedAt);
    const duringLayout = sinceImport.filter((task) => task.start >= layoutStart && task.start < drawnAt);

    line('layout in the worker (asked → positions back)', ms(layoutMs));
    line('import → diagram drawn', `${ms(drawnAt - importedAt)}   (${nodes} nodes; includes the quick check on the page's thread)`);
    line("page's thread, while the layout ran", describeTasks(duringLayout));
    line('import → full check shown', ms(checkedAt - importedAt));
    line("page's thread, import → full check", describeTasks(sinceImport));

    line(`edit → its live check shown, ${states} states (title emptied, then written)`, await timeEdits(page));
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('combobox', { name: /Open a shipped scenario/ }).selectOption('billing-dispute');
    await page.locator('[data-testid="studio-diagram"][data-laid-out="yes"]').waitFor({ timeout: 60_000 });
    line('the same, a shipped scenario (billing-dispute, 20 states)', await timeEdits(page));
    if (errors.length) line('page errors', errors.join(' | '));
  } finally {
    await context.close();
  }
}
