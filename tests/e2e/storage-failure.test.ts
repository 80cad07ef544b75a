import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { enterName, goodRoute, playSteps, scenarioFile, startCall } from './flows';

const IRATE = scenarioFile('irate-outage');
const ROUTE = goodRoute('irate-outage');

async function downloaded(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as { record: { transcript: unknown[] } };
}

describe('a call whose storage fills up', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
    await enterName(browser.page, browser.baseUrl);
  });
  afterAll(async () => browser.close());

  it('offers the download during the call, and after a reload says which turns never reached storage', async () => {
    const a = browser.page;
    await startCall(a, IRATE);
    await playSteps(a, IRATE, ROUTE.steps.slice(0, 2));
    expect(await a.getByRole('button', { name: 'Download this call' }).count()).toBe(0);
    const savedLines = await a.locator('ol[aria-label="Call so far"] > li .line').count();
    // From here on, every write fails as it does on a full disk.
    await a.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await playSteps(a, IRATE, ROUTE.steps.slice(2, 5));
    await a.getByRole('alert').filter({ hasText: 'Your browser storage is full' }).waitFor();
    const held = await downloaded(a, a.getByRole('button', { name: 'Download this call' }));
    expect(held.record.transcript.length).toBeGreaterThan(savedLines);

    // Another tab opened on the call says what storage is missing, and fetches the whole call from the first tab.
    const b = await browser.context.newPage();
    await b.goto(a.url());
    const notice = b.getByRole('alert').filter({ hasText: 'never reached the browser’s storage' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`The last ${held.record.transcript.length - savedLines} lines of this call never reached the browser’s storage, because the browser’s storage was full`);
    const whole = await downloaded(b, b.getByRole('button', { name: 'Download the whole call' }));
    expect(whole.record.transcript.length).toBe(held.record.transcript.length);
    expect(await axeViolations(b)).toEqual([]);
    await b.close();

    // The tab that held them reloads: the lines are gone, and the page says so instead of showing the older copy as the whole call.
    await a.reload();
    const afterReload = a.getByRole('alert').filter({ hasText: 'never reached the browser’s storage' });
    await afterReload.waitFor();
    expect(await afterReload.innerText()).toContain(`What you see here is the last copy that was saved, with ${savedLines} lines`);
    await a.getByText('No open tab still has the rest of it, so those lines are lost.').waitFor();
    expect(await a.locator('ol[aria-label="Call so far"] > li .line').count()).toBe(savedLines);
  });
});
