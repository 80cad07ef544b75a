/**
 * The dialogue-act classifier in this Node process: how long its language
 * model takes to load, and how many labelled utterances it classifies per
 * second once loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import type { ClassifyContext } from '../../engine/classifier/classify';
import { openFreshPage } from './browser';
import { heading, line, ms, summarise, verdictAtLeast } from './stats';

export const UTTERANCES_FILE = 'tests/fixtures/acts/utterances.json';
const NLP_PACKAGES = /[\\/]node_modules[\\/]wink-(nlp|eng-lite-web-model)[\\/]/;

interface Utterance {
  text: string;
  context?: ClassifyContext;
}

function readUtterances(file = UTTERANCES_FILE): Utterance[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as Utterance[]).map(({ text, context }) => ({ text, context }));
}

/** Whether this process has already loaded wink-nlp or its model (CommonJS packages, so they sit in require's cache once imported). */
function nlpAlreadyLoaded(): boolean {
  return Object.keys(createRequire(import.meta.url).cache).some((file) => NLP_PACKAGES.test(file));
}

function us(msValue: number): string {
  const micro = msValue * 1000;
  return `${micro >= 100 ? micro.toFixed(0) : micro.toFixed(1)} µs`;
}

async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

/**
 * 9. Loads the model once, the way the browser does on the first typed reply
 * (import, then construction), then classifies every labelled utterance, with
 * its context, over and over for about `durationMs` after a warm-up.
 */
export async function benchClassifier({ durationMs = 2_000, warmupMs = 500, target = 1_000 } = {}) {
  const utterances = readUtterances();
  heading(`9. Dialogue-act classifier in Node (wink-nlp + wink-eng-lite-web-model + the act model trained here; ${utterances.length} labelled utterances, ~${durationMs / 1000} s)`);

  const fresh = !nlpAlreadyLoaded();
  const packages = await timed(() => Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]));
  const modules = await timed(() => import('../acts/shipped-classifier'));
  const construction = await timed(() => modules.value.createShippedClassifier());
  const classifier = construction.value;
  const sample = utterances.find((utterance) => utterance.context) ?? utterances[0]!;
  const first = await timed(() => classifier.classify(sample.text, sample.context));
  line('model load (import + construction)', `${ms(packages.ms + modules.ms + construction.ms)}   (one run, ${fresh ? 'fresh import: not loaded before in this process' : 'NOT fresh: already loaded in this process'})`);
  line('import wink-nlp and the model', ms(packages.ms), 4);
  line('import src/engine/classifier/', `${ms(modules.ms)}   (TypeScript via tsx, whose compile cache may be warm)`, 4);
  line('createShippedClassifier() (reads act-model.bin)', ms(construction.ms), 4);
  line('then the first classify() (cold)', ms(first.ms), 4);

  const playFor = (budgetMs: number, samples?: { withContext: number[]; without: number[] }, which = classifier) => {
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < budgetMs) {
      for (const { text, context } of utterances) {
        const before = performance.now();
        which.classify(text, context);
        samples?.[context ? 'withContext' : 'without'].push(performance.now() - before);
      }
      count += utterances.length;
    }
    return { count, elapsed: performance.now() - started };
  };
  playFor(warmupMs);
  const samples = { withContext: [] as number[], without: [] as number[] };
  const { count, elapsed } = playFor(durationMs, samples);
  const perSecond = (count * 1000) / elapsed;
  const summary = summarise([...samples.withContext, ...samples.without]);
  const withContext = utterances.filter((utterance) => utterance.context).length;
  const meanLength = utterances.reduce((sum, utterance) => sum + utterance.text.length, 0) / utterances.length;
  const describeGroup = (group: number[]) => {
    if (!group.length) return 'none';
    const mean = group.reduce((sum, value) => sum + value, 0) / group.length;
    const { median, p95 } = summarise(group);
    return `mean ${us(mean)}   median ${us(median)}   p95 ${us(p95)}   (${group.length.toLocaleString('en-US')} runs)`;
  };
  line(
    'utterances per second',
    `${Math.round(perSecond).toLocaleString('en-US')}   (${count.toLocaleString('en-US')} in ${ms(elapsed)}, after ${ms(warmupMs)} of warm-up)   ${verdictAtLeast(perSecond, target, `≥ ${target.toLocaleString('en-US')} per second`)}`,
  );
  // The worst inputs a trainee can type or paste: each must still be classified within 50 ms (it is cut at 2,000 characters first).
  const worst = [
    ['20,000 characters of "?!"', '?!'.repeat(10_000)],
    ['20,000 characters of words', 'the engineer never came and I waited all day '.repeat(445)],
    ['one 5,000-letter word', 'a'.repeat(5_000)],
    ['Spanish', 'Hola, necesito ayuda con mi factura de la luz, por favor, me han cobrado dos veces este mes.'],
  ] as const;
  for (const [name, text] of worst) {
    const times: number[] = [];
    for (let run = 0; run < 20; run++) {
      const before = performance.now();
      classifier.classify(text);
      times.push(performance.now() - before);
    }
    const { max } = summarise(times);
    line(`worst case: ${name}`, `max ${ms(max)} over 20 runs   ${verdictAtLeast(50 - max, 0, '≤ 50 ms')}`, 4);
  }
  line('per utterance', `median ${us(summary.median)}   p95 ${us(summary.p95)}   max ${us(summary.max)}   (${summary.runs.toLocaleString('en-US')} runs)`);
  line('the utterances', `${withContext} of ${utterances.length} with customer context, ${meanLength.toFixed(0)} characters on average`);
  line(`with customer context (${withContext})`, describeGroup(samples.withContext), 4);
  line(`without (${utterances.length - withContext})`, describeGroup(samples.without), 4);
}

