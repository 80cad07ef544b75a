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

  it.each(SHIPPED)('completes %s along a good route to a Satisfactory or Superior scorecard', async (id) => {
    const { page } = browser;
    const scenario = scenarioFile(id);
    await page.goto(browser.baseUrl);
    await startCall(page, scenario);
    const { steps, notes } = goodRoute(id);
    await playSteps(page, scenario, steps.slice(0, Math.ceil(steps.length / 2)));
    expect(await axeViolations(page)).toEqual([]);
    await playSteps(page, scenario, steps.slice(Math.ceil(steps.length / 2)));
    await page.getByText(/Call ended:/).waitFor();
    await fillNotesAndScore(page, notes);
    const level = await page.locator('.overall strong').innerText();
    expect(['Satisfactory', 'Superior']).toContain(level);
    expect(await axeViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
