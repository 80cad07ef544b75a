/**
 * Team records end to end, against a real LRS started for this file: a
 * trainee's scored call reaches the LRS; a supervisor in another browser
 * profile, given only the LRS, rebuilds it with the same score, overrides a
 * competency and comments; the trainee sees both on the results page. Then
 * bundles: a spoilt one is rejected whole, and names and comments with
 * markup stay text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '../../src/engine/records/bundle';
import { allStatements, startLrs, type TestLrs } from '../helpers/lrs';
import { entry, POOR_ROUTE, scoredSession, SPOILT_BUNDLES, validBundle } from '../helpers/records';
import { axeViolations, openBrowser, type BrowserSession } from './browser';
import { enterName, fillNotesAndScore, goodRoute, playSteps, scenarioFile, startCall, typeSteps } from './flows';

const PAYLOAD = '<img src=x onerror=alert(1)>';

async function connect(page: Page, baseUrl: string, lrs: TestLrs, key: string) {
  await page.goto(`${baseUrl}#/settings`);
  await page.getByRole('checkbox', { name: 'Send records to the LRS' }).check();
  await page.getByLabel('LRS endpoint').fill(lrs.endpoint);
  await page.getByLabel('Key').fill(key);
  await page.getByLabel('Secret').fill('secret');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/Saved\. Connected/).waitFor();
}

async function signAs(page: Page, name: string) {
  await page.getByRole('heading', { name: 'Review', exact: true }).waitFor();
  const field = page.getByLabel('Your name, to sign comments, overrides and verdicts');
  if (await field.count()) {
    await field.fill(name);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
  }
}

describe('team records through a real LRS', () => {
  let lrs: TestLrs;
  let trainee: BrowserSession;
  let supervisor: BrowserSession;
  beforeAll(async () => {
    lrs = await startLrs();
    trainee = await openBrowser();
    supervisor = await openBrowser();
  });
  afterAll(async () => {
    await trainee?.close();
    await supervisor?.close();
    await lrs?.stop();
  });

  let sessionId = '';
  let score = '';
  let callCount = 0;

  it('sends a prepared call\'s statements, which the LRS accepts, each once', async () => {
    const { page, baseUrl } = trainee;
    await enterName(page, baseUrl, 'Tess Trainee');
    await connect(page, baseUrl, lrs, 'trainee-key');
    await page.goto(baseUrl);
    const scenario = scenarioFile('billing-dispute');
    await startCall(page, scenario);
    const { steps, notes } = goodRoute('billing-dispute');
    await playSteps(page, scenario, steps);
    await fillNotesAndScore(page, notes);
    sessionId = page.url().split('/results/')[1]!;
    score = (await page.locator('.overall-score').first().innerText()).trim();
    const turns = steps.filter((step) => !/^(ANSWER|LOOKUP|HOLD|RESUME|END|ESCALATE)/.test(step)).length;
    const controls = steps.filter((step) => /^(LOOKUP|HOLD|RESUME|ESCALATE)/.test(step)).length;
    await expect.poll(async () => (await allStatements(lrs, `&registration=${sessionId}`)).length, { timeout: 30_000 }).toBe(turns + controls + 2);
    await page.goto(`${baseUrl}#/settings`);
    await page.getByText('All records sent').waitFor();
    const stored = await allStatements(lrs, `&registration=${sessionId}`);
    callCount = stored.length;
    expect(new Set(stored.map((s) => s.id)).size).toBe(stored.length);
  });

  it('rebuilds the call in a supervisor\'s fresh browser from the LRS alone, with the same score', async () => {
    const { page, baseUrl } = supervisor;
    await connect(page, baseUrl, lrs, 'supervisor-key');
    await page.getByRole('link', { name: 'Review' }).click();
    await signAs(page, 'Sam Supervisor');
    await page.getByRole('button', { name: 'Load the team’s calls from the LRS' }).click();
    await page.getByText(/From the LRS: 1 new call/).waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Tess Trainee' }).click();
    await page.getByRole('heading', { name: /Tess Trainee/ }).waitFor();
    expect((await page.locator('.overall-score').innerText()).trim()).toBe(score);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('carries a supervisor\'s override and comment to the trainee\'s results page', async () => {
    const { page } = supervisor;
    await page.getByRole('button', { name: 'Override Closing' }).click();
    await page.getByLabel(/New score for Closing/).fill('40');
    await page.getByLabel('Reason (required)').fill('The close skipped the summary.');
    await page.getByRole('button', { name: 'Override', exact: true }).click();
    await page.getByText(/Overridden from \d+ to 40 by Sam Supervisor/).waitFor();
    await page.getByLabel('Comment on the call').fill('Good empathy early on.');
    await page.getByRole('button', { name: 'Add comment' }).last().click();
    await page.getByText(/commented on the call: “Good empathy early on\.”/).waitFor();
    // Two review statements (the override and the comment) join the call's on the LRS.
    await expect.poll(async () => (await allStatements(lrs, `&registration=${sessionId}`)).length, { timeout: 30_000 }).toBe(callCount + 2);

    // The trainee's progress: a checklist row the scenario covers is shown in it, not yet mastered (that takes two scenarios).
    await page.getByRole('link', { name: 'Tess Trainee’s progress' }).click();
    await page.getByRole('heading', { name: 'Progress: Tess Trainee' }).waitFor();
    const records = page.getByRole('row', { name: /004 Maintain financial or account records/ });
    expect(await records.getByRole('cell').allInnerTexts()).toEqual([expect.any(String), scenarioFile('billing-dispute').title, 'Not yet']);
    expect(await axeViolations(page)).toEqual([]);
    await page.goBack();

    await trainee.page.goto(`${trainee.baseUrl}#/results/${sessionId}`);
    const feedback = trainee.page.getByRole('region', { name: 'Your supervisor’s review' });
    await feedback.getByText(/Sam Supervisor changed closing from \d+ to 40: “The close skipped the summary\.”/).waitFor({ timeout: 30_000 });
    await feedback.getByText('Sam Supervisor on the call: “Good empathy early on.”').waitFor();
    expect(await axeViolations(trainee.page)).toEqual([]);
    await feedback.getByRole('button', { name: 'Dispute…' }).click();
    await feedback.getByLabel('What do you disagree with, and why?').fill('I did summarise before closing.');
    await feedback.getByRole('button', { name: 'Send dispute' }).click();
    await feedback.getByText('Your dispute was sent to your supervisor.').waitFor();
  });

  it('keeps a call\'s statements through an LRS outage and delivers each exactly once when it is back', async () => {
    const { page, baseUrl } = trainee;
    // The previous test's dispute is delivered first, so only this call's records wait through the outage.
    await page.goto(`${baseUrl}#/settings`);
    await page.getByText('All records sent').waitFor({ timeout: 30_000 });
    const scenario = scenarioFile('billing-dispute');
    await page.goto(baseUrl);
    await startCall(page, scenario);
    const { steps, notes } = goodRoute('billing-dispute');
    await playSteps(page, scenario, steps.slice(0, 4));
    await lrs.stop();
    await playSteps(page, scenario, steps.slice(4));
    await fillNotesAndScore(page, notes);
    const outageSession = page.url().split('/results/')[1]!;
    await page.goto(`${baseUrl}#/settings`);
    await page.getByText(`${callCount} records waiting to send`).waitFor({ timeout: 30_000 });
    await page.getByText(/Last try: The LRS could not be reached/).waitFor();

    // Meanwhile the reviewed call's page says it could not look for new feedback, and can look again once the LRS is back.
    await page.goto(`${baseUrl}#/results/${sessionId}`);
    const feedback = page.getByRole('region', { name: 'Your supervisor’s review' });
    await feedback.getByText(/Could not check the team records for feedback/).waitFor({ timeout: 30_000 });
    lrs = await startLrs(lrs.port);
    await feedback.getByRole('button', { name: 'Check again' }).click();
    await feedback.getByText(/Could not check/).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await feedback.getByRole('button', { name: 'Check again' }).count()).toBe(0);

    await page.goto(`${baseUrl}#/settings`);
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('All records sent').waitFor({ timeout: 30_000 });
    const stored = await allStatements(lrs, `&registration=${outageSession}`);
    expect(stored).toHaveLength(callCount);
    expect(new Set(stored.map((s) => s.id)).size).toBe(callCount);
  });

  it("sends a typed call's statements, which the LRS accepts, each once, with the trainee's own words as the response", async () => {
    const { page, baseUrl } = trainee;
    const typed = JSON.parse(readFileSync('tests/fixtures/typed/billing-dispute.json', 'utf8')) as { steps: string[]; notes: Parameters<typeof fillNotesAndScore>[1] };
    const scenario = scenarioFile('billing-dispute');
    await page.goto(baseUrl);
    await page.getByRole('link', { name: `Read the briefing for ${scenario.title}` }).click();
    await page.getByLabel('Type or say my own words').check();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await page.getByRole('button', { name: 'Answer' }).click();
    await typeSteps(page, typed.steps);
    await fillNotesAndScore(page, typed.notes);
    const typedSession = page.url().split('/results/')[1]!;
    const said = typed.steps.filter((step) => !step.startsWith('LOOKUP '));
    const lookUps = typed.steps.length - said.length;
    await expect.poll(async () => (await allStatements(lrs, `&registration=${typedSession}`)).length, { timeout: 30_000 }).toBe(said.length + lookUps + 2);
    // A statement the LRS refused (its warnings name the field) would be held back, and this would never show.
    await page.goto(`${baseUrl}#/settings`);
    await page.getByText('All records sent').waitFor({ timeout: 30_000 });
    const stored = await allStatements(lrs, `&registration=${typedSession}`);
    expect(new Set(stored.map((s) => s.id)).size).toBe(stored.length);
    const responses = (stored as { verb: { id: string }; result?: { response?: string } }[]).filter((s) => s.verb.id.endsWith('/answered')).map((s) => s.result?.response);
    expect(responses).toEqual(expect.arrayContaining(said));
  });

  it('rejects a spoilt bundle whole, naming the session and the path, and keeps names and comments as text', async () => {
    const { page, baseUrl } = supervisor;
    const folder = mkdtempSync(join(tmpdir(), 'bundles-'));
    const spoilt = JSON.parse(JSON.stringify(validBundle()));
    SPOILT_BUNDLES[0]!.spoil(spoilt);
    writeFileSync(join(folder, 'tampered.json'), JSON.stringify(spoilt));
    const marked = scoredSession('e2e00000-0000-4000-8000-0000000000aa', POOR_ROUTE, `Mallory ${PAYLOAD}`);
    writeFileSync(join(folder, 'marked.json'), JSON.stringify(makeBundle([{ session: marked, review: [entry(marked.id, 'x1', { kind: 'comment', turn: null, text: `Nice ${PAYLOAD}` })] }], new Date().toISOString())));

    await page.goto(`${baseUrl}#/review`);
    await page.getByText(/1 scored session/).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    await (await chooser).setFiles(join(folder, 'tampered.json'));
    await page.getByText('tampered.json was not imported: nothing was stored. Problems:').waitFor();
    await page.getByText(/sessions\[1\]\.session\.scorecard\.overall/).waitFor();
    await page.getByText('1 scored sessions').waitFor();

    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    await (await again).setFiles(join(folder, 'marked.json'));
    await page.getByText(/Imported marked\.json: 1 new session/).waitFor();
    await page.getByRole('link', { name: `Mallory ${PAYLOAD}` }).click();
    await page.getByText(`commented on the call: “Nice ${PAYLOAD}”`).waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(supervisor.dialogs).toEqual([]);
    expect(supervisor.errors).toEqual([]);
  });
});
