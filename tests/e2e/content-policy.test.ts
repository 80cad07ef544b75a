import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/build/content-policy-plugin';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { enterName, fillNotesAndScore, scenarioFile, typeSteps } from './flows';

const IRATE = scenarioFile('irate-outage');
const SCRIPT = JSON.parse(readFileSync('tests/fixtures/typed/irate-outage.json', 'utf8')) as { steps: string[] };

declare global {
  interface Window {
    policyViolations: string[];
  }
}

describe('the built app’s Content-Security-Policy', () => {
  let browser: BrowserSession;
  const consoleReports: string[] = [];
  beforeAll(async () => {
    browser = await openBrowser();
    await browser.context.addInitScript(() => {
      window.policyViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.policyViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`));
    });
    browser.page.on('console', (message) => /Content Security Policy/i.test(message.text()) && consoleReports.push(message.text()));
  });
  afterAll(async () => browser.close());

  const violations = () => browser.page.evaluate(() => window.policyViolations);

  it('is in the built page, first in its head', async () => {
    const { page, baseUrl } = browser;
    await page.goto(baseUrl);
    const policy = page.locator('head > meta[http-equiv="Content-Security-Policy"]');
    expect(await policy.getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.evaluate(() => document.head.firstElementChild?.getAttribute('http-equiv'))).toBe('Content-Security-Policy');
  });

  it('lets a whole call run with no violation: picker, a typed call with the language model, scorecard, history, settings (and those pages pass axe)', async () => {
    const { page } = browser;
    await enterName(page, browser.baseUrl);
    await page.getByRole('link', { name: `Read the briefing for ${IRATE.title}` }).click();
    await page.getByLabel('Type or say my own words').check();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await page.getByRole('button', { name: 'Answer' }).click();
    await typeSteps(page, SCRIPT.steps);
    await page.getByText(/^Call ended:/).waitFor();
    await fillNotesAndScore(page, { what: 'Three outages; technician never came', action: 'Cancelled the visit fee, credit to next bill' });
    await page.getByRole('button', { name: /see turn/ }).first().click();
    await page.getByRole('link', { name: 'History' }).first().click();
    await page.getByText(/Showing 1–1 of 1 calls/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Storage on this computer' }).waitFor();
    await page.getByText(/Space used/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(consoleReports).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('lets the studio run with no violation: its JSON editor is styled (text beside its line numbers), its diagram laid out in a worker', async () => {
    const { page } = browser;
    await page.goto(`${browser.baseUrl}#/studio`);
    await page.getByRole('button', { name: 'New from the template' }).click();
    await page.locator('[data-laid-out="yes"]').waitFor();
    await page.getByRole('tab', { name: 'JSON' }).click();
    const editor = page.getByRole('textbox', { name: 'Scenario file (JSON)' });
    const firstLine = editor.locator('.cm-line').first();
    await expect.poll(() => firstLine.innerText()).toBe('{');
    // Unstyled, CodeMirror stacks its text below the gutter's line numbers instead of beside them.
    const gutter = await page.locator('.cm-gutters').boundingBox();
    const text = await firstLine.boundingBox();
    expect(text!.y).toBeLessThan(gutter!.y + 40);
    expect(await violations()).toEqual([]);
    expect(consoleReports).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('blocks what it is there to block: an injected inline script does not run, and is reported', async () => {
    const { page } = browser;
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true';
      document.body.append(script);
      return (window as Window & { injectedRan?: boolean }).injectedRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(violations).toEqual(['script-src-elem blocked inline']);
  });
});
