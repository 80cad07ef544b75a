/**
 * Browser benchmarks: the production build served by `vite preview`, driven
 * in headless Debian Chromium with playwright-core, as the browser tests do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import {
  KEEP_NAMES_SHIM,
  NOTES_FORM,
  PICKER_LINK,
  pickerReadyAt,
  REPLY_BUTTONS,
  timeOneReply,
  TRANSCRIPT,
  watchForPickerLink,
  type ReplyTiming,
} from './in-page';
import { describeTimes, heading, line, summarise, verdict } from './stats';

/** The flags of tests/e2e/browser.ts, so the bench sees the browser the tests see. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** A returning trainee: the name is known, so the picker shows at once; speech off, so no voice is loaded. */
const PREFERENCES = {
  key: 'call-trainer-preferences',
  value: JSON.stringify({ state: { traineeName: 'Bench', volume: 0.8, muted: false, speech: false }, version: 0 }),
};

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export async function servePreview(outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({
    configFile: 'vite.config.ts',
    configLoader: 'runner',
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report a local URL');
  }
  return { url, close: () => server.close() };
}

export interface FreshPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A new browser context is a new, empty profile: no cache, no IndexedDB, only the stored preferences. */
export async function openFreshPage(browser: Browser, { watchPicker = false } = {}): Promise<FreshPage> {
  return firstPageOf(await browser.newContext(VIEWPORT), { watchPicker });
}

const VIEWPORT = { viewport: { width: 1280, height: 900 } };

async function firstPageOf(context: BrowserContext, { watchPicker = false } = {}): Promise<FreshPage> {
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  // about:blank (between timed navigations) has no storage; only the app's pages get the preferences.
  await context.addInitScript(({ key, value }) => location.protocol.startsWith('http') && localStorage.setItem(key, value), PREFERENCES);
  if (watchPicker) await context.addInitScript(watchForPickerLink, PICKER_LINK);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/**
 * A profile on disk, as the browser of a trainee who has stored thousands of
 * calls is: Chromium keeps what it compiled of the app's code between visits
 * there (its code cache), which an off-the-record context (openFreshPage)
 * never does, so every visit there compiles the app from nothing. Its own
 * browser process; `close` ends it and deletes the profile.
 */
export async function openProfilePage(executablePath: string): Promise<FreshPage & { close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'call-trainer-bench-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS, ...VIEWPORT });
    const blank = context.pages();
    const opened = await firstPageOf(context);
    // The blank page a persistent context opens with came before the bench's init scripts.
    await Promise.all(blank.map((page) => page.close()));
    return { ...opened, close: () => context.close().finally(() => rmSync(profile, { recursive: true, force: true })) };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * 7. Navigation to a usable picker, in a fresh profile each time. The first
 * run only warms up the browser process and the server, and is not counted.
 */
export async function benchPickerReady(browser: Browser, url: string, runs = 10) {
  heading(`7. Navigation to an interactive scenario picker (fresh profile each run, ${runs} runs after 1 warm-up)`);
  const inPage: number[] = [];
  const driver: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const { context, page } = await openFreshPage(browser, { watchPicker: true });
    try {
      const link = page.locator(PICKER_LINK).first();
      const started = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await link.waitFor({ state: 'visible' });
      if (!(await link.isEnabled())) throw new Error('The picker link is visible but disabled');
      const seenByDriver = performance.now() - started;
      const readyAt = await page.evaluate(pickerReadyAt);
      if (readyAt === null) throw new Error('The in-page watcher never saw the picker link');
      if (run === 0) continue;
      driver.push(seenByDriver);
      inPage.push(readyAt);
    } finally {
      await context.close();
    }
  }
  line('in page (nav. start → link shown)', describeTimes(summarise(inPage)));
  line('driver (goto() → visible+enabled)', describeTimes(summarise(driver)));
}

async function startCall(page: Page, scenario: Scenario, viaPicker: boolean) {
  if (viaPicker) await page.getByRole('link', { name: `Read the briefing for ${scenario.title}` }).click();
  else await page.evaluate((id) => void (location.hash = `#/briefing/${id}`), scenario.id);
  await page.getByRole('button', { name: 'Start the call' }).click();
  // An outbound scenario (the trainee rings the customer) has "Place the call" where an inbound one has "Answer".
  await page.getByRole('button', { name: scenario.direction === 'outbound' ? 'Place the call' : 'Answer' }).click();
  await page.locator(`${REPLY_BUTTONS}:enabled`).first().waitFor();
}

/**
 * After a turn without reply buttons: waits for the next beat's replies, or
 * for the notes form that ends the call. Returns whether the call goes on;
 * a call stuck with neither is ended by hand.
 */
async function callGoesOn(page: Page): Promise<boolean> {
  const replies = page.locator(`${REPLY_BUTTONS}:enabled`).first();
  try {
    await page.locator(`${REPLY_BUTTONS}:enabled, ${NOTES_FORM}`).first().waitFor({ timeout: 10_000 });
  } catch {
    await page.getByRole('button', { name: 'End call' }).click({ timeout: 2_000 }).catch(() => undefined);
    return false;
  }
  return replies.isVisible();
}

/**
 * 8. Reply to customer line, measured in the page: calls through the
 * scenarios in turn, each started as a trainee would, until enough samples
 * are in (or the time budget is spent).
 */
export async function benchReplyLatency(browser: Browser, url: string, scenarios: Scenario[], { samplesWanted = 120, budgetMs = 40_000 } = {}) {
  heading(`8. Reply chosen → customer's next line in the page (MutationObserver, ≥${samplesWanted} samples wanted)`);
  const goodTexts = scenarios.flatMap((scenario) => Object.values(scenario.replies).flat().filter((reply) => reply.quality === 'good').map((reply) => reply.text));
  const options = { goodTexts, timeoutMs: 1_000, selectors: { transcript: TRANSCRIPT, replies: REPLY_BUTTONS } };
  const { context, page, errors } = await openFreshPage(browser);
  const samples: number[] = [];
  let calls = 0;
  let withoutLine = 0;
  const started = performance.now();
  const wantMore = () => samples.length < samplesWanted && performance.now() - started < budgetMs;
  try {
    await page.goto(url);
    while (wantMore()) {
      await startCall(page, scenarios[calls % scenarios.length]!, calls === 0);
      calls++;
      for (let goesOn = true; goesOn && wantMore(); ) {
        const result: ReplyTiming = await page.evaluate(timeOneReply, options);
        if (result.kind === 'sample') samples.push(result.ms);
        else if (result.kind === 'no-line') withoutLine++;
        else goesOn = await callGoesOn(page);
      }
    }
  } finally {
    await context.close();
  }
  if (!samples.length) throw new Error('No reply produced a customer line');
  const summary = summarise(samples);
  line('reply → customer line', `${describeTimes(summary, { withMax: true })}   ${verdict(summary.p95, 16, 'p95 ≤ 16 ms')}`);
  line('calls played', `${calls}   (replies with no customer line within 1 s: ${withoutLine}; page errors: ${errors.length})`);
}
