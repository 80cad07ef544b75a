import { problems, scenarios } from 'virtual:scenarios';
import type { Scenario } from '../engine/scenario-schema';

/** The shipped scenarios that passed validation at build time, in file-name order. */
export const SCENARIOS: readonly Scenario[] = scenarios;

/** Files that failed validation, for the trainer's notice on the picker. */
export const SCENARIO_PROBLEMS = problems;

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}
