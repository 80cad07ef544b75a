import type { Scenario } from '../engine/scenario/scenario-schema';

/** What the picker and the briefing show of a scenario, without its script. */
export interface ScenarioSummary {
  id: string;
  version: number;
  title: string;
  summary: string;
  level: Scenario['level'];
  expectedMinutes: number;
  /** How long the customer waits in silence before reacting (the scenario's timing.silenceMs). */
  silenceMs: number;
  setting?: string;
  direction: Scenario['direction'];
  /** The checklist rows (seed 004, 001) the scenario covers, with a short label for the card. */
  checklist: { id: string; label: string }[];
  briefing: string;
  replyMode: Scenario['replyMode'];
  weights: Scenario['weights'];
  persona: { name: string; description: string };
  account: { holder: string; number: string };
}
