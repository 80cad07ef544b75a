/**
 * npm run scenarios:typed-calls [scenario ids…] [--out file.md]: plays the
 * competent typed call of each shipped scenario (tests/fixtures/typed/<id>.json,
 * the same calls the tests type) through the engine at a human typing pace,
 * and prints each turn by turn in markdown, with the ending, the scorecard
 * and the handle time, then a summary table. Exits non-zero if any call
 * misses its best ending.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createShippedClassifier } from './acts/shipped-classifier';
import { formatProblem, loadScenarios } from '../engine/scenario/scenario-loader';
import { HUMAN_PACE } from './typed-calls/paced-typed-call';
import { readTypedCall, TYPED_CALLS_FOLDER } from './typed-calls/typed-call-file';
import { clock, typedCallReport, type TypedCallReport } from './typed-calls/typed-call-report';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
if (outAt >= 0 && !out) throw new Error('--out needs a file name');
const ids = args.filter((arg, index) => !arg.startsWith('--') && (outAt < 0 || index !== outAt + 1));

const files = readdirSync('scenarios')
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .filter((name) => !ids.length || ids.includes(name.replace(/\.json$/, '')))
  .map((name) => join('scenarios', name));
if (ids.length && files.length !== ids.length) throw new Error(`No shipped scenario for: ${ids.filter((id) => !files.includes(join('scenarios', `${id}.json`))).join(', ')}`);

const { scenarios, problems } = loadScenarios(files.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
if (problems.some((problem) => problem.severity === 'error')) {
  for (const problem of problems) console.error(formatProblem(problem));
  process.exit(1);
}

const classifier = createShippedClassifier();
const reports: TypedCallReport[] = scenarios.map((scenario) =>
  typedCallReport(scenario, readTypedCall(scenario.id), classifier, { source: `${TYPED_CALLS_FOLDER}/${scenario.id}.json` }),
);

const pace = HUMAN_PACE;
const lines = [
  '# A competent typed call for each shipped scenario',
  '',
  `Played through the engine on its replay clock at a human pace: the trainee waits for the customer to finish speaking (customer lines take as long as saying them), takes ${pace.thinkMs / 1000} s before starting a reply, types at ${pace.wordsPerMinute} words a minute (${pace.wordsPerMinute * 5} characters; typing time does not count as silence, as in the page's reply box), takes ${pace.reachMs / 1000} s to reach a look-up and ${pace.readMs / 1000} s to read it, and answers after ${pace.answerAfterMs / 1000} s of ringing. Time is from answering; handle time runs to the last thing in the transcript, as the call page counts it. Mood: anger, trust, confusion, patience, 0 to 100.`,
  '',
  '| scenario | typed turns | ending | score | level | handle time | card | most repeats of a line | right offers |',
  '|---|---|---|---|---|---|---|---|---|',
  ...reports.map((report) => {
    const scenario = scenarios.find((candidate) => candidate.id === report.scenarioId)!;
    return `| ${report.scenarioId} | ${report.turns} | ${report.ending ?? 'none'}${report.best ? ' (best)' : ''} | ${report.scorecard.overall} | ${report.scorecard.level} | ${clock(report.handleMs)} | ~${scenario.expectedMinutes} min | ${report.mostRepeats} | ${report.rightOffers} |`;
  }),
  '',
  ...reports.map((report) => report.markdown),
];
const markdown = lines.join('\n');
if (out) writeFileSync(out, markdown);
console.log(markdown);
const missed = reports.filter((report) => !report.best);
if (missed.length) {
  console.error(`Best ending missed: ${missed.map((report) => report.scenarioId).join(', ')}`);
  process.exitCode = 1;
}
