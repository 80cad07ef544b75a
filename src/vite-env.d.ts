/// <reference types="vite/client" />

declare module 'virtual:scenarios' {
  import type { FileProblem } from './engine/scenario/scenario-loader';
  import type { Scenario } from './engine/scenario/scenario-schema';
  import type { ScenarioSummary } from './lib/scenario-summary';
  export const summaries: ScenarioSummary[];
  export const problems: FileProblem[];
  export const loaders: Record<string, () => Promise<Scenario>>;
}
