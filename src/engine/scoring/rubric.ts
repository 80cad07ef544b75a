import rubricData from './rubric.json';
import type { Competency } from '../vocabulary';

export type Level = 'Superior' | 'Satisfactory' | 'Needs improvement';

export interface Behaviour {
  id: string;
  title: string;
  points: number;
  clauses: string[];
  tip: string;
}

export interface CompetencyDefinition {
  id: Competency;
  title: string;
  clauses: string[];
  behaviours: Behaviour[];
}

export interface EndingCap {
  maxScore: number;
  clauses: string[];
  reason: string;
}

export interface Rubric {
  /** What each clause code's document number stands for: "000 §3.3.2.4" is section 3.3.2.4 of document 000. */
  sources: Record<string, string>;
  levels: { level: Level; minScore: number; descriptor: string }[];
  competencies: CompetencyDefinition[];
  positiveReplacements: { phrase: string; instead: string }[];
  /** The highest overall score a call can get when it ends with this outcome. */
  endingCaps: Partial<Record<'resolved' | 'referred' | 'lost', EndingCap>>;
}

export const RUBRIC = rubricData as Rubric;

const LEVEL_ORDER: Level[] = ['Needs improvement', 'Satisfactory', 'Superior'];

/** True when `level` is `floor` or better. */
export function atLeast(level: Level | null | undefined, floor: Level): boolean {
  return !!level && LEVEL_ORDER.indexOf(level) >= LEVEL_ORDER.indexOf(floor);
}

export function levelFor(score: number, rubric: Rubric = RUBRIC): Level {
  // Levels are listed best first, so the first whose floor the score reaches wins.
  return rubric.levels.find((level) => score >= level.minScore)?.level ?? 'Needs improvement';
}

/** The document a clause code cites, in words: "000 §3.3.2.4" → the ETA competencies. */
export function sourceOf(clause: string, rubric: Rubric = RUBRIC): string | undefined {
  return rubric.sources[clause.slice(0, 3)];
}
