/**
 * Reads scenario files. Every problem names the file and the path inside it
 * and says what was expected; one bad file never stops the others loading.
 */
import type { z } from 'zod';
import { compileScenario } from '../call/compile';
import { GUARD_TYPES } from '../call/guards';
import { expandHandlers } from './handlers';
import { locatePath, parseJsonText, type ParsedJson } from './json-source';
import { exploreRoutes, findBestRoute } from './routes';
import { blockedSteps } from './scenario-report';
import { checkScenario, type Problem } from './scenario-checks';
import { scenarioSchema, type Scenario } from './scenario-schema';
import { ACTION_TYPES } from '../vocabulary';

export interface FileProblem extends Problem {
  file: string;
  /** Where in the file's text, when the scenario was read from text. */
  line?: number;
  column?: number;
}

export type LoadResult =
  | { ok: true; scenario: Scenario; problems: FileProblem[] }
  | { ok: false; problems: FileProblem[] };

/** "file:line:column: path: message", the form editors and terminals turn into a link. */
export function formatProblem(problem: FileProblem): string {
  const file = problem.line ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const where = problem.path ? `${file}: ${problem.path}` : file;
  return `${where}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function describeIssue(issue: z.core.$ZodIssue): { path: string; message: string } {
  if (issue.code === 'unrecognized_keys') {
    return { path: formatPath([...issue.path, issue.keys[0]!]), message: `unknown field "${issue.keys.join('", "')}"; check the spelling against scenario.schema.json` };
  }
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    const path = issue.path.at(-1) === 'type' ? issue.path : [...issue.path, 'type'];
    const names = path.includes('guard') ? GUARD_TYPES : ACTION_TYPES;
    return { path: formatPath(path), message: `unknown ${path.includes('guard') ? 'guard' : 'action'} type; expected one of: ${names.join(', ')}` };
  }
  return { path: formatPath(issue.path), message: issue.message.replace(/^Invalid input: /, '') };
}

/** Reads a scenario file's text: syntax errors and duplicated keys first, then everything validateScenario checks, each with its line and column. */
export interface LoadOptions {
  /**
   * Search for a route to the best ending (the slowest check, a breadth-first
   * search over situations). The studio skips it while the trainer types and
   * runs it once they pause.
   */
  bestRoute?: boolean;
  /** The text already parsed by parseJsonText, for a caller that needed it too: at 200 states a parse costs about 20 ms. */
  parsed?: ParsedJson;
}

export function parseScenario(file: string, text: string, options: LoadOptions = {}): LoadResult {
  const parsed = options.parsed ?? parseJsonText(text);
  if (!parsed.ok) {
    return { ok: false, problems: parsed.problems.map(({ path, message, location }) => ({ file, path, message, severity: 'error', line: location.line, column: location.column })) };
  }
  const result = validateScenario(file, parsed.data, options);
  const located = result.problems.map((problem) => {
    const { line, column } = locatePath(text, problem.path);
    return { ...problem, line, column };
  });
  return { ...result, problems: located };
}

export function validateScenario(file: string, data: unknown, { bestRoute = true }: LoadOptions = {}): LoadResult {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ file, severity: 'error', ...describeIssue(issue) })) };
  }
  const expanded = expandHandlers(parsed.data);
  const scenario = expanded.scenario;
  const problems: FileProblem[] = [...expanded.problems, ...checkScenario(scenario)].map((problem) => ({ file, ...problem }));
  const fail = (path: string, message: string) => ({ ok: false as const, problems: [...problems, { file, path, message, severity: 'error' as const }] });
  if (problems.some((problem) => problem.severity === 'error')) return { ok: false, problems };
  try {
    compileScenario(scenario);
  } catch (caught) {
    return fail('machine', `XState could not build the machine: ${(caught as Error).message}`);
  }
  if (!bestRoute) return { ok: true, scenario, problems };
  const best = findBestRoute(scenario);
  if (!best.found) {
    const blocked = blockedSteps(scenario, exploreRoutes(scenario, { limit: 20_000 }).snapshots);
    const where = blocked.map((step) => `\n  in state "${step.state}", ${step.at} → ${step.target} needs "${step.guard}", and no route of prepared replies gets through it (the guard never holds there, or the customer ends the call first)`).join('');
    return fail('machine', `no sequence of prepared replies reaches an ending marked "best" (${best.explored} situations explored)${where ? `; the way there is blocked:${where}` : ''}`);
  }
  return { ok: true, scenario, problems };
}

/** Loads every file it can; the problems of the others are returned beside them. */
export function loadScenarios(files: { file: string; text: string }[]): { scenarios: Scenario[]; problems: FileProblem[] } {
  return acceptParsed(files.map(({ file, text }) => ({ file, result: parseScenario(file, text) })));
}

/**
 * The scenarios of files already parsed one by one (perhaps elsewhere, as the
 * check does on worker threads), in file order: a second file with an id
 * already used is refused.
 */
export function acceptParsed(parsed: { file: string; result: LoadResult }[]): { scenarios: Scenario[]; problems: FileProblem[] } {
  const scenarios: Scenario[] = [];
  const problems: FileProblem[] = [];
  const ids = new Map<string, string>();
  for (const { file, result } of parsed) {
    problems.push(...result.problems);
    if (!result.ok) continue;
    const clash = ids.get(result.scenario.id);
    if (clash) {
      problems.push({ file, path: 'id', message: `id "${result.scenario.id}" is already used by ${clash}`, severity: 'error' });
      continue;
    }
    ids.set(result.scenario.id, file);
    scenarios.push(result.scenario);
  }
  return { scenarios, problems };
}
