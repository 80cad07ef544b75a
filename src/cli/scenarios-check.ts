/**
 * npm run scenarios:check [files…]: validates every scenario (or the files
 * given) and prints what a trainer needs to know about each; exits non-zero
 * on any error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { formatProblem, loadScenarios } from '../engine/scenario/scenario-loader';
import { reportScenario } from '../engine/scenario/scenario-report';
import { findLoops } from '../engine/scenario/loop-checks';
import { CHECKLIST } from '../engine/scoring/checklist';

const args = process.argv.slice(2);
const files = args.length
  ? args
  : readdirSync('scenarios')
      .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
      .map((name) => join('scenarios', name));

const { scenarios, problems } = loadScenarios(files.map((file) => ({ file: relative('.', file), text: readFileSync(file, 'utf8') })));
for (const problem of problems) console.log(formatProblem(problem));
if (problems.length) console.log('');

for (const scenario of scenarios) {
  const started = performance.now();
  const report = reportScenario(scenario);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`${scenario.id} (v${scenario.version}, level ${scenario.level}): ${scenario.title}`);
  if (scenario.setting) console.log(`  setting: ${scenario.setting}${scenario.direction === 'outbound' ? ' (outbound call)' : ''}`);
  console.log(`  checklist rows (${scenario.checklist.length}): ${scenario.checklist.length ? scenario.checklist.join(', ') : 'none named'}`);
  console.log(`  states: ${report.states}   situations explored: ${report.situations}${report.truncated ? ' (truncated)' : ''}   distinct routes: ${report.routesCapped ? '≥' : ''}${report.routes}   (${seconds} s)`);
  console.log(`  endings (${report.endings.length}):`);
  for (const ending of report.endings) {
    const route = ending.reached ? `${ending.shortest.length} steps: ${ending.shortest.join(' → ')}` : 'not reached by prepared replies';
    console.log(`    ${ending.state} [${ending.ending.outcome}${ending.ending.best ? ', best' : ''}] ${ending.ending.title}`);
    console.log(`      shortest: ${route}`);
  }
  if (report.best) console.log(`  best score: ${report.best.score}, ${report.best.basis} (with complete call notes)\n      ${report.best.route}`);
  if (report.best && report.best.score < 100) {
    console.log('    why not 100:');
    for (const point of report.whyNot100) console.log(`      -${point.lost} ${point.competency} / ${point.behaviour}: ${point.note}`);
  }
  if (report.worst) console.log(`  worst score: ${report.worst.score}, ${report.worst.basis} (with empty call notes)\n      ${report.worst.route}`);
  if (report.unusedReplies.length) console.log(`  replies no reachable state offers: ${report.unusedReplies.map((reply) => `${reply.id} (${reply.at})`).join(', ')}`);
  if (report.blocked.length) {
    console.log('  the way to the best ending is blocked at:');
    for (const step of report.blocked) console.log(`    in ${step.state}: ${step.at} → ${step.target} needs "${step.guard}", and no route of prepared replies gets through it (the guard never holds there, or the customer ends the call first)`);
  }
  const loops = findLoops(scenario);
  console.log(loops.length ? `  loops (${loops.length}):` : '  loops: none found');
  for (const loop of loops) console.log(`    ${loop.state}: ${loop.message}`);
  console.log('');
}

// Mastery needs a row shown in more than one scenario, so say which rows the library leaves short.
if (!args.length) printCoverage();

function printCoverage() {
  const coverage = new Map<string, string[]>();
  for (const scenario of scenarios) for (const id of scenario.checklist) coverage.set(id, [...(coverage.get(id) ?? []), scenario.id]);
  const showable = CHECKLIST.rows.filter((row) => row.competencies.length);
  const { differentScenarios } = CHECKLIST.mastery;
  const short = showable.filter((row) => (coverage.get(row.id)?.length ?? 0) < differentScenarios);
  console.log(`checklist: ${showable.length - short.length} of ${showable.length} rows a call can show are covered by ${differentScenarios}+ scenarios (mastery needs ${differentScenarios})`);
  for (const row of short) console.log(`  ${row.id} (${coverage.get(row.id)?.length ?? 0}): ${row.text.length > 100 ? `${row.text.slice(0, 99)}…` : row.text}`);
  console.log('');
}

const errors = problems.filter((problem) => problem.severity === 'error');
const failedFiles = new Set(errors.map((problem) => basename(problem.file)));
console.log(`${scenarios.length} scenario(s) loaded, ${failedFiles.size} file(s) with errors, ${problems.length - errors.length} warning(s).`);
process.exit(errors.length ? 1 : 0);