/**
 * 11. The classifier in Chromium, as the page runs it: the model chunk
 * imported and the classifier built in a fresh profile (what focusing the
 * reply box sets off), then every labelled utterance classified once, each
 * timed on its own.
 */
export async function benchClassifierInChromium(browser: Browser, url: string, model: { chunk: string; weights: string | undefined } | undefined, runs = 3) {
  heading(`11. The act classifier in Chromium (model chunk imported and weights fetched in a fresh profile, ${runs} runs; then every labelled utterance classified)`);
  if (!model?.weights) {
    console.log(`  NOT RUN: the ${model ? "act model's weights file" : 'model chunk'} was not found in the build`);
    return;
  }
  const utterances = readUtterances();
  const ready: number[] = [];
  let perReply: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { context, page } = await openFreshPage(browser);
    try {
      await page.goto(url);
      const result = await page.evaluate(
        async ({ chunk, weights, replies }) => {
          type Module = { shippedActModel(weights: Uint8Array): unknown; createEnglishClassifier(options: { model: unknown }): { classify(text: string, context?: unknown): unknown } };
          const started = performance.now();
          const [module, bytes] = await Promise.all([
            import(/* @vite-ignore */ `/${chunk}`) as Promise<Module>,
            fetch(`/${weights}`).then(async (response) => new Uint8Array(await response.arrayBuffer())),
          ]);
          const classifier = module.createEnglishClassifier({ model: module.shippedActModel(bytes) });
          classifier.classify('Hello, thanks for calling.');
          const readyMs = performance.now() - started;
          const times: number[] = [];
          for (const { text, context } of replies) {
            const before = performance.now();
            classifier.classify(text, context);
            times.push(performance.now() - before);
          }
          return { readyMs, times };
        },
        { chunk: model.chunk, weights: model.weights, replies: utterances },
      );
      ready.push(result.readyMs);
      if (run === runs - 1) perReply = result.times;
    } finally {
      await context.close();
    }
  }
  const { median, max } = summarise(ready);
  line('model chunk import → classifier ready', `median ${ms(median)}   max ${ms(max)}   (${ready.map((value) => ms(value)).join(', ')})   ${verdictAtLeast(1000 - max, 0, '≤ 1 s')}`);
  const replies = summarise(perReply);
  line('per reply', `median ${ms(replies.median)}   p95 ${ms(replies.p95)}   max ${ms(replies.max)}   (${replies.runs} replies, the last run)   ${verdictAtLeast(20 - replies.p95, 0, 'p95 ≤ 20 ms')}`);
}
