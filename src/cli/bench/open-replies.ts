/**
 * Open replies in the browser: the trainee's own words, classified by the
 * language model that the page loads only when the reply box is first
 * focused. Each run is a fresh browser context, so the model chunk comes
 * from the server, not from a cache.
 */
import type { Browser, Page } from 'playwright-core';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { openFreshPage } from './browser';
import { timeTypedReply, TRANSCRIPT, TYPED_REPLY, TYPED_REPLY_STATUS, type TypedReplyOptions, type TypedReplyTiming } from './in-page';
import { heading, line, ms, summarise } from './stats';

const LOADING_TEXT = 'Loading the language model';
const FAILED_TEXT = 'The language model could not be loaded';

/** Replies any shipped customer answers with a line: a greeting with an open question, then an apology and a question. */
const FIRST_REPLY = 'Good afternoon, thank you for calling, my name is Sam. How can I help you today?';
const SECOND_REPLY = "I'm sorry to hear that. Could you tell me when it started?";

/** Prefer the irate call, where open replies were tuned; any scenario that allows them will do. */
function openScenario(scenarios: Scenario[]): Scenario | undefined {
  const allowed = scenarios.filter((scenario) => scenario.replyMode !== 'prepared');
  return allowed.find((scenario) => scenario.id === 'irate-outage') ?? allowed[0];
}

/** From the briefing, as a trainee does it: choose open replies (when there is a choice), start, answer. */
async function startOpenCall(page: Page, url: string, scenario: Scenario) {
  await page.goto(url);
  await page.getByRole('link', { name: `Read the briefing for ${scenario.title}` }).click();
  if (scenario.replyMode === 'either') await page.getByRole('radio', { name: 'Type or say my own words' }).check();
  await page.getByRole('button', { name: 'Start the call' }).click();
  await page.getByRole('button', { name: 'Answer' }).click();
  await page.locator(`${TYPED_REPLY}:enabled`).waitFor();
}

function options(text: string, focus: boolean, timeoutMs: number): TypedReplyOptions {
  return { text, focus, loadingText: LOADING_TEXT, failedText: FAILED_TEXT, timeoutMs, selectors: { transcript: TRANSCRIPT, textarea: TYPED_REPLY, status: TYPED_REPLY_STATUS } };
}

function describe(samples: number[]): string {
  if (!samples.length) return 'no sample';
  const { median, max, runs } = summarise(samples);
  return `median ${ms(median)}   max ${ms(max)}   (${runs} runs: ${samples.map((sample) => ms(sample)).join(', ')})`;
}

function fileOf(url: string): string {
  return new URL(url).pathname.replace(/^\//, '');
}

/**
 * 10. Open replies: per run, a fresh profile goes from the picker to the
 * briefing, chooses "Type or say my own words", starts and answers; then the
 * first reply is typed and sent the moment the box is focused (so it waits
 * for the whole model load), and a second reply once the model is in.
 */
export async function benchOpenReplies(browser: Browser, url: string, scenarios: Scenario[], modelFile: string | undefined, runs = 5) {
  const scenario = openScenario(scenarios);
  heading(`10. Open replies in Chromium: the language model, loaded on first focus of the reply box (fresh profile each run, ${runs} runs${scenario ? `, ${scenario.id}` : ''})`);
  if (!scenario) {
    console.log('  NOT RUN: no scenario allows replies in the trainee\'s own words');
    return;
  }
  const ready: number[] = [];
  const first: number[] = [];
  const second: number[] = [];
  const beforeFocus = new Set<string>();
  const onFocus = new Set<string>();
  const problems: string[] = [];
  let pageErrors = 0;
  let sameCommit = 0;
  for (let run = 0; run < runs; run++) {
    const { context, page, errors } = await openFreshPage(browser);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(fileOf(request.url()));
    });
    try {
      await startOpenCall(page, url, scenario);
      const loadedBefore = scripts.length;
      scripts.forEach((file) => beforeFocus.add(file));
      const firstReply: TypedReplyTiming = await page.evaluate(timeTypedReply, options(FIRST_REPLY, true, 30_000));
      scripts.slice(loadedBefore).forEach((file) => onFocus.add(file));
      if (firstReply.kind === 'failed') throw new Error(`first reply: ${firstReply.reason}`);
      if (firstReply.readyMs !== null) ready.push(firstReply.readyMs);
      else problems.push(`run ${run + 1}: the loading line never showed`);
      if (firstReply.kind === 'no-line') {
        problems.push(`run ${run + 1}: no customer line within 30 s of the first reply`);
        continue;
      }
      first.push(firstReply.lineMs);
      if (firstReply.readyMs === firstReply.lineMs) sameCommit++;
      const secondReply: TypedReplyTiming = await page.evaluate(timeTypedReply, options(SECOND_REPLY, false, 5_000));
      if (secondReply.kind === 'failed') throw new Error(`second reply: ${secondReply.reason}`);
      if (secondReply.kind === 'no-line') problems.push(`run ${run + 1}: no customer line within 5 s of the second reply`);
      else second.push(secondReply.lineMs);
    } catch (error) {
      problems.push(`run ${run + 1}: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      pageErrors += errors.length;
      await context.close();
    }
  }
  line('focus → model ready (status gone)', describe(ready));
  line('1st reply: focus+Enter → customer', `${describe(first)}   (model load included; the line came in the same DOM update as "ready" in ${sameCommit} of ${first.length} runs)`);
  line('2nd reply: Enter → customer line', describe(second));
  const model = modelFile ?? 'the model chunk (not found in the build)';
  const fetchedOnFocus = [...onFocus].sort();
  line('scripts fetched on focus', fetchedOnFocus.length ? fetchedOnFocus.map((file) => (file === modelFile ? `${file} (the model chunk)` : file)).join(', ') : 'none');
  line('model chunk fetched before focus', `${modelFile && beforeFocus.has(modelFile) ? 'YES' : 'no'}   (${model}; scripts before focus: ${[...beforeFocus].sort().join(', ')})`);
  line('problems', `${problems.length ? problems.join('; ') : 'none'}   (page errors: ${pageErrors})`);
}
