import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_ENDINGS } from '../../src/engine/call/compile';
import { openBrowser, type BrowserSession } from './browser';
import { enterName, fillNotesAndScore, goodRoute, playSteps, scenarioFile, startCall, transcriptLines } from './flows';

const IRATE = scenarioFile('irate-outage');

async function visibleReplies(page: Page) {
  return page.locator('section[aria-labelledby="replies-heading"] button.reply span').allInnerTexts();
}

/** Presses Tab until the focused element's accessible name matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const label = element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
      return `${element?.getAttribute('aria-label') ?? ''} ${label ?? ''} ${element?.innerText ?? ''}`.trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

describe('calls that go wrong, or get interrupted', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
    await enterName(browser.page, browser.baseUrl);
  });
  afterAll(async () => browser.close());

  it('loses the irate customer through harmful replies', async () => {
    const { page } = browser;
    await page.goto(browser.baseUrl);
    await startCall(page, IRATE);
    await playSteps(page, IRATE, ['ANSWER']);
    const replies = Object.values(IRATE.replies).flat();
    for (let turn = 0; turn < 25 && !(await page.getByText(/^Call ended:/).isVisible()); turn++) {
      const shown = await visibleReplies(page);
      const pick = ['harmful', 'mediocre', 'good'].map((quality) => shown.find((text) => replies.find((r) => r.text === text)?.quality === quality)).find(Boolean);
      await page.getByRole('button', { name: pick!, exact: true }).click();
    }
    const status = await page.getByText(/^Call ended:/).innerText();
    const lostTitles = [...Object.values(IRATE.machine.states).flatMap((state) => (state.meta?.ending?.outcome === 'lost' ? [state.meta.ending.title] : [])), ...Object.values(ENGINE_ENDINGS).map((e) => e.title)];
    expect(lostTitles.some((title) => status.includes(title))).toBe(true);
    await fillNotesAndScore(page, { what: 'Customer hung up' });
    expect(await page.locator('.results-header').innerText()).toMatch(/\(lost\)/);
    const row = page.getByRole('row', { name: /De-escalation/ });
    expect(await row.innerText()).toMatch(/Needs improvement/);
  });

  it('continues after a reload in mid-call with the transcript intact', async () => {
    const { page } = browser;
    const { steps, notes } = goodRoute('irate-outage');
    await page.goto(browser.baseUrl);
    await startCall(page, IRATE);
    await playSteps(page, IRATE, steps.slice(0, 4));
    const before = await transcriptLines(page);
    const mood = await page.locator('.meters').innerText();
    await page.reload();
    await page.getByRole('list', { name: 'Call so far' }).waitFor();
    expect(await transcriptLines(page)).toEqual(before);
    expect(await page.locator('.meters').innerText()).toBe(mood);
    await playSteps(page, IRATE, steps.slice(4));
    await page.getByText(/^Call ended:/).waitFor();
    await fillNotesAndScore(page, notes);
    expect(['Satisfactory', 'Superior']).toContain(await page.locator('.overall strong').innerText());
  });

  it('can be taken from start to scorecard by keyboard alone', async () => {
    const { page } = browser;
    const { steps, notes } = goodRoute('irate-outage');
    await page.goto(browser.baseUrl);
    await page.getByRole('heading', { name: 'Choose a call' }).waitFor();
    await tabTo(page, new RegExp(`Read the briefing for ${IRATE.title}`));
    await page.keyboard.press('Enter');
    await tabTo(page, /Start the call/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Answer' }).waitFor();
    // The Answer button takes focus when the phone rings.
    await page.keyboard.press('Enter');
    for (const step of steps.slice(1)) {
      if (step.startsWith('LOOKUP ')) {
        await tabTo(page, new RegExp(`^${step.slice(7)}$`));
        await page.keyboard.press('Enter');
        continue;
      }
      const text = Object.values(IRATE.replies).flat().find((reply) => reply.id === step)!.text;
      const index = (await visibleReplies(page)).indexOf(text);
      expect(index).toBeGreaterThanOrEqual(0);
      await page.keyboard.press(String(index + 1));
    }
    await page.getByText(/^Call ended:/).waitFor();
    for (const [field, label] of [['who', /^Who/], ['what', /^What/], ['when', /^When/], ['where', /^Where/], ['why', /^Why/], ['action', /^Action taken/]] as const) {
      await tabTo(page, label);
      await page.keyboard.type(notes[field]);
    }
    await tabTo(page, /Save notes and see my score/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Your scorecard/ }).waitFor();
    expect(['Satisfactory', 'Superior']).toContain(await page.locator('.overall strong').innerText());
    // A whole call with accessibility scans: minutes on a busy two-core machine.
  }, 240_000);
});
