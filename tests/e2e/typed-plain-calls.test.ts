/**
 * In the browser, each shipped scenario taken by typing alone, in plain
 * words nobody tuned the classifier to, reaches its best ending with no
 * customer line repeated more than twice; and a reload mid-call keeps the
 * clocks and reports no change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser';
import { enterName, scenarioFile } from './flows';
import { PLAIN_CALLS } from '../helpers/plain-calls';

const TITLE_CASE = (section: string) => section[0]!.toUpperCase() + section.slice(1);

describe('plain calls typed in the browser', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
    await enterName(browser.page, browser.baseUrl);
  });
  afterAll(async () => browser.close());

  async function startTyped(id: string) {
    const { page } = browser;
    const scenario = scenarioFile(id);
    await page.goto(browser.baseUrl);
    await page.getByRole('link', { name: `Read the briefing for ${scenario.title}` }).click();
    await page.getByLabel('Type or say my own words').check();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await page.getByRole('button', { name: 'Answer' }).click();
    return scenario;
  }

  async function type(step: string) {
    const { page } = browser;
    if (step.startsWith('LOOKUP ')) {
      await page.getByRole('group', { name: 'Look up' }).getByRole('button', { name: TITLE_CASE(step.slice(7)) }).click();
      return;
    }
    const before = await page.locator('ol[aria-label="Call so far"] .line-trainee').count();
    const box = page.getByLabel('Say it in your own words');
    await box.fill(step);
    await box.press('Enter');
    await page.locator('ol[aria-label="Call so far"] .line-trainee').nth(before).waitFor();
  }

  it.each(Object.keys(PLAIN_CALLS))('%s: typed plainly, it reaches the best ending with no line said more than twice', async (id) => {
    const { page } = browser;
    const scenario = await startTyped(id);
    for (const step of PLAIN_CALLS[id]!) await type(step);
    await page.getByText(/^Call ended:/).waitFor();
    const best = Object.values(scenario.machine.states).find((state) => state.meta?.ending?.best)!.meta!.ending!.title;
    expect(await page.getByText(/^Call ended:/).innerText()).toContain(best);
    const lines = await page.locator('ol[aria-label="Call so far"] .line-customer .words').allInnerTexts();
    const counts = new Map<string, number>();
    for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
  });

  it('a reload mid-call keeps the handle time and silence running, and says nothing changed', async () => {
    const { page } = browser;
    await startTyped('billing-dispute');
    await type(PLAIN_CALLS['billing-dispute']![0]!);
    // While the call goes on, the trainee sees how the reply was heard, and can disown it.
    const heard = page.getByRole('region', { name: 'How your last reply was heard' });
    expect(await heard.innerText()).toMatch(/Greeting/);
    expect(await heard.getByRole('button', { name: 'That’s not what I meant' }).isEnabled()).toBe(true);
    await type(PLAIN_CALLS['billing-dispute']![1]!);
    const handle = page.locator('.call-clock strong').first();
    const seconds = (clock: string) => Number(clock.split(':')[0]) * 60 + Number(clock.split(':')[1]);
    // Let the handle time pass a whole second, so a clock that restarted would show less.
    const start = seconds(await handle.innerText());
    await page.waitForFunction((from) => {
      const [m, s] = (document.querySelector('.call-clock strong')?.textContent ?? '0:00').split(':').map(Number);
      return m! * 60 + s! > from;
    }, start);
    const before = seconds(await handle.innerText());
    const said = await page.locator('ol[aria-label="Call so far"] .line-trainee').allInnerTexts();
    await page.reload();
    await page.locator('ol[aria-label="Call so far"] .line-trainee').first().waitFor();
    expect(seconds(await handle.innerText())).toBeGreaterThanOrEqual(before);
    expect(await page.locator('ol[aria-label="Call so far"] .line-trainee').allInnerTexts()).toEqual(said);
    expect(await page.getByText(/scenario has changed/).count()).toBe(0);
  });
});
