/**
 * Open replies in the browser: the trainee's own words, classified by the
 * language model that the briefing preloads once the trainee chooses to
 * type (the reply box's focus loads it when nothing did). Each run is a fresh browser context, so the model chunk comes
 * from the server, not from a cache.
 */
import type { Browser, Page } from 'playwright-core';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { openFreshPage } from './browser';
import { timeTypedReply, TRANSCRIPT, TYPED_REPLY, TYPED_REPLY_STATUS, type TypedReplyOptions, type TypedReplyTiming } from './in-page';
import { heading, line, ms, summarise } from './stats';

/** Time on the briefing after choosing to type, in the path that pauses: less than reading a briefing takes. */
const READING_MS = 3_000;

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

/** From the briefing, as a trainee does it: choose open replies (when there is a choice), start, answer. Returns when typing was chosen (driver clock). */
async function startOpenCall(page: Page, url: string, scenario: Scenario, readingMs: number): Promise<number> {
  await page.goto(url);
  await page.getByRole('link', { name: `Read the briefing for ${scenario.title}` }).click();
  if (scenario.replyMode === 'either') await page.getByRole('radio', { name: 'Type or say my own words' }).check();
  else await page.getByRole('button', { name: 'Start the call' }).waitFor();
  const chosenAt = performance.now();
  if (readingMs) await page.waitForTimeout(readingMs);
  await page.getByRole('button', { name: 'Start the call' }).click();
  await page.getByRole('button', { name: 'Answer' }).click();
  await page.locator(`${TYPED_REPLY}:enabled`).waitFor();
  return chosenAt;
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

/** Installed before the page's scripts: keeps the page's long tasks (over 50 ms, main thread) for reading back. */
function watchLongTasks() {
  const durations: number[] = [];
  (window as unknown as { benchLongTasks: number[] }).benchLongTasks = durations;
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration))).observe({ type: 'longtask', buffered: true });
}

function longestTask(): number {
  return Math.max(0, ...((window as unknown as { benchLongTasks?: number[] }).benchLongTasks ?? []));
}

/** No idle callbacks ever: nothing scheduled for idle time (the model's preload, the next pages' code) starts, so the focus loads the model. */
const NO_IDLE_CALLBACKS = 'window.requestIdleCallback = () => 0;';

interface PathFigures {
  ready: number[];
  readyAtFocus: number;
  first: number[];
  second: number[];
  sameCommit: number;
  /** Choosing "Type or say my own words" (or opening the briefing, where there is no choice) → focus: the time the preload had. */
  headStart: number[];
  /** The longest main-thread task from the page's start to the focus. */
  longestBeforeFocus: number[];
  beforeFocus: Set<string>;
  onFocus: Set<string>;
  problems: string[];
  pageErrors: number;
}

/**
 * Per run, a fresh profile goes from the picker to the briefing, chooses
 * "Type or say my own words", stays on the briefing for `readingMs` (none:
 * the least time a preload can have), starts and answers; then the first reply is typed and
 * sent the moment the box is focused, and a second reply once the model
 * is in. `cold` takes idle callbacks away, so the model loads on focus
 * only, as when nothing preloaded it.
 */
