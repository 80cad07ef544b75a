/**
 * The checklist a supervisor tracks per trainee: the rows of seed 004's OJT
 * checklist and seed 001's work processes, with the rubric competencies whose
 * levels show each row in a call, and the mastery rule, all as data
 * (checklist.json) so the rule can change without touching code.
 */
import checklistData from './checklist.json';
import { atLeast, type Level } from './rubric';
import type { Competency } from '../vocabulary';

export interface ChecklistRow {
  id: string;
  source: '001' | '004';
  category: string;
  text: string;
  /** The rubric competencies whose levels show this row; empty when a call cannot show it. */
  competencies: Competency[];
}

export interface MasteryRule {
  rule: string;
  minLevel: Level;
  differentScenarios: number;
  detail: string;
}

export interface Checklist {
  about: string;
  mastery: MasteryRule;
  rows: ChecklistRow[];
}

export const CHECKLIST = checklistData as Checklist;

export const CHECKLIST_ROW_IDS = CHECKLIST.rows.map((row) => row.id) as [string, ...string[]];

export function checklistRow(id: string): ChecklistRow | undefined {
  return CHECKLIST.rows.find((row) => row.id === id);
}

/** A scored call as far as mastery is concerned: which scenario, and the level each competency reached. */
export interface ScoredCall {
  scenarioId: string;
  competencies: { id: Competency; level: Level | null }[];
}

export interface RowProgress {
  row: ChecklistRow;
  /** Scenarios in which a call showed every competency of the row at the rule's level or better. */
  shownIn: string[];
  mastered: boolean;
}

/**
 * Each row's progress for one trainee's calls, under the checklist's
 * mastery rule. `rowsOf` gives the rows a scenario covers (its metadata).
 */
export function checklistProgress(calls: ScoredCall[], rowsOf: (scenarioId: string) => readonly string[], checklist: Checklist = CHECKLIST): RowProgress[] {
  const { minLevel, differentScenarios } = checklist.mastery;
  return checklist.rows.map((row) => {
    const shownIn = new Set<string>();
    if (row.competencies.length) {
      for (const call of calls) {
        if (!rowsOf(call.scenarioId).includes(row.id)) continue;
        const shown = row.competencies.every((id) => atLeast(call.competencies.find((competency) => competency.id === id)?.level, minLevel));
        if (shown) shownIn.add(call.scenarioId);
      }
    }
    return { row, shownIn: [...shownIn], mastered: shownIn.size >= differentScenarios };
  });
}

/** A row a call can show that too few scenarios name for anyone to master it, and the scenarios that do name it. */
export interface RowShortOfMastery {
  row: ChecklistRow;
  namedBy: string[];
}

/** The rows a call can show that fewer scenarios name than the mastery rule needs: gaps in the library as a program. */
export function rowsShortOfMastery(scenarios: readonly { id: string; checklist: readonly string[] }[], checklist: Checklist = CHECKLIST): RowShortOfMastery[] {
  return checklist.rows
    .filter((row) => row.competencies.length)
    .map((row) => ({ row, namedBy: scenarios.filter((scenario) => scenario.checklist.includes(row.id)).map((scenario) => scenario.id) }))
    .filter(({ namedBy }) => namedBy.length < checklist.mastery.differentScenarios);
}
