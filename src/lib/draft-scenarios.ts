/**
 * The studio's drafts as trainees meet them: each saved draft loaded by the
 * same loader as the shipped scenarios, under an id of its own (DRAFT_ID_PREFIX
 * and the draft's key, its "#id" targets rewritten to match), so a draft's
 * calls, scorecards and history never mix with a shipped scenario's.
 * Loaded on demand: the loader never rides in the trainee's first page.
 */
import { parseScenario } from '../engine/scenario/scenario-loader';
import { renameScenarioText } from '../engine/scenario/rename';
import type { Scenario } from '../engine/scenario/scenario-schema';
import { getDraft, listDrafts, type ScenarioDraft } from './scenario-drafts';
import { DRAFT_ID_PREFIX } from './scenarios';
import type { ScenarioSummary } from './scenario-summary';
import { summarise } from './summarise-scenario';

export type DraftScenario =
  | { key: string; savedAt: string; published: boolean; ok: true; scenario: Scenario; summary: ScenarioSummary }
  | { key: string; savedAt: string; published: boolean; ok: false; problem: string };

export function draftIdOf(key: string): string {
  return `${DRAFT_ID_PREFIX}${key}`;
}

function loadDraft(draft: ScenarioDraft): DraftScenario {
  const { key, savedAt } = draft;
  const published = draft.published === true;
  const renamed = renameScenarioText(draft.text, draftIdOf(key));
  if (!renamed.ok) return { key, savedAt, published, ok: false, problem: renamed.message };
  const result = parseScenario(`${key}.json`, renamed.text, { bestRoute: false });
  if (!result.ok) {
    const errors = result.problems.filter((problem) => problem.severity === 'error').length;
    return { key, savedAt, published: false, ok: false, problem: `it does not load yet (${errors} error(s)): fix it in the studio` };
  }
  return { key, savedAt, published, ok: true, scenario: result.scenario, summary: summarise(result.scenario) };
}

/** The draft behind a draft id, or undefined when there is no such draft in this browser. */
export async function draftScenario(id: string): Promise<DraftScenario | undefined> {
  if (!id.startsWith(DRAFT_ID_PREFIX)) return undefined;
  const draft = await getDraft(id.slice(DRAFT_ID_PREFIX.length));
  return draft && loadDraft(draft);
}

/** Every draft in this browser, newest first, loaded or with the reason it does not load. */
export async function listDraftScenarios(): Promise<DraftScenario[]> {
  const drafts = await listDrafts();
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt)).map(loadDraft);
}
