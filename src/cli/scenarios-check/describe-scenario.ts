/**
 * The check's account of one scenario, as the lines it prints: what a trainer
 * needs to know about it (size, endings, best and worst score, unused replies,
 * blocked steps, loops).
 */
import { findLoops } from '../../engine/scenario/loop-checks';
import { paceOf } from '../../engine/scenario/pace';
import { reportScenario } from '../../engine/scenario/scenario-report';
import type { Scenario } from '../../engine/scenario/scenario-schema';

export function describeScenario(scenario: Scenario): string {
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);
  const started = performance.now();
  const report = reportScenario(scenario);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  print(`${scenario.id} (v${scenario.version}, level ${scenario.level}): ${scenario.title}`);
  if (scenario.setting) print(`  setting: ${scenario.setting}${scenario.direction === 'outbound' ? ' (outbound call)' : ''}`);
  print(`  pace: ${paceOf(scenario.timing.silenceMs)} (the customer notices ${scenario.timing.silenceMs / 1000} s of silence)`);
  print(`  checklist rows (${scenario.checklist.length}): ${scenario.checklist.length ? scenario.checklist.join(', ') : 'none named'}`);
  print(`  states: ${report.states}   situations explored: ${report.situations}${report.truncated ? ' (truncated)' : ''}   distinct routes: ${report.routesCapped ? '≥' : ''}${report.routes}   (${seconds} s)`);
  print(`  endings (${report.endings.length}):`);
  for (const ending of report.endings) {
    const route = ending.reached ? `${ending.shortest.length} steps: ${ending.shortest.join(' → ')}` : 'not reached by prepared replies';
    print(`    ${ending.state} [${ending.ending.outcome}${ending.ending.best ? ', best' : ''}] ${ending.ending.title}`);
    print(`      shortest: ${route}`);
  }
  if (report.best) print(`  best score: ${report.best.score}, ${report.best.basis} (with complete call notes)\n      ${report.best.route}`);
  if (report.best && report.best.score < 100) {
    print('    why not 100:');
    for (const point of report.whyNot100) print(`      -${point.lost} ${point.competency} / ${point.behaviour}: ${point.note}`);
  }
  if (report.worst) print(`  worst score: ${report.worst.score}, ${report.worst.basis} (with empty call notes)\n      ${report.worst.route}`);
  if (report.unusedReplies.length) print(`  replies no reachable state offers: ${report.unusedReplies.map((reply) => `${reply.id} (${reply.at})`).join(', ')}`);
  if (report.blocked.length) {
    print('  the way to the best ending is blocked at:');
    for (const step of report.blocked) print(`    in ${step.state}: ${step.at} → ${step.target} needs "${step.guard}", and no route of prepared replies gets through it (the guard never holds there, or the customer ends the call first)`);
  }
  const loops = findLoops(scenario);
  print(loops.length ? `  loops (${loops.length}):` : '  loops: none found');
  for (const loop of loops) print(`    ${loop.state}: ${loop.message}`);
  print('');
  return lines.join('\n');
}
