/// <reference types="vite/client" />

declare module 'virtual:scenarios' {
  import type { FileProblem } from './engine/scenario-loader';
  import type { Scenario } from './engine/scenario-schema';
  export const scenarios: Scenario[];
  export const problems: FileProblem[];
}
