/**
 * Each scenario of the library completed by typing alone in Chromium, in a
 * trainee's own words (tests/fixtures/typed/<id>.json, written without the
 * labelled utterances or the lexicon): the call reaches the best ending, the
 * notes are typed in, and the scorecard rates the call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typedScript } from '../helpers/library-scenario';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { connectButton, enterName, fillNotesAndScore, scenarioFile, typeSteps } from './flows';

const LIBRARY = ['gym-cancellation', 'water-hardship', 'home-insurance-leak', 'interpreter-bill-saver', 'card-third-party', 'baggage-claim-result', 'dining-chairs-delivery'];

describe('library scenarios typed in the trainee\'s own words', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
    await enterName(browser.page, browser.baseUrl);
  });
  afterAll(async () => browser.close());

  it.each(LIBRARY)('completes %s by typing alone, to the best ending', async (id) => {
    const { page } = browser;
    const scenario = scenarioFile(id);
    const script = typedScript(id);
    const best = Object.values(scenario.machine.states).find((state) => state.meta?.ending?.best)!.meta!.ending!.title;
    await page.goto(browser.baseUrl);
    await page.getByRole('link', { name: `Read the briefing for ${scenario.title}` }).click();
    await page.getByLabel('Type or say my own words').check();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await page.getByRole('button', { name: connectButton(scenario) }).click();
    await typeSteps(page, script.steps);
    await page.getByText(/^Call ended:/).waitFor();
    expect(await page.getByText(/^Call ended:/).innerText()).toContain(best);
    await fillNotesAndScore(page, script.notes);
    expect(['Satisfactory', 'Superior']).toContain(await page.locator('.overall strong').innerText());
    // A scorecard of typed turns is the same page for every caller; one scan covers it.
    if (id === LIBRARY[0]) expect(await axeViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  }, 240_000);
});
