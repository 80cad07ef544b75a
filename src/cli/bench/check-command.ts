/**
 * 15. `npm run scenarios:check` over the whole library, timed as a trainer
 * meets it: the command itself, npm included, from start to exit. One untimed
 * run first builds the check's bundle (as the first run after an edit does).
 */
import { spawnSync } from 'node:child_process';
import { describeTimes, heading, line, summarise, verdict } from './stats';

const TARGET_MS = 3_000;

export function benchCheckCommand(runs = 7) {
  heading(`15. npm run scenarios:check, whole library (wall time of the command, ${runs} runs after one untimed)`);
  const run = () => {
    const started = performance.now();
    const result = spawnSync('npm', ['run', '-s', 'scenarios:check'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`scenarios:check failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    return performance.now() - started;
  };
  run();
  const times = Array.from({ length: runs }, run);
  const summary = summarise(times);
  line('command', `${describeTimes(summary, { withMax: true })}   fastest ${(Math.min(...times) / 1000).toFixed(2)} s`);
  line('target', verdict(summary.median, TARGET_MS, `median ≤ ${TARGET_MS / 1000} s`));
}
