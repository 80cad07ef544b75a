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

/**
 * Drafts from the studio go by this prefix and their draft key; a shipped
 * scenario's id never starts with it (shipped ids are kebab-case).
 */
export const DRAFT_ID_PREFIX = 'draft_';

/** The IndexedDB database the studio keeps its drafts in (see scenario-drafts.ts). */
export const DRAFTS_DATABASE = 'call-trainer-studio';

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFT_ID_PREFIX);
}

/** The whole scenario, fetched the first time a call or a scorecard needs it; a draft is read from this browser. */
export async function loadScenario(id: string): Promise<Scenario | undefined> {
  if (isDraftId(id)) {
    const draft = await (await import('./draft-scenarios')).draftScenario(id);
    return draft?.ok ? draft.scenario : undefined;
  }
  return loaders[id]?.();
}

/** A summary for the briefing: shipped ones at once, a draft once read from this browser. */
export async function findSummary(id: string): Promise<ScenarioSummary | undefined> {
  if (!isDraftId(id)) return summaryById(id);
  const draft = await (await import('./draft-scenarios')).draftScenario(id);
  return draft?.ok ? draft.summary : undefined;
}

/**
 * Whether this browser has the studio's drafts database at all, asked without
 * creating it, so a trainee's picker never loads the drafts code for nothing.
 * Browsers that cannot tell say yes.
 */
export async function mayHaveDrafts(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (!indexedDB.databases) return true;
  const databases = await indexedDB.databases().catch(() => null);
  return databases === null || databases.some((database) => database.name === DRAFTS_DATABASE);
}
