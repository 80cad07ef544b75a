/**
 * npm run bench [-- engine | browser]: prints speed figures for the engine
 * (in this Node process) and for the built app in headless Chromium. A
 * benchmark reports; it asserts nothing except that it ran, so figures past
 * their targets are printed as such, not turned into failures.
 *
 * Engine: 1–4, and 9 (the dialogue-act classifier). Browser: 5–8, 10
 * (open replies, which load the classifier's model) and 13 (the studio's
 * diagram of a 200-state scenario). 9 runs after 8, while
 * Chromium idles, so the sections print in order whichever parts run.
 * Storage: 11 (ten thousand stored calls in the browser) and 12 (bytes
 * written per turn, in Node); `npm run bench -- storage` runs only these.
 * Review: 14 (the supervisor's review table over ten thousand stored calls);
 * `npm run bench -- review` runs only it. `npm run bench -- studio` runs only 13.
 * `npm run bench -- replies` runs only 10.
 * Check: 15 (`npm run scenarios:check` over the whole library, as a trainer
 * runs it); `npm run bench -- check` runs only it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { arch, cpus, loadavg, platform, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureChromium } from '../../tests/e2e/chromium';
import { loadScenarios } from '../engine/scenario/scenario-loader';
import type { Scenario } from '../engine/scenario/scenario-schema';
import { benchPickerReady, benchReplyLatency, launchChromium, servePreview } from './bench/browser';
import { actModelWeightsFile, buildApp, buildMinimal, CALL_PAGE_CLASSIFIER_MODULES, composition, isNlpModule, modelChunk, modulesIn, type ChunkModules } from './bench/builds';
import { benchCheckCommand } from './bench/check-command';
import { benchClassifier, benchClassifierInChromium } from './bench/classifier';
import { benchExploration, benchLoading, benchScoring, benchTurns, readScenarioFiles } from './bench/engine';
import { gzipSize, measureInitialJs, type InitialJs } from './bench/initial-js';
import { benchOpenReplies } from './bench/open-replies';
import { benchReviewTable } from './bench/review-table';
import { benchBytesPerTurn, benchStoredSessions } from './bench/stored-sessions';
import { heading, kib, line, ms, verdict } from './bench/stats';
import { benchStudioLayout } from './bench/studio-layout';

const PARTS = ['engine', 'browser', 'storage', 'review', 'studio', 'replies', 'check'] as const;
type Part = (typeof PARTS)[number];

function partsToRun(args: string[]): Set<Part> {
  const asked = args.filter((arg): arg is Part => (PARTS as readonly string[]).includes(arg));
  const unknown = args.filter((arg) => !(PARTS as readonly string[]).includes(arg));
  if (unknown.length) throw new Error(`Unknown argument(s) ${unknown.join(' ')}; use ${PARTS.map((part) => `"${part}"`).join(', ')} or nothing for all`);
  return new Set(asked.length ? asked : PARTS);
}

/** Figures mean little without the machine; the load average says whether something else was competing for it. */
function printMachine() {
  const cores = cpus();
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`machine: node ${process.version}, ${cores.length} CPUs (${cores[0]?.model.trim() ?? 'unknown model'}), ${platform()} ${arch()}, load average ${load}`);
}

/** 2 to 4; 1 (loading) runs first in main, since everything else needs the scenarios it loads. */
function runEngine(scenarios: Scenario[]) {
  benchExploration(scenarios);
  benchScoring(scenarios);
  benchTurns(scenarios);
}

function describeSize(size: InitialJs) {
  return `${kib(size.gzipped)} gzip -9   (${kib(size.bytes)} raw, ${size.chunks.length} chunk(s))`;
}

/**
 * Part of 6: the trainee's first page must not carry the classifier's NLP
 * code (typed-reply.ts and readable.ts excepted); the model belongs in a lazy chunk of its own.
 * Returns that chunk's file.
 */
function describeNlpChunks(chunkModules: ChunkModules, appDir: string, initialFiles: string[]): string | undefined {
  const inInitial = modulesIn(chunkModules, initialFiles, isNlpModule);
  const where = (id: string) => relative(process.cwd(), id).replace(/\\/g, '/');
  line(
    'NLP code in the initial chunks',
    inInitial.length
      ? `YES, ${inInitial.length} module(s): ${inInitial.map((module) => `${where(module.id)} in ${module.file}`).join(', ')}`
      : 'none   (no wink-nlp, wink-eng-lite-web-model or src/engine/classifier/ other than typed-reply.ts and readable.ts)',
  );
  for (const module of modulesIn(chunkModules, initialFiles, (id) => CALL_PAGE_CLASSIFIER_MODULES.test(id))) {
    const why = module.id.endsWith('readable.ts') ? 'the reply box shows the length cap' : 'the call page turns acts into a reply';
    line(where(module.id), `in ${module.file}, ${module.renderedLength.toLocaleString('en-US')} B rendered (expected: ${why})`, 4);
  }
  const model = modelChunk(chunkModules);
  if (!model) {
    line('language model chunk', 'NOT FOUND: no chunk holds wink-eng-lite-web-model');
    return undefined;
  }
  const content = readFileSync(join(appDir, model));
  const lazy = !initialFiles.includes(model);
  line('language model chunk', `${model}   ${kib(gzipSize(content))} gzip -9   (${kib(content.length)} raw, ${lazy ? 'lazy' : 'INITIAL'})`);
  const parts = composition(chunkModules, [model]);
  line('made of (rendered code, approx.)', parts.slice(0, 4).map((part) => `${part.owner} ${(part.share * 100).toFixed(part.share < 0.01 ? 1 : 0)}%`).join(', '), 4);
  return model;
}

