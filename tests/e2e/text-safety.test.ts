import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser';
import { enterName, playSteps, scenarioFile, startCall } from './flows';

const PAYLOAD = '<img src=x onerror=alert(1)>';

describe('text from trainees and scenario files', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => browser.close());

  it('is shown as text: no dialog, no injected element', async () => {
    const { page, baseUrl } = browser;
    const scenario = scenarioFile('xss-caller');
    await enterName(page, baseUrl, `Mallory ${PAYLOAD}`);
    await expect(page.getByText(`Trainee: Mallory ${PAYLOAD}`)).toBeTruthy();
    await page.getByText(`Trainee: Mallory ${PAYLOAD}`).waitFor();
    await page.getByRole('heading', { name: scenario.title }).waitFor();
    await startCall(page, scenario);
    await playSteps(page, scenario, ['ANSWER']);
    await page.getByTestId('caption').getByText(`Hello ${PAYLOAD} is my parcel here?`).waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(browser.dialogs).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
