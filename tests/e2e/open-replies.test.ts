import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { enterName, fillNotesAndScore, scenarioFile, typeSteps } from './flows';

const IRATE = scenarioFile('irate-outage');
const SCRIPT = JSON.parse(readFileSync('tests/fixtures/typed/irate-outage.json', 'utf8')) as { steps: string[] };

describe('a call taken in the trainee\'s own words', () => {
  let browser: BrowserSession;
  const requests: string[] = [];
  beforeAll(async () => {
    browser = await openBrowser();
    browser.page.on('request', (request) => requests.push(request.url()));
    await enterName(browser.page, browser.baseUrl);
  });
  afterAll(async () => browser.close());

  it('completes the irate call by typing alone, offline, and the scorecard cites the typed turns', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: `Read the briefing for ${IRATE.title}` }).click();
    await page.getByLabel('Type or say my own words').check();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await page.getByRole('button', { name: 'Answer' }).click();
    await typeSteps(page, SCRIPT.steps);
    await page.getByText(/^Call ended:/).waitFor();
    expect(await page.getByText(/^Call ended:/).innerText()).toContain(IRATE.machine.states.resolved!.meta!.ending!.title);
    expect(await axeViolations(page)).toEqual([]);
    await fillNotesAndScore(page, {
      who: 'Marcus Reyes, account holder; Priya booked the visit',
      what: 'Three outages in two weeks; technician never came; $49.00 visit fee invoiced',
      when: 'Outages 3, 9-10 and 14-15 Nov; visit booked Wed 18 Nov 8 am-12',
      where: '2217 SE Alder Street, Apt 3',
      why: 'Lost a day of pay waiting in; fault outside the home',
      action: 'Cancelled $49.00 fee, credit $38.33 to next bill, priority visit booked',
    });
    expect(['Satisfactory', 'Superior']).toContain(await page.locator('.overall strong').innerText());
    // The scorecard points at a typed turn, and the turn says which words it was heard from.
    await page.getByRole('button', { name: /see turn/ }).first().click();
    const greeting = page.locator('li', { hasText: SCRIPT.steps[0]! }).first();
    expect(await greeting.innerText()).toMatch(/Heard as: Greeting from “/);
    expect(await greeting.innerText()).toMatch(/\+40\s+Opening and verification: Opened with a greeting/);
    expect(await axeViolations(page)).toEqual([]);
    const origin = new URL(browser.baseUrl).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    // A whole typed call, classifier included, with two accessibility scans: minutes on a busy two-core machine.
  }, 240_000);

  it('says plainly when speech input cannot work here, and typing still does', async () => {
    const { page } = browser;
    await page.goto(browser.baseUrl);
    await page.getByRole('link', { name: `Read the briefing for ${IRATE.title}` }).click();
    await page.getByLabel('Type or say my own words').check();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await page.getByRole('button', { name: 'Answer' }).click();
    const talk = page.getByRole('button', { name: 'Push to talk' });
    if (await talk.isDisabled()) {
      await page.getByText('Speech input is not available in this browser, so type your reply.').waitFor();
    } else {
      await talk.click();
      await page.getByText(/Speech recognition|microphone/).waitFor({ timeout: 15_000 });
    }
    await page.getByLabel('Say it in your own words').fill('Good evening, thanks for calling Crestline Fiber. How can I help?');
    await page.getByLabel('Say it in your own words').press('Enter');
    await page.locator('ol[aria-label="Call so far"] .line-trainee').first().waitFor();
  });
});
