import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { enterName, fillNotesAndScore, goodRoute, playSteps, scenarioFile, startCall } from './flows';

const SHIPPED = readdirSync('scenarios').filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).map((name) => name.replace(/\.json$/, ''));
describe('a trainee in the browser', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
    await enterName(browser.page, browser.baseUrl);
  });
  afterAll(async () => browser.close());

  it('sees an accessible scenario picker listing the shipped scenarios', async () => {
    const { page } = browser;
    await page.goto(browser.baseUrl);
    await page.getByRole('heading', { name: 'Choose a call' }).waitFor();
    for (const id of SHIPPED) await page.getByRole('heading', { name: scenarioFile(id).title }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows an empty history with a way to start, and no accessibility violations', async () => {
    const { page } = browser;
    await page.goto(`${browser.baseUrl}#/history`);
    await page.getByText('No calls yet.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each(SHIPPED)('completes %s along a good route to a Satisfactory or Superior scorecard', async (id) => {
    const { page } = browser;
    const scenario = scenarioFile(id);
    // The briefing and the scorecard are the same components for every caller, so one scenario's scans cover them;
    // the call page differs by scenario (replies, account, look-ups), so each is scanned mid-call.
    const everyPage = id === 'irate-outage';
    await page.goto(browser.baseUrl);
    await page.getByRole('link', { name: `Read the briefing for ${scenario.title}` }).click();
    await page.getByRole('button', { name: 'Start the call' }).waitFor();
    if (everyPage) expect(await axeViolations(page)).toEqual([]);
    await page.goto(browser.baseUrl);
    await startCall(page, scenario);
    const { steps, notes } = goodRoute(id);
    await playSteps(page, scenario, steps.slice(0, Math.ceil(steps.length / 2)));
    expect(await axeViolations(page)).toEqual([]);
    await playSteps(page, scenario, steps.slice(Math.ceil(steps.length / 2)));
    await page.getByText(/Call ended:/).waitFor();
    if (everyPage) expect(await axeViolations(page)).toEqual([]);
    await fillNotesAndScore(page, notes);
    const level = await page.locator('.overall strong').innerText();
    expect(['Satisfactory', 'Superior']).toContain(level);
    if (everyPage) expect(await axeViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  }, 240_000);

  it('prints the scorecard without the navigation and buttons', async () => {
    const { page } = browser;
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: /Your scorecard/ }).isVisible()).toBe(true);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Step-by-step replay' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('lists the finished calls in the history, with their scores', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'History' }).first().click();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(SHIPPED.length + 1);
    expect(await rows.nth(1).innerText()).toMatch(/Scored/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
