/** What a trainee does in the browser, step by step, for the browser tests. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CallEvent } from '../../src/engine/call/compile';
import { findBestRoute } from '../../src/engine/scenario/routes';
import { idealNotes } from '../../src/engine/scenario/ideal-notes';
import { describeEvent } from '../../src/engine/scenario/scenario-report';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import { loadScenarioFile, play } from '../helpers/play';

export function scenarioFile(id: string): Scenario {
  const path = id === 'xss-caller' ? 'tests/fixtures/e2e-scenarios/xss-caller.json' : `scenarios/${id}.json`;
  return JSON.parse(readFileSync(path, 'utf8')) as Scenario;
}

export async function enterName(page: Page, baseUrl: string, name = 'Sam Trainee') {
  await page.goto(baseUrl);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Choose a call' }).waitFor();
}

/** The button that connects the call: the trainee answers an inbound call and places an outbound one. */
export function connectButton(scenario: Scenario): string {
  return scenario.direction === 'outbound' ? 'Place the call' : 'Answer';
}

export async function startCall(page: Page, scenario: Scenario) {
  await page.getByRole('link', { name: `Read the briefing for ${scenario.title}` }).click();
  await page.getByRole('button', { name: 'Start the call' }).click();
  await page.getByRole('button', { name: connectButton(scenario) }).waitFor();
}

export function replyText(scenario: Scenario, replyId: string): string {
  const reply = Object.values(scenario.replies).flat().find((candidate) => candidate.id === replyId);
  if (!reply) throw new Error(`No reply ${replyId} in ${scenario.id}`);
  return reply.text;
}

/** Plays steps: reply ids, or ANSWER, HOLD, RESUME, ESCALATE, END, "LOOKUP <Section>". */
export async function playSteps(page: Page, scenario: Scenario, steps: string[]) {
  for (const step of steps) {
    const [word, arg] = step.split(' ');
    if (word === 'ANSWER') await page.getByRole('button', { name: connectButton(scenario) }).click();
    else if (word === 'HOLD') await page.getByRole('button', { name: 'Hold' }).click();
    else if (word === 'RESUME') await page.getByRole('button', { name: 'Resume from hold' }).click();
    else if (word === 'ESCALATE') await page.getByRole('button', { name: 'Escalate or transfer' }).click();
    else if (word === 'END') {
      await page.getByRole('button', { name: 'End call' }).click();
      await page.getByRole('button', { name: 'Yes, end the call' }).click();
    }
    else if (word === 'LOOKUP') await page.getByRole('group', { name: 'Look up' }).getByRole('button', { name: arg! }).click();
    else await page.getByRole('button', { name: replyText(scenario, step), exact: true }).click();
  }
}

/** Types each step into the reply box (or presses a look-up for "LOOKUP <Section>"), waiting for each turn to show. */
export async function typeSteps(page: Page, steps: string[]) {
  const box = page.getByLabel('Say it in your own words');
  const turns = page.locator('ol[aria-label="Call so far"] .line-trainee');
  for (const step of steps) {
    if (step.startsWith('LOOKUP ')) {
      await page.getByRole('group', { name: 'Look up' }).getByRole('button', { name: step.slice(7) }).click();
      continue;
    }
    const before = await turns.count();
    await box.fill(step);
    await box.press('Enter');
    await turns.nth(before).waitFor();
  }
}

export async function fillNotesAndScore(page: Page, notes: Partial<Record<'who' | 'what' | 'when' | 'where' | 'why' | 'action', string>>) {
  const labels = { who: 'Who', what: 'What', when: 'When', where: 'Where', why: 'Why', action: 'Action taken' } as const;
  for (const [field, text] of Object.entries(notes)) {
    await page.getByLabel(labels[field as keyof typeof labels], { exact: true }).fill(text);
  }
  await page.getByRole('button', { name: /Save notes and see my score/ }).click();
  await page.getByRole('heading', { name: /Your scorecard/ }).waitFor();
}

const SECTION_LABEL: Record<string, string> = { holder: 'Holder', addresses: 'Addresses', bills: 'Bills', payments: 'Payments', invoices: 'Invoices', policy: 'Policy', history: 'History' };

/**
 * The route a trainee using the author's good replies takes (the engine finds
 * it), as browser steps, and the notes a careful trainee would write after it.
 */
export function goodRoute(id: string) {
  const scenario = loadScenarioFile(`scenarios/${id}.json`);
  const { events } = findBestRoute(scenario);
  const record = play(scenario, events.map(describeEvent)).record();
  const steps = events.map((event: CallEvent) => (event.type === 'LOOKUP' ? `LOOKUP ${SECTION_LABEL[event.section]}` : describeEvent(event)));
  return { steps, notes: idealNotes(scenario, record) };
}


export async function transcriptLines(page: Page) {
  return page.locator('ol[aria-label="Call so far"] > li .line').allInnerTexts();
}
