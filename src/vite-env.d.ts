/// <reference types="vite/client" />

declare module 'virtual:scenarios' {
  import type { FileProblem } from './engine/scenario/scenario-loader';
  import type { Scenario } from './engine/scenario/scenario-schema';
  import type { ScenarioSummary } from './lib/scenario-summary';
  export const summaries: ScenarioSummary[];
  export const problems: FileProblem[];
  export const loaders: Record<string, () => Promise<Scenario>>;
}

declare module 'virtual:scenario-source/*' {
  const text: string | null;
  export default text;
}

declare module 'virtual:scenario-sources' {
  export const sources: Record<string, () => Promise<string | null>>;
}
