import { loaders, problems, summaries } from 'virtual:scenarios';
import type { Scenario } from '../engine/scenario/scenario-schema';
import type { ScenarioSummary } from './scenario-summary';

/** The shipped scenarios that passed validation at build time, in file-name order. */
export const SCENARIO_SUMMARIES: readonly ScenarioSummary[] = summaries;

/** Files that failed validation, for the trainer's notice on the picker. */
export const SCENARIO_PROBLEMS = problems;

export function summaryById(id: string): ScenarioSummary | undefined {
  return SCENARIO_SUMMARIES.find((summary) => summary.id === id);
}

/** The whole scenario, fetched the first time a call or a scorecard needs it. */
export async function loadScenario(id: string): Promise<Scenario | undefined> {
  return loaders[id]?.();
}
