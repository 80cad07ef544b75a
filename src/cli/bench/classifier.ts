/**
 * The dialogue-act classifier in this Node process: how long its language
 * model takes to load, and how many labelled utterances it classifies per
 * second once loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ClassifyContext } from '../../engine/classifier/classify';
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
export async function benchClassifier({ durationMs = 2_000, warmupMs = 500, target = 20_000 } = {}) {
  const utterances = readUtterances();
  heading(`9. Dialogue-act classifier in Node (wink-nlp + wink-eng-lite-web-model; ${utterances.length} labelled utterances, ~${durationMs / 1000} s)`);

  const fresh = !nlpAlreadyLoaded();
  const packages = await timed(() => Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]));
  const modules = await timed(() => import('../../engine/classifier/english'));
  const construction = await timed(() => modules.value.createEnglishClassifier());
  const classifier = construction.value;
  const sample = utterances.find((utterance) => utterance.context) ?? utterances[0]!;
  const first = await timed(() => classifier.classify(sample.text, sample.context));
  line('model load (import + construction)', `${ms(packages.ms + modules.ms + construction.ms)}   (one run, ${fresh ? 'fresh import: not loaded before in this process' : 'NOT fresh: already loaded in this process'})`);
  line('import wink-nlp and the model', ms(packages.ms), 4);
  line('import src/engine/classifier/', `${ms(modules.ms)}   (TypeScript via tsx, whose compile cache may be warm)`, 4);
  line('createEnglishClassifier()', ms(construction.ms), 4);
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
  const lexiconOnly = modules.value.createEnglishClassifier({ lexiconOnly: true });
  playFor(warmupMs, undefined, lexiconOnly);
  const alone = playFor(durationMs / 2, undefined, lexiconOnly);
  line('the lexicon alone, without the learned model', `${Math.round((alone.count * 1000) / alone.elapsed).toLocaleString('en-US')} per second   (what the learned model costs)`, 4);
  line('per utterance', `median ${us(summary.median)}   p95 ${us(summary.p95)}   max ${us(summary.max)}   (${summary.runs.toLocaleString('en-US')} runs)`);
  line('the utterances', `${withContext} of ${utterances.length} with customer context, ${meanLength.toFixed(0)} characters on average`);
  line(`with customer context (${withContext})`, describeGroup(samples.withContext), 4);
  line(`without (${utterances.length - withContext})`, describeGroup(samples.without), 4);
}
