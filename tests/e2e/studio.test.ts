import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedScenario } from '../../src/engine/scenario/generated-scenario';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { enterName, fillNotesAndScore } from './flows';

async function exported(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export file' }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

async function openStudio(browser: BrowserSession) {
  await browser.page.goto(`${browser.baseUrl}#/studio`);
  await browser.page.getByRole('heading', { name: 'Scenario studio' }).waitFor();
}

/** The studio's start page, closing whatever the studio had open. */
async function studioStart(browser: BrowserSession) {
  const { page } = browser;
  await page.goto(`${browser.baseUrl}#/studio`);
  const close = page.getByRole('button', { name: 'Close', exact: true });
  const fresh = page.getByRole('button', { name: 'New from the template' });
  await close.or(fresh).first().waitFor();
  if (await close.isVisible()) await close.click();
  await fresh.waitFor();
}

/** A new draft from the template. */
async function newFromTemplate(browser: BrowserSession) {
  await studioStart(browser);
  await browser.page.getByRole('button', { name: 'New from the template' }).click();
  await browser.page.getByText(/Loads; 0 warning\(s\)/).waitFor();
}

// The studio loads its editor, diagram and loader on first use: on a busy machine that takes a while.
describe('the scenario studio', { timeout: 240_000 }, () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
    browser.page.setDefaultTimeout(120_000);
  });
  afterAll(async () => browser.close());

  it('builds a scenario from the template by forms, shows it as a diagram, and undo returns the original byte for byte', async () => {
    const { page } = browser;
    await openStudio(browser);
    await page.getByRole('button', { name: 'New from the template' }).click();
    await page.locator('[data-laid-out="yes"]').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThanOrEqual(7);
    await page.getByText(/Loads; 0 warning\(s\)/).waitFor();
    const original = await exported(page);

    await page.locator('.react-flow__node', { hasText: 'opening' }).click();
    await page.getByRole('heading', { name: 'State opening' }).waitFor();
    const text = page.getByRole('textbox', { name: 'Text' }).first();
    await text.fill('Good afternoon, you are through to Parcels. May I have your postcode?');
    await page.getByRole('checkbox', { name: 'Asks what' }).first().uncheck();
    // A form edit is validated live: this good reply now asks nothing, which is fine; making it harmful is not.
    await page.getByRole('combobox', { name: 'Quality' }).first().selectOption('harmful');
    const problem = page.getByRole('button', { name: /replies\.greet\[0\]\.quality: a harmful reply needs/ });
    await problem.waitFor();
    await problem.click();
    expect(await page.getByRole('tab', { name: 'States' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { name: 'State opening' }).waitFor();
    expect(await exported(page)).toContain('Good afternoon, you are through to Parcels');

    const undo = page.getByRole('button', { name: 'Undo' });
    while (await undo.isEnabled()) await undo.click();
    expect(await exported(page)).toBe(original);
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await exported(page)).not.toBe(original);
    await undo.click();
    expect(await exported(page)).toBe(original);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('play-tests from a middle state with the mood set by hand, steps back, and shows the scorecard', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Play-test' }).click();
    await page.getByRole('combobox', { name: 'Start in' }).selectOption('resolving');
    await page.getByText(/Now in resolving \(live\)/).waitFor();
    await page.getByText('Set mood, flags, facts and look-ups by hand').click();
    await page.getByRole('spinbutton', { name: 'anger' }).fill('20');
    await page.getByRole('button', { name: 'Apply and play on from here' }).click();
    await page.getByText(/Now in resolving \(live\); mood anger 20/).waitFor();
    await page.getByRole('button', { name: /You should have paid for express/ }).click();
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.getByText(/Now in resolving \(live\); mood anger 20/).waitFor();
    // The diagram marks the state the play-test is in, and moves the mark as the call moves on.
    const marked = page.locator('.react-flow__node.playing-state');
    await marked.filter({ hasText: /^resolving/ }).waitFor();
    await page.getByRole('button', { name: /refund the 4.99 shipping/ }).click();
    await page.getByText(/Now in closing/).waitFor();
    await marked.filter({ hasText: /^closing/ }).waitFor();
    expect(await marked.count()).toBe(1);
    expect(await marked.getAttribute('aria-label')).toContain('the play-test is here');
    await page.getByRole('button', { name: /Is there anything else/ }).click();
    await page.getByRole('heading', { name: /^Scorecard: \d+/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('exports and re-imports a scenario equal to what was exported, and asks before replacing a different draft', async () => {
    const { page } = browser;
    const first = await exported(page);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(first) });
    await page.getByText(/Imported again\.json\./).waitFor();
    expect(await exported(page)).toBe(first);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const changed = first.replace('A late parcel', 'A very late parcel');
    await page.locator('input[type=file]').setInputFiles({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(changed) });
    await page.getByText(/as a new draft/).waitFor();
    expect(browser.dialogs.at(-1)).toMatch(/already in this browser. Replace it/);
    expect(await exported(page)).toBe(changed);
  });

  it('tries a draft as a trainee: its briefing and call page, marked as a draft, a scorecard, and a place in this browser\'s picker', async () => {
    const { page } = browser;
    await newFromTemplate(browser);
    await page.getByRole('button', { name: 'Try it as a trainee' }).click();
    await page.getByRole('heading', { name: 'A late parcel' }).waitFor();
    await page.getByText('Draft from the studio').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start the call' }).click();
    await page.getByRole('button', { name: 'Answer' }).click();
    for (const reply of [/^Good morning, thanks for calling/, /^So your parcel is five days late/, /refund the 4.99 shipping/, /^Is there anything else/]) {
      await page.getByRole('button', { name: reply }).click();
    }
    await fillNotesAndScore(page, { what: 'Parcel five days late', action: 'Refunded the 4.99 shipping' });

    await enterName(page, browser.baseUrl);
    const drafts = page.getByRole('list', { name: 'Drafts' });
    await drafts.waitFor();
    expect(await drafts.getByText('Draft', { exact: true }).count()).toBeGreaterThan(0);
    await drafts.getByRole('link', { name: 'Read the briefing for the draft A late parcel' }).first().click();
    await page.getByText('Draft from the studio').waitFor();
    await page.goBack();
    await drafts.waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  // The README's "Your first customer in 30 minutes", followed step by step: no JSON is typed or read.
  it('a trainer builds a new scenario from the template by forms alone, sees live errors and fixes them, plays it to an ending, publishes and exports it', async () => {
    const { page } = browser;
    await newFromTemplate(browser);
    const field = (name: string | RegExp) => page.getByRole('textbox', { name, exact: typeof name === 'string' });
    const problems = page.getByRole('list', { name: 'Problems' });

    // 1. The card, the briefing and the caller.
    await field('Scenario id').fill('wrong-address');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { name: 'Studio: wrong-address' }).waitFor();
    await field('Title').fill('A parcel sent to the old address');
    await field(/^Summary/).fill('A customer who moved house finds their parcel went to the old address');
    await field(/^Briefing/).fill('A customer is calling about a parcel that has not arrived. They moved house last month.');
    await field("Caller's name").fill('Sam Mover');
    await page.getByRole('spinbutton', { name: 'Starting anger' }).fill('45');

    // 2. What the customer knows and says.
    await page.getByRole('tab', { name: 'Customer' }).click();
    await field('New fact named').fill('movedHouse');
    await page.getByRole('button', { name: 'Add a fact' }).click();
    await page.getByRole('combobox', { name: 'movedHouse: kind' }).selectOption('where');
    await field('movedHouse: summary (as a supervisor would write it)').fill('Moved house last month; the parcel went to the old address');
    await field('movedHouse: how the customer says it, variant 1').fill('I moved last month. Did it go to my old address?');
    await field(/^movedHouse: words in the notes/).fill('old address');
    await field(/^movedHouse: words in the notes/).blur();
    await field('New line named').fill('addressCheck');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await field('Line addressCheck, variant 1').fill('Hang on, which address did you send it to?');

    // 3. A new step: the errors appear as soon as it is added, and each is fixed by form.
    await page.getByRole('tab', { name: 'States' }).click();
    await page.getByRole('combobox', { name: 'Edit state' }).selectOption('listening');
    await field('New step named').fill('checkingAddress');
    await page.getByRole('button', { name: 'Add a step' }).click();
    await page.getByRole('heading', { name: 'State checkingAddress' }).waitFor();
    await problems.getByRole('button', { name: /replies\.checkingAddress: at least three prepared replies/ }).waitFor();
    await page.getByText(/1 error\(s\)/).waitFor();
    const replies = [
      { text: 'Which address did we send it to? Let me check that for you.', acts: ['Asks where'], quality: 'good' },
      { text: 'Where do you live?', acts: ['Asks where'], quality: 'mediocre' },
      { text: 'You should have told us you moved.', acts: ['Blame'], quality: 'harmful' },
    ];
    for (const [index, reply] of replies.entries()) {
      await page.getByRole('button', { name: 'Add a reply to “checkingAddress”' }).click();
      const box = page.getByRole('group', { name: new RegExp(`^Reply ${index + 1}:`) });
      await box.getByRole('textbox', { name: 'Text' }).fill(reply.text);
      await box.getByRole('combobox', { name: 'Quality' }).selectOption(reply.quality);
      for (const act of reply.acts) await box.getByRole('checkbox', { name: act }).check();
    }
    // The replies are fine now; the new step cannot be reached yet, and the problem says so.
    const unreachable = problems.getByRole('button', { name: /checkingAddress.*can never be entered/ });
    await unreachable.waitFor();
    await unreachable.click();
    await page.getByRole('heading', { name: 'State checkingAddress' }).waitFor();
    expect(await page.getByRole('tab', { name: 'States' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Add to on entering, the customer' }).click();
    await page.getByRole('combobox', { name: 'Line', exact: true }).selectOption('addressCheck');
    await page.getByRole('button', { name: 'Add transition' }).click();
    await page.getByRole('combobox', { name: 'HEARD transition 1: taken when' }).selectOption('knows');
    await page.getByRole('checkbox', { name: 'parcelLate' }).uncheck();
    await page.getByRole('checkbox', { name: 'movedHouse' }).check();
    await page.getByRole('combobox', { name: 'HEARD transition 1: goes to' }).selectOption('resolving');
    await page.getByRole('combobox', { name: 'Edit state' }).selectOption('listening');
    await page.getByRole('combobox', { name: 'HEARD transition 1: goes to' }).selectOption('checkingAddress');
    await page.getByRole('combobox', { name: 'Edit state' }).selectOption('resolved');
    await field('Ending title').fill('Parcel re-sent to the new address, shipping refunded');
    await page.getByText(/Loads; 0 warning\(s\); checked in \d+ ms\.$/).waitFor();
    await page.getByText('No problems: the scenario loads, every state can end, and the best ending is reachable.').waitFor();
    await page.locator('.react-flow__node', { hasText: 'checkingAddress' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // 4. Play it from the ring to its best ending.
    await page.getByRole('tab', { name: 'Play-test' }).click();
    await page.getByText(/Now in opening \(live\)/).waitFor();
    for (const reply of [/^Good morning, thanks for calling/, /^So your parcel is five days late/, /^Which address did we send it to/, /refund the 4.99 shipping/, /^Is there anything else/]) {
      await page.getByRole('button', { name: reply }).click();
    }
    await page.getByRole('heading', { name: /^Scorecard: \d+ .*ended Parcel re-sent to the new address/ }).waitFor();
    expect(await page.getByRole('list', { name: 'Play-test transcript' }).innerText()).toContain('Hang on, which address did you send it to?');

    // 5. Publish it in this browser and export the file for every trainee.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Published' }).waitFor();
    const file = JSON.parse(await exported(page));
    expect(file.id).toBe('wrong-address');
    expect(file.machine.states.checkingAddress.on.HEARD[0]).toEqual({ target: 'resolving', guard: { type: 'knows', params: { facts: ['movedHouse'] } } });
    expect(file.facts.movedHouse.noteKeywords).toEqual(['old address']);
    await page.goto(browser.baseUrl);
    const name = page.getByLabel(/Your name/);
    await name.or(page.getByRole('heading', { name: 'Choose a call' })).first().waitFor();
    if (await name.isVisible()) await enterName(page, browser.baseUrl);
    const card = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: 'A parcel sent to the old address' });
    await card.getByText('Published', { exact: true }).waitFor();
  });

  it('draws and validates a 200-state scenario', async () => {
    const { page } = browser;
    await studioStart(browser);
    const big = JSON.stringify(generatedScenario('big-caller', 200), null, 2);
    await page.locator('input[type=file]').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
    await page.locator('[data-laid-out="yes"]').waitFor({ timeout: 200_000 });
    await page.getByText(/Loads; 0 warning\(s\); checked in \d+ ms\.$/).waitFor({ timeout: 200_000 });
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(20);
    const layoutMs = await page.locator('[data-testid="studio-diagram"]').getAttribute('data-layout-ms');
    const status = await page.getByText(/checked in \d+ ms/).innerText();
    console.log(`200-state scenario: layout ${layoutMs} ms; ${status}`);
  }, 420_000);
});
