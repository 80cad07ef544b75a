/**
 * npm run scenarios:check [files…]: validates every scenario (or the files
 * given) and prints what a trainer needs to know about each; exits non-zero
 * on any error. The scenarios are checked on worker threads (this same
 * script, started again), and printed in file order.
 *
 * package.json starts it with four V8 settings, for a run this short:
 *  - `--v8-pool-size=1`: by default Node keeps four threads for V8's
 *    background work (mostly garbage collection), which on a two-core machine
 *    fight the two workers for the cores; with one, the whole library is
 *    checked about a sixth sooner and with less CPU time.
 *  - `--no-turbo-inlining` and `--interrupt-budget=300000` (the default is
 *    67,584): V8's optimising compiler makes the code the analyses run, and
 *    each worker compiles it for itself. By default that compiling took about
 *    as much CPU time as the analyses (3.5 s of about 7.5 s, measured with
 *    --trace-opt), since each optimisation inlines much of the engine and is
 *    made again whenever a new shape of call deoptimises it. Without inlining,
 *    and optimising only what runs longer, it takes about 1.2 s; the code
 *    made runs a little slower, and the check finishes about an eighth sooner.
 *  - `--max-semi-space-size=64` (MB; the default is 16): route exploration
 *    keeps every situation it finds, and each young-generation collection
 *    copies what is kept. Fewer, larger ones took about a quarter less time
 *    collecting garbage (some 0.75 s against 1 s over both workers), for about
 *    150 MB more memory at the peak (480 MB in all).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { acceptParsed, formatProblem } from '../engine/scenario/scenario-loader';
import { CHECKLIST, rowsShortOfMastery } from '../engine/scoring/checklist';
import type { Scenario } from '../engine/scenario/scenario-schema';
import type { CheckedFile } from './scenarios-check/check-file';
import { checkFiles, serveChecks } from './scenarios-check/pool';

if (isMainThread) await main();
else serveChecks();

async function main() {
  const args = process.argv.slice(2);
  const files = args.length
    ? args
    : readdirSync('scenarios')
        .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
        .map((name) => join('scenarios', name));

  const checked = await checkFiles(files.map((file) => ({ file: relative('.', file), text: readFileSync(file, 'utf8') })), new URL(import.meta.url), progress(files.length));
  const { scenarios, problems } = acceptParsed(checked);
  for (const problem of problems) console.log(formatProblem(problem));
  if (problems.length) console.log('');

  const descriptions = new Map(checked.flatMap(({ result, description }) => (result.ok && description !== undefined ? [[result.scenario, description] as const] : [])));
  for (const scenario of scenarios) console.log(descriptions.get(scenario));

  // Mastery needs a row shown in more than one scenario, so say which rows the library leaves short.
  if (!args.length) printCoverage(scenarios);

  const errors = problems.filter((problem) => problem.severity === 'error');
  const failedFiles = new Set(errors.map((problem) => basename(problem.file)));
  console.log(`${scenarios.length} scenario(s) loaded, ${failedFiles.size} file(s) with errors, ${problems.length - errors.length} warning(s).`);
  process.exit(errors.length ? 1 : 0);
}

/**
 * The report is printed in file order once every file is checked, which takes
 * some seconds for the library: meanwhile a terminal is told how far it got,
 * on one line that the report then replaces. Piped output gets the report alone.
 */
function progress(total: number): (checked: CheckedFile) => void {
  if (!process.stderr.isTTY) return () => {};
  process.stderr.write(`checking ${total} file(s)…`);
  let done = 0;
  return ({ file }) => {
    done++;
    process.stderr.write(`\r\x1b[Kchecked ${done} of ${total}: ${basename(file)}`);
    if (done === total) process.stderr.write('\r\x1b[K');
  };
}

function printCoverage(scenarios: Scenario[]) {
  const showable = CHECKLIST.rows.filter((row) => row.competencies.length).length;
  const { differentScenarios } = CHECKLIST.mastery;
  const short = rowsShortOfMastery(scenarios);
  console.log(`checklist: ${showable - short.length} of ${showable} rows a call can show are covered by ${differentScenarios}+ scenarios (mastery needs ${differentScenarios})`);
  for (const { row, namedBy } of short) console.log(`  ${row.id} (${namedBy.length}): ${row.text.length > 100 ? `${row.text.slice(0, 99)}…` : row.text}`);
  console.log('');
}