/** 5 and 6: both builds, then the initial JavaScript of each and how they compare. Returns the app's out dir and its model chunk. */
async function benchBuildsAndSize(temp: string): Promise<{ appDir: string; modelFile: string | undefined }> {
  heading('5. Production builds (vite build, into a temporary folder)');
  const appDir = join(temp, 'app');
  const minimalDir = join(temp, 'minimal');
  let started = performance.now();
  const chunkModules = await buildApp(appDir);
  line('app', ms(performance.now() - started));
  started = performance.now();
  await buildMinimal(minimalDir);
  line('minimal page, same stack', ms(performance.now() - started));

  heading('6. Initial JavaScript (entry + static imports, lazy chunks excluded)');
  const app = measureInitialJs(appDir);
  const minimal = measureInitialJs(minimalDir);
  line("app, trainee's route", describeSize(app));
  for (const chunk of app.chunks) line(chunk.file, `${kib(chunk.gzipped)} gzip -9`, 4);
  line('lazy chunks, not counted', `${app.lazy.files.length} chunk(s), ${kib(app.lazy.gzipped)} gzip -9: ${app.lazy.files.join(', ')}`, 4);
  const parts = composition(chunkModules, app.chunks.map((chunk) => chunk.file));
  line('made of (rendered code, approx.)', parts.slice(0, 6).map((part) => `${part.owner} ${(part.share * 100).toFixed(0)}%`).join(', '), 4);
  line('minimal page, same stack', `${describeSize(minimal)}   (react, react-dom, xstate, @xstate/react, zustand, howler)`);
  const ratio = app.gzipped / minimal.gzipped;
  line('ratio app / minimal', `${ratio.toFixed(2)}   ${verdict(ratio, 1.5, 'ratio ≤ 1.5')}`);
  const modelFile = describeNlpChunks(chunkModules, appDir, app.chunks.map((chunk) => chunk.file));
  return { appDir, modelFile };
}

/**
 * 7, 8 and 10, with the browser and the preview server always closed,
 * whatever happens; `meanwhile` (9, when the engine part runs) goes between
 * 8 and 10, while Chromium idles.
 */
async function benchInBrowser(appDir: string, modelFile: string | undefined, scenarios: Scenario[], meanwhile: () => Promise<void>, parts: Set<Part>): Promise<boolean> {
  let executablePath: string;
  try {
    executablePath = ensureChromium();
  } catch (error) {
    heading('7, 8 and 10. Browser timings: NOT RUN, Chromium is missing');
    console.log((error as Error).message);
    console.log('The figures above were measured; once Chromium is there, npm run bench measures 7, 8 and 10 as well.');
    await meanwhile();
    return false;
  }
  const server = await servePreview(appDir);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium(executablePath);
    console.log(`\n(serving the build at ${server.url} to ${executablePath} ${browser.version()}, headless)`);
    if (parts.has('browser')) {
      await benchPickerReady(browser, server.url);
      await benchReplyLatency(browser, server.url, scenarios);
    }
    await meanwhile();
    if (parts.has('browser') || parts.has('replies')) await benchOpenReplies(browser, server.url, scenarios, modelFile);
    if (parts.has('browser')) await benchClassifierInChromium(browser, server.url, modelFile ? { chunk: modelFile, weights: actModelWeightsFile(appDir) } : undefined);
    if (parts.has('browser') || parts.has('studio')) await benchStudioLayout(browser, server.url);
    if (parts.has('storage')) await benchStoredSessions(executablePath, server.url, scenarios);
    if (parts.has('review')) await benchReviewTable(browser, server.url, scenarios);
  } finally {
    await browser?.close();
    await server.close();
  }
  return true;
}

async function runBrowser(scenarios: Scenario[], meanwhile: () => Promise<void>, parts: Set<Part>): Promise<boolean> {
  const temp = mkdtempSync(join(tmpdir(), 'call-trainer-bench-'));
  try {
    let built: { appDir: string; modelFile: string | undefined };
    if (parts.has('browser')) built = await benchBuildsAndSize(temp);
    else {
      const appDir = join(temp, 'app');
      built = { appDir, modelFile: modelChunk(await buildApp(appDir)) };
    }
    return await benchInBrowser(built.appDir, built.modelFile, scenarios, meanwhile, parts);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

async function main() {
  const started = performance.now();
  const parts = partsToRun(process.argv.slice(2));
  printMachine();
  const files = readScenarioFiles();
  // Loading is benchmark 1 itself; a browser-only run still needs the scenarios, just not the timing.
  const scenarios = parts.has('engine') ? benchLoading(files) : loadScenarios(files).scenarios;
  if (!scenarios.length) throw new Error('No scenario loaded: run npm run scenarios:check to see why');
  if (parts.has('engine')) runEngine(scenarios);
  // 9 is engine work, but it prints after the browser's 5–8 when both parts run.
  const classifier = parts.has('engine') ? () => benchClassifier() : async () => undefined;
  const inBrowser = [...parts].some((part) => part !== 'engine' && part !== 'check');
  const browserRan = inBrowser ? await runBrowser(scenarios, classifier, parts) : (await classifier(), true);
  if (parts.has('storage')) await benchBytesPerTurn(scenarios);
  if (parts.has('check')) benchCheckCommand();
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!browserRan) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
