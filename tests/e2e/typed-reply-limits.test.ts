import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { enterName, scenarioFile } from './flows';

const IRATE = scenarioFile('irate-outage');

describe('typed replies the classifier will not read whole', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
    await enterName(browser.page, browser.baseUrl);
  });
  afterAll(async () => browser.close());

  it('tells the trainee when a reply is too long to be heard whole, and when it was not understood', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: `Read the briefing for ${IRATE.title}` }).click();
    await page.getByLabel('Type or say my own words').check();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await page.getByRole('button', { name: 'Answer' }).click();
    const box = page.getByLabel('Say it in your own words');
    await box.fill('I will look into it. '.repeat(110));
    await page.getByText(/only the first 2,000 will be heard/).waitFor();
    await box.fill('Buenas tardes, gracias por llamar, ¿en qué puedo ayudarle hoy?');
    await box.press('Enter');
    await page.locator('ol[aria-label="Call so far"]').getByText("Sorry, I didn't catch that.").waitFor();
    await page.getByText("That did not read as English, so the customer didn't catch it.").waitFor();
    expect(await page.getByText(/only the first 2,000 will be heard/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
