/**
 * Timing and summary helpers shared by the benchmarks: repeat a function
 * after a warm-up, then report the median and the 95th percentile.
 */

export interface Summary {
  runs: number;
  median: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile: with few samples the p95 is simply the slowest one, never an interpolated guess. */
function percentile(sorted: number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function summarise(samples: number[]): Summary {
  if (!samples.length) throw new Error('No samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1)! };
}

export interface MeasureOptions {
  /** Untimed runs first, so the JIT has compiled the hot paths before anything is counted. */
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Keep repeating until this much time has been spent in timed runs (bounded by maxRuns). */
  minTimeMs?: number;
}

/** Times `run` repeatedly with performance.now() and returns each run's duration in ms. */
export function measure(run: () => unknown, { warmup = 1, minRuns = 5, maxRuns = 200, minTimeMs = 500 }: MeasureOptions = {}): number[] {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < minRuns || (spent < minTimeMs && samples.length < maxRuns)) {
    const started = performance.now();
    run();
    const elapsed = performance.now() - started;
    samples.push(elapsed);
    spent += elapsed;
  }
  return samples;
}

/** As measure, for a run that waits (an IndexedDB read): each await is timed to its end. */
export async function measureAsync(run: () => Promise<unknown>, { warmup = 1, minRuns = 5, maxRuns = 50, minTimeMs = 500 }: MeasureOptions = {}): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < minRuns || (spent < minTimeMs && samples.length < maxRuns)) {
    const started = performance.now();
    await run();
    const elapsed = performance.now() - started;
    samples.push(elapsed);
    spent += elapsed;
  }
  return samples;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
}

export function describeTimes(summary: Summary, { withMax = false } = {}): string {
  const max = withMax ? `   max ${ms(summary.max)}` : '';
  return `median ${ms(summary.median)}   p95 ${ms(summary.p95)}${max}   (${summary.runs} runs)`;
}

export function kib(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KiB)`;
}

/** Section headings and label: value lines, so every figure is easy to find and to grep. */
export function heading(title: string) {
  console.log(`\n== ${title}`);
}

export function line(label: string, value: string, indent = 2) {
  console.log(`${' '.repeat(indent)}${`${label}:`.padEnd(38 - indent)} ${value}`);
}

/** Targets are printed beside the figure, never asserted: a benchmark reports, it does not fail. */
export function verdict(value: number, limit: number, target: string): string {
  return `[target ${target}: ${value <= limit ? 'met' : 'NOT met'}]`;
}

/** For figures where more is better: met when the value reaches the floor. */
export function verdictAtLeast(value: number, floor: number, target: string): string {
  return `[target ${target}: ${value >= floor ? 'met' : 'NOT met'}]`;
}
