/**
 * Engine benchmarks, in this Node process: loading scenarios, exploring
 * their routes, scoring a long call, and playing simulated turns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EXPLORATION_LIMIT, exploreRoutes } from '../../engine/scenario/routes';
import { loadScenarios, parseScenario } from '../../engine/scenario/scenario-loader';
import { generatedScenario } from '../../engine/scenario/generated-scenario';
import { searchScore } from '../../engine/scenario/score-search';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { scoreCall } from '../../engine/scoring/scorer';
import { longRecord, playRandomCall, SeededRandom } from './random-calls';
import { describeTimes, heading, line, measure, ms, summarise } from './stats';

export interface ScenarioFile {
  file: string;
  text: string;
}

/** The files `scenarios:check` reads: every scenario in the folder, not its schema. */
export function readScenarioFiles(folder = 'scenarios'): ScenarioFile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => join(folder, name))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** 1. Parsing, schema validation, checks, compiling and the best-route search, as the build and the CLI do it. */
export function benchLoading(files: ScenarioFile[]): Scenario[] {
  heading(`1. Loading and validating scenarios (loadScenarios, ${files.length} files)`);
  const { scenarios, problems } = loadScenarios(files);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  line('loaded', `${scenarios.length} scenario(s), ${errors} error(s), ${problems.length - errors} warning(s)`);
  line('whole set', describeTimes(summarise(measure(() => loadScenarios(files), { minRuns: 5, minTimeMs: 2_000 }))));
  for (const file of files) {
    line(file.file, describeTimes(summarise(measure(() => loadScenarios([file]), { minRuns: 5, minTimeMs: 500 }))), 4);
  }
  // The studio's live check after each edit: everything but the search for a route to the best ending (target: 100 ms).
  const generated = { file: 'generated 200-state scenario', text: JSON.stringify(generatedScenario('generated', 200), null, 2) };
  line('studio, per edit (no best-route search)', '', 2);
  for (const file of [...files, generated]) {
    line(file.file, describeTimes(summarise(measure(() => parseScenario(file.file, file.text, { bestRoute: false }), { minRuns: 5, minTimeMs: 500 }))), 4);
  }
  return scenarios;
}

/**
 * 2. A single run per scenario: exploration takes seconds to a minute, so
 * repeating it would not fit the bench's time budget, and the JIT is already
 * warm from the loading runs (which search for the best route the same way).
 */
export function benchExploration(scenarios: Scenario[]) {
  heading(`2. Route exploration (exploreRoutes, default limit of ${DEFAULT_EXPLORATION_LIMIT.toLocaleString('en-US')} situations, one run each)`);
  for (const scenario of scenarios) {
    const started = performance.now();
    const exploration = exploreRoutes(scenario);
    const elapsed = performance.now() - started;
    const routes = `${exploration.routesCapped ? '≥' : ''}${exploration.routes.toLocaleString('en-US')}`;
    line(
      scenario.id,
      `${ms(elapsed)}   situations ${exploration.situations.toLocaleString('en-US')}   routes ${routes}   ${exploration.truncated ? 'TRUNCATED' : 'complete'}`,
    );
    // The best and worst score search scenarios:check runs after exploration, seeded with its finished calls.
    const seeds = [...exploration.endings.values()].flatMap((ending) => ending.finals);
    for (const goal of ['best', 'worst'] as const) {
      const searchStarted = performance.now();
      const result = searchScore(scenario, goal, { seeds });
      line(`  ${goal} score search`, `${ms(performance.now() - searchStarted)}   score ${result.found?.score ?? '—'}   ${result.steps.toLocaleString('en-US')} steps   ${result.exact ? 'exact' : 'BOUND'}: ${result.basis}`, 4);
    }
  }
}

/** 3. What the results page does once per call, on a call far longer than any real one. */
export function benchScoring(scenarios: Scenario[], traineeTurns = 200) {
  heading(`3. Scoring a ${traineeTurns}-trainee-turn transcript (scoreCall)`);
  for (const scenario of scenarios) {
    const record = longRecord(scenario, traineeTurns, new SeededRandom(`score-${scenario.id}`));
    const times = measure(() => scoreCall(scenario, record), { warmup: 5, minRuns: 20, minTimeMs: 1_000, maxRuns: 1_000 });
    line(scenario.id, `${describeTimes(summarise(times))}   transcript of ${record.transcript.length} entries`);
  }
}

/**
 * 4. Whole calls back to back, as fast as the engine goes: each call
 * compiles its scenario's machine (as the app does when a call starts), then
 * random prepared replies until it ends. Scenarios take turns.
 */
export function benchTurns(scenarios: Scenario[], durationMs = 2_000) {
  heading(`4. Simulated turns through compiled machines (SimulatedClock, random replies, ~${durationMs / 1000} s)`);
  const random = new SeededRandom('bench-turns');
  const playFor = (budgetMs: number) => {
    let turns = 0;
    let calls = 0;
    const started = performance.now();
    while (performance.now() - started < budgetMs) {
      turns += playRandomCall(scenarios[calls % scenarios.length]!, random, `turns-${calls}`).turns;
      calls++;
    }
    return { turns, calls, elapsed: performance.now() - started };
  };
  playFor(durationMs / 4);
  const { turns, calls, elapsed } = playFor(durationMs);
  line('turns per second', `${Math.round((turns * 1000) / elapsed).toLocaleString('en-US')}   (${turns.toLocaleString('en-US')} turns in ${ms(elapsed)})`);
  line('calls completed', `${calls.toLocaleString('en-US')}   (${(turns / calls).toFixed(1)} turns per call on average)`);
}
