/**
 * npm run eval:acts: how well the act classifier hears wording no one tuned
 * it for.
 *
 * The headline is leave-one-writer-out: each tuning writer's file is
 * classified by a model trained on all the other files, and the pooled
 * predictions give per-act precision, recall and F1, macro-F1 with a
 * bootstrap 95% interval, and the false-alarm rate on benign replies. Tune
 * by this figure only. `-- --errors` lists its misses (tuning items only).
 * `-- --set hidden=64,epochs=12` tries other training settings; `members=3`
 * an ensemble of three networks from successive seeds.
 *
 * `-- --heldout` scores the shipped model on the held-out files written by
 * writers who never saw the tuning data. It prints aggregate figures only,
 * never an item, and is meant to be run once, at the end.
 */
import type { DialogueAct } from '../engine/acts';
import { createShippedClassifier } from './acts/shipped-classifier';
import { ALARMS, bootstrapMacroF1, falseAlarms, scorePredictions } from './acts/act-scores';
import { featuresOf, heardAt, leaveOneWriterOut, THRESHOLD } from './acts/act-model-file';
import { HELD_OUT_DIR, readHeldOut, readTuningUtterances, type LabelledUtterance } from './acts/labelled-utterances';
import { closestOverlap, MAX_OVERLAP, wordSet } from './acts/overlap';
import { DEFAULT_SETTINGS, type TrainingSettings } from './acts/train-network';

const args = process.argv.slice(2);
const heldOut = args.includes('--heldout');
if (heldOut && args.includes('--errors')) {
  console.error('eval:acts: the held-out file\'s errors are never listed; that would turn it into tuning data.');
  process.exit(2);
}

function settingsFromArgs(): TrainingSettings {
  const at = args.indexOf('--set');
  if (at < 0) return DEFAULT_SETTINGS;
  const settings: Record<string, number> = { ...DEFAULT_SETTINGS };
  for (const pair of (args[at + 1] ?? '').split(',')) {
    const [key, value] = pair.split('=');
    if (!key || !(key in settings) || !Number.isFinite(Number(value))) throw new Error(`--set: unknown setting or value "${pair}"`);
    settings[key] = Number(value);
  }
  return settings as unknown as TrainingSettings;
}

function report(title: string, items: LabelledUtterance[], predicted: DialogueAct[][]) {
  const { acts, macroF1, exact } = scorePredictions(items, predicted);
  const [low, high] = bootstrapMacroF1(items, predicted);
  const alarms = falseAlarms(items, predicted);
  const f = (value: number) => value.toFixed(2).padStart(9);
  console.log(`\n${title}\n`);
  console.log(`${'act'.padEnd(18)}${'support'.padStart(9)}${'heard'.padStart(8)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'F1'.padStart(9)}`);
  for (const score of acts) {
    if (!score.support && !score.predicted) continue;
    const weak = score.support && score.f1 < 0.7 ? '   < 0.70' : '';
    console.log(`${score.act.padEnd(18)}${String(score.support).padStart(9)}${String(score.predicted).padStart(8)}  ${f(score.precision)}${f(score.recall)}${f(score.f1)}${weak}`);
  }
  const present = acts.filter((score) => score.support > 0);
  console.log(`\nmacro-F1 over the ${present.length} acts present: ${macroF1.toFixed(3)}   bootstrap 95% interval ${low.toFixed(3)}–${high.toFixed(3)} (1,000 resamples of the ${items.length} items)   target ≥ 0.85`);
  console.log(`lowest act F1: ${Math.min(...present.map((score) => score.f1)).toFixed(2)}   target ≥ 0.70`);
  console.log(`false alarms: ${alarms.alarmed} of ${alarms.benign} benign replies (no harmful act labelled) heard as ${ALARMS.join(', ')}: ${(alarms.rate * 100).toFixed(1)}%   target ≤ 3%`);
  console.log(`utterances with exactly the labelled set of acts: ${exact} of ${items.length}`);
}

