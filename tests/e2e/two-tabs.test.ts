import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { enterName, fillNotesAndScore, goodRoute, playSteps, scenarioFile, startCall, transcriptLines } from './flows';

const IRATE = scenarioFile('irate-outage');
const ROUTE = goodRoute('irate-outage');

/** The session as the app's own download gives it: what a tab holds, or what storage holds. */
async function downloaded(page: Page, button: ReturnType<Page['getByRole']>) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as { status: string; record: { transcript: unknown[] } };
}

async function storedInHistory(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}#/history`);
  return downloaded(page, page.getByRole('button', { name: 'Download' }).first());
}

describe('one call open in two tabs', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
    await enterName(browser.page, browser.baseUrl);
  });
  afterAll(async () => browser.close());

  it('lets one tab take the call; the other follows read-only, can take it over, and a scored call stays scored', async () => {
    const a = browser.page;
    await startCall(a, IRATE);
    await playSteps(a, IRATE, ROUTE.steps.slice(0, 2));
    const b = await browser.context.newPage();
    await b.goto(a.url());
    await b.getByText('This call is open in another tab.').waitFor();
    expect(await b.getByRole('alert').filter({ hasText: 'open in another tab' }).innerText()).toContain('Take it over here?');
    expect(await b.locator('button.reply').count()).toBe(0);
    expect(await axeViolations(b)).toEqual([]);

    // A's next turn shows in B, which saves nothing.
    await playSteps(a, IRATE, ROUTE.steps.slice(2, 3));
    await expect.poll(() => transcriptLines(b)).toEqual(await transcriptLines(a));

    // B takes the call over and replies; A stops and says so.
    await b.getByRole('button', { name: 'Take it over here' }).click();
    await playSteps(b, IRATE, ROUTE.steps.slice(3, 4));
    await a.getByText('This call was taken over in another tab, so this tab stopped.').waitFor();
    expect(await a.locator('button.reply').count()).toBe(0);
    const afterB = await transcriptLines(b);

    // A takes it back: it continues from B's turn, not from its own older copy, and scores the call.
    await a.getByRole('button', { name: 'Take it back here' }).click();
    await a.getByRole('button', { name: 'End call' }).waitFor();
    expect(await transcriptLines(a)).toEqual(afterB);
    await playSteps(a, IRATE, ROUTE.steps.slice(4));
    await a.getByText(/^Call ended:/).waitFor();
    await fillNotesAndScore(a, ROUTE.notes);

    // B, stopped on the live call, tries to take it back: the call is scored, and stays so.
    await b.getByRole('button', { name: 'Take it back here' }).click();
    await b.getByRole('heading', { name: 'This call has been scored' }).waitFor();
    await b.close();
    const stored = await storedInHistory(a, browser.baseUrl);
    expect(stored.status).toBe('scored');
    expect(stored.record.transcript.length).toBeGreaterThan(afterB.length);
    expect(browser.errors).toEqual([]);
  });

  it('refuses a stale tab’s write even where Web Locks are missing: the newer turn stays', async () => {
    const a = browser.page;
    await a.goto(browser.baseUrl);
    await startCall(a, IRATE);
    await playSteps(a, IRATE, ROUTE.steps.slice(0, 2));
    const b = await browser.context.newPage();
    await b.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }));
    await b.goto(a.url());
    await b.getByRole('button', { name: 'End call' }).waitFor();
    // B runs the call too (nothing tells it otherwise) and stores a turn.
    await playSteps(b, IRATE, ROUTE.steps.slice(2, 3));
    const withB = await transcriptLines(b);
    // A's turn would replace B's: storage refuses it, and A says why.
    await playSteps(a, IRATE, ROUTE.steps.slice(2, 3));
    await a.getByText('Another tab saved newer work on this call, so this tab stopped rather than overwrite it.').waitFor();
    await a.getByRole('button', { name: 'Continue here from the newest copy' }).click();
    await a.getByRole('button', { name: 'End call' }).waitFor();
    expect(await transcriptLines(a)).toEqual(withB);
    await b.close();
  });
});
