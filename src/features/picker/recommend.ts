/**
 * What the picker works out from the library and the trainee's own calls:
 * which scenarios match the filters, how the trainee stands in each
 * competency, and which call to take next (the one that works the weakest
 * competency hardest, among those not yet done at Superior).
 */
import type { Level } from '../../engine/scoring/rubric';
import type { Competency } from '../../engine/vocabulary';
import type { ScenarioSummary } from '../../lib/scenario-summary';

export interface ScenarioFilters {
  level: ScenarioSummary['level'] | '';
  setting: string;
  competency: Competency | '';
}

export const NO_FILTERS: ScenarioFilters = { level: '', setting: '', competency: '' };

/** How much a scenario weighs a competency (1 unless it says otherwise). */
export function weightOf(scenario: ScenarioSummary, competency: Competency): number {
  return scenario.weights[competency] ?? 1;
}

/** A scenario stresses a competency when it weighs it above the others' default. */
export function stresses(scenario: ScenarioSummary, competency: Competency): boolean {
  return weightOf(scenario, competency) > 1;
}

export function filterScenarios(scenarios: readonly ScenarioSummary[], filters: ScenarioFilters): ScenarioSummary[] {
  return scenarios.filter(
    (scenario) =>
      (!filters.level || scenario.level === filters.level) &&
      (!filters.setting || scenario.setting === filters.setting) &&
      (!filters.competency || stresses(scenario, filters.competency)),
  );
}

/** The settings the library has, for the filter's choices. */
export function settingsOf(scenarios: readonly ScenarioSummary[]): string[] {
  return [...new Set(scenarios.flatMap((scenario) => (scenario.setting ? [scenario.setting] : [])))].sort();
}

/** A scored call as far as the picker needs it. */
export interface ScoredCompetencies {
  scenarioId: string;
  competencies: { id: Competency; score: number | null; level: Level | null }[];
}

export interface CompetencyStanding {
  id: Competency;
  /** Average score over the calls that assessed it. */
  average: number;
  calls: number;
}

/** The trainee's average in each competency any call assessed, lowest first. */
export function competencyStandings(calls: readonly ScoredCompetencies[]): CompetencyStanding[] {
  const totals = new Map<Competency, { sum: number; calls: number }>();
  for (const call of calls) {
    for (const competency of call.competencies) {
      if (competency.score === null) continue;
      const total = totals.get(competency.id) ?? { sum: 0, calls: 0 };
      totals.set(competency.id, { sum: total.sum + competency.score, calls: total.calls + 1 });
    }
  }
  return [...totals]
    .map(([id, { sum, calls }]) => ({ id, average: Math.round(sum / calls), calls }))
    .sort((a, b) => a.average - b.average);
}

const LEVEL_ORDER: Record<ScenarioSummary['level'], number> = { I: 1, II: 2, III: 3 };
const SUPERIOR = 85;

export interface Recommendation {
  scenario: ScenarioSummary;
  /** The competency it is chosen for; absent for a first call. */
  competency?: CompetencyStanding;
}

/**
 * The next call for this trainee. With no scored calls yet: the easiest
 * scenario. Otherwise, for the weakest competency first: the scenario that
 * weighs it most among those not yet done at Superior, untried before
 * tried, then the lowest best score, then the easier level.
 */
export function recommendNext(
  scenarios: readonly ScenarioSummary[],
  standings: readonly CompetencyStanding[],
  best: Readonly<Record<string, number>>,
): Recommendation | null {
  if (!scenarios.length) return null;
  const byEase = [...scenarios].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.expectedMinutes - b.expectedMinutes);
  if (!standings.length) return { scenario: byEase.find((scenario) => best[scenario.id] === undefined) ?? byEase[0]! };
  const open = byEase.filter((scenario) => (best[scenario.id] ?? -1) < SUPERIOR);
  const pool = open.length ? open : byEase;
  const weakest = standings[0]!;
  const [first] = [...pool].sort(
    (a, b) =>
      weightOf(b, weakest.id) - weightOf(a, weakest.id) ||
      Number(best[a.id] !== undefined) - Number(best[b.id] !== undefined) ||
      (best[a.id] ?? -1) - (best[b.id] ?? -1) ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level],
  );
  return { scenario: first!, competency: weakest };
}
