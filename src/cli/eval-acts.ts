/**
 * npm run eval:acts [-- --split tuning] [-- --errors] [-- --lexicon-only]:
 * scores the dialogue-act classifier against the labelled utterances in
 * tests/fixtures/acts. The held-out part is the default and the figure that
 * counts; tune only by looking at the tuning part.
 */
import { createEnglishClassifier } from '../engine/classifier/english';
import { scoreActs } from './acts/act-scores';
import { readLabelledUtterances } from './acts/labelled-utterances';

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'heldOut';
const lexiconOnly = args.includes('--lexicon-only');
const items = readLabelledUtterances().filter((item) => split === 'all' || item.split === split);
const classifier = createEnglishClassifier({ lexiconOnly });
const { acts, macroF1, exact, errors } = scoreActs(classifier, items);

const f = (value: number) => value.toFixed(2).padStart(9);
console.log(`Dialogue-act classifier${lexiconOnly ? ' (lexicon only)' : ''} on the ${split} part: ${items.length} utterances\n`);
console.log(`${'act'.padEnd(18)}${'support'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'F1'.padStart(9)}`);
for (const { act, support, precision, recall, f1, seen } of acts) {
  if (seen) console.log(`${act.padEnd(18)}${String(support).padStart(9)}  ${f(precision)}${f(recall)}${f(f1)}`);
}
console.log(`\nmacro-F1 over the ${acts.filter((score) => score.support).length} acts present: ${macroF1.toFixed(3)}   (target ≥ 0.85)`);
console.log(`utterances with exactly the right set of acts: ${exact} of ${items.length}`);
if (args.includes('--errors')) console.log(`\n${errors.join('\n')}`);
