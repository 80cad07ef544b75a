/**
 * npm run eval:acts [-- --split tuning] [-- --errors]: scores the dialogue-act
 * classifier against the labelled utterances in tests/fixtures/acts. The
 * held-out part is the default and the figure that counts; tune only by
 * looking at the tuning part.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DIALOGUE_ACTS, type DialogueAct } from '../engine/acts';
import { createEnglishClassifier } from '../engine/classifier/english';
import type { ClassifyContext } from '../engine/classifier/classify';

interface Utterance {
  id: string;
  split: 'tuning' | 'heldOut';
  text: string;
  acts: DialogueAct[];
  context?: ClassifyContext;
  note?: string;
}

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'heldOut';
const showErrors = args.includes('--errors');
const read = (file: string) => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Utterance[]) : []);
// The second file only ever adds tuning data; the held-out part is the first file's, fixed when it was written.
const data = [...read('tests/fixtures/acts/utterances.json'), ...read('tests/fixtures/acts/utterances-more.json').filter((item) => item.split === 'tuning')];
const items = data.filter((item) => split === 'all' || item.split === split);
const classifier = createEnglishClassifier();

const counts = new Map<DialogueAct, { tp: number; fp: number; fn: number }>(DIALOGUE_ACTS.map((act) => [act, { tp: 0, fp: 0, fn: 0 }]));
const errors: string[] = [];
for (const item of items) {
  const predicted = new Set(classifier.classify(item.text, item.context).acts);
  const gold = new Set(item.acts);
  for (const act of DIALOGUE_ACTS) {
    const count = counts.get(act)!;
    if (gold.has(act) && predicted.has(act)) count.tp++;
    else if (predicted.has(act)) count.fp++;
    else if (gold.has(act)) count.fn++;
  }
  const missed = [...gold].filter((act) => !predicted.has(act));
  const extra = [...predicted].filter((act) => !gold.has(act));
  if (missed.length || extra.length) errors.push(`${item.id} ${JSON.stringify(item.text.slice(0, 110))}\n    missed: ${missed.join(', ') || '-'}   extra: ${extra.join(', ') || '-'}`);
}

const f = (value: number) => value.toFixed(2).padStart(9);
console.log(`Dialogue-act classifier on the ${split} part: ${items.length} utterances\n`);
console.log(`${'act'.padEnd(18)}${'support'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'F1'.padStart(9)}`);
const scores: number[] = [];
for (const act of DIALOGUE_ACTS) {
  const { tp, fp, fn } = counts.get(act)!;
  const support = tp + fn;
  if (!support && !fp) continue;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = support ? tp / support : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  if (support) scores.push(f1);
  console.log(`${act.padEnd(18)}${String(support).padStart(9)}  ${f(precision)}${f(recall)}${f(f1)}`);
}
const macro = scores.reduce((sum, value) => sum + value, 0) / (scores.length || 1);
console.log(`\nmacro-F1 over the ${scores.length} acts present: ${macro.toFixed(3)}   (target ≥ 0.85)`);
const exact = items.length - errors.length;
console.log(`utterances with exactly the right set of acts: ${exact} of ${items.length}`);
if (showErrors) console.log(`\n${errors.join('\n')}`);