function perWriter(items: LabelledUtterance[], predicted: DialogueAct[][]) {
  console.log(`\n${'file'.padEnd(26)}${'items'.padStart(6)}${'macro-F1'.padStart(10)}`);
  for (const source of [...new Set(items.map((item) => item.source))]) {
    const at = items.flatMap((item, i) => (item.source === source ? [i] : []));
    const { macroF1 } = scorePredictions(at.map((i) => items[i]!), at.map((i) => predicted[i]!));
    console.log(`${source.padEnd(26)}${String(at.length).padStart(6)}${macroF1.toFixed(3).padStart(10)}`);
  }
}

if (heldOut) {
  const tuning = readTuningUtterances().map((item) => wordSet(item.text));
  const all = readHeldOut();
  // Tuning data added since the import (corrections, say) may now be like a held-out item: such items no longer count.
  const items = all.filter((item) => closestOverlap(item.text, tuning) < MAX_OVERLAP);
  if (!items.length) {
    console.error(`eval:acts: no held-out files in ${HELD_OUT_DIR} (npm run acts:import-heldout copies them in).`);
    process.exit(2);
  }
  const classifier = createShippedClassifier();
  const predicted = items.map((item) => classifier.classify(item.text, item.context).acts);
  console.log(`The shipped act model on the held-out files (${items.length} items, never seen in tuning; aggregate figures only)`);
  if (all.length > items.length) console.log(`(${all.length - items.length} held-out item(s) left out: word overlap ≥ ${MAX_OVERLAP} with tuning data added since the import)`);
  perWriter(items, predicted);
  report('All held-out files together', items, predicted);
} else {
  const items = readTuningUtterances();
  const settings = settingsFromArgs();
  const writers = new Set(items.map((item) => item.source)).size;
  console.log(`Leave-one-writer-out over ${items.length} tuning utterances from ${writers} writers' files; settings ${JSON.stringify(settings)}`);
  const started = Date.now();
  // Experiments: --drop c:,s: trains without those feature families; --writers a,b scores only those writers' files.
  const dropped = args.includes('--drop') ? args[args.indexOf('--drop') + 1]!.split(',') : [];
  const features = featuresOf(items).map(({ written, plain }) => ({ written: written.filter((name) => !dropped.some((prefix) => name.startsWith(prefix))), plain: plain.filter((name) => !dropped.some((prefix) => name.startsWith(prefix))) }));
  const only = args.includes('--writers') ? args[args.indexOf('--writers') + 1]!.split(',') : undefined;
  const heardAll = leaveOneWriterOut(items, features, settings, (writer) => process.stderr.write(`  training without ${writer}…\n`), only);
  if (only) {
    const kept = items.flatMap((item, i) => (only.includes(item.source) ? [i] : []));
    items.splice(0, items.length, ...kept.map((i) => items[i]!));
    heardAll.splice(0, heardAll.length, ...kept.map((i) => heardAll[i]!));
  }
  const heard = heardAll;
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const threshold = args.includes('--threshold') ? Number(args[args.indexOf('--threshold') + 1]) : THRESHOLD;
  const sweep = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6].map((t) => `${t}: ${scorePredictions(items, heard.map((h) => heardAt(h, t))).macroF1.toFixed(3)}`);
  console.log(`macro-F1 if acts were heard from another probability (the model hears from ${threshold}): ${sweep.join('   ')}`);
  const predicted = heard.map((h) => heardAt(h, threshold));
  perWriter(items, predicted);
  report('Pooled over every writer, each scored by a model trained without it', items, predicted);
  if (args.includes('--errors')) {
    console.log('\nMisses (tuning items; each heard by a model that never saw its file):');
    items.forEach((item, i) => {
      const heard = new Set(predicted[i]);
      const missed = item.acts.filter((act) => !heard.has(act));
      const extra = [...heard].filter((act) => !item.acts.includes(act));
      if (missed.length || extra.length) console.log(`${item.id} ${JSON.stringify(item.text.slice(0, 140))}\n    missed: ${missed.join(', ') || '-'}   extra: ${extra.join(', ') || '-'}`);
    });
  }
}