async function runOpenCalls(browser: Browser, url: string, scenario: Scenario, runs: number, { cold = false, readingMs = 0 } = {}): Promise<PathFigures> {
  const figures: PathFigures = { ready: [], readyAtFocus: 0, first: [], second: [], sameCommit: 0, headStart: [], longestBeforeFocus: [], beforeFocus: new Set(), onFocus: new Set(), problems: [], pageErrors: 0 };
  for (let run = 0; run < runs; run++) {
    const { context, page, errors } = await openFreshPage(browser);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(fileOf(request.url()));
    });
    try {
      if (cold) await page.addInitScript({ content: NO_IDLE_CALLBACKS });
      await page.addInitScript(watchLongTasks);
      const chosenAt = await startOpenCall(page, url, scenario, readingMs);
      const loadedBefore = scripts.length;
      scripts.forEach((file) => figures.beforeFocus.add(file));
      figures.longestBeforeFocus.push(await page.evaluate(longestTask));
      figures.headStart.push(performance.now() - chosenAt);
      const firstReply: TypedReplyTiming = await page.evaluate(timeTypedReply, options(FIRST_REPLY, true, 30_000));
      scripts.slice(loadedBefore).forEach((file) => figures.onFocus.add(file));
      if (firstReply.kind === 'failed') throw new Error(`first reply: ${firstReply.reason}`);
      if (firstReply.readyMs !== null) figures.ready.push(firstReply.readyMs);
      else if (!firstReply.loadingSeen && firstReply.kind === 'sample') {
        figures.ready.push(0);
        figures.readyAtFocus++;
      } else figures.problems.push(`run ${run + 1}: the loading line never went`);
      if (firstReply.kind === 'no-line') {
        figures.problems.push(`run ${run + 1}: no customer line within 30 s of the first reply`);
        continue;
      }
      figures.first.push(firstReply.lineMs);
      if (firstReply.readyMs === firstReply.lineMs) figures.sameCommit++;
      const secondReply: TypedReplyTiming = await page.evaluate(timeTypedReply, options(SECOND_REPLY, false, 5_000));
      if (secondReply.kind === 'failed') throw new Error(`second reply: ${secondReply.reason}`);
      if (secondReply.kind === 'no-line') figures.problems.push(`run ${run + 1}: no customer line within 5 s of the second reply`);
      else figures.second.push(secondReply.lineMs);
    } catch (error) {
      figures.problems.push(`run ${run + 1}: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      figures.pageErrors += errors.length;
      await context.close();
    }
  }
  return figures;
}

function printPath(figures: PathFigures, modelFile: string | undefined) {
  line('focus → model ready (status gone)', `${describe(figures.ready)}   (already in at focus, 0 ms, in ${figures.readyAtFocus} of ${figures.ready.length})`, 4);
  line('1st reply: focus+Enter → customer', `${describe(figures.first)}   (model wait included; the line came in the same DOM update as "ready" in ${figures.sameCommit} of ${figures.first.length} runs)`, 4);
  line('2nd reply: Enter → customer line', describe(figures.second), 4);
  line('typed chosen → focus (head start)', describe(figures.headStart), 4);
  line('longest main-thread task to focus', describe(figures.longestBeforeFocus), 4);
  const model = modelFile ?? 'the model chunk (not found in the build)';
  const fetchedOnFocus = [...figures.onFocus].sort();
  line('scripts fetched on focus', fetchedOnFocus.length ? fetchedOnFocus.map((file) => (file === modelFile ? `${file} (the model chunk)` : file)).join(', ') : 'none', 4);
  line('model chunk fetched before focus', `${modelFile && figures.beforeFocus.has(modelFile) ? 'yes' : 'no'}   (${model})`, 4);
  line('problems', `${figures.problems.length ? figures.problems.join('; ') : 'none'}   (page errors: ${figures.pageErrors})`, 4);
}

/**
 * 10. Open replies: the language model, preloaded from the briefing once
 * the trainee chooses to type, measured on the way a trainee goes (no
 * pauses, so the preload has the least time it can), then cold, with the
 * preload kept from starting, as the focus of the reply box alone loads it.
 */
export async function benchOpenReplies(browser: Browser, url: string, scenarios: Scenario[], modelFile: string | undefined, runs = 5) {
  const scenario = openScenario(scenarios);
  heading(`10. Open replies in Chromium: the language model, preloaded from the briefing or loaded on first focus of the reply box (fresh profile each run, ${runs} runs per path${scenario ? `, ${scenario.id}` : ''})`);
  if (!scenario) {
    console.log('  NOT RUN: no scenario allows replies in the trainee\'s own words');
    return;
  }
  console.log('  briefing → choose "Type or say my own words" → Start → Answer → focus at once (no reading, no ring: the least time the preload gets)');
  printPath(await runOpenCalls(browser, url, scenario, runs), modelFile);
  console.log(`  the same, with ${READING_MS / 1000} s on the briefing after choosing (a glance: reading it takes longer)`);
  printPath(await runOpenCalls(browser, url, scenario, runs, { readingMs: READING_MS }), modelFile);
  console.log('  cold, focus first: no idle callbacks, so nothing preloads and the focus loads the model');
  printPath(await runOpenCalls(browser, url, scenario, runs, { cold: true }), modelFile);
}
