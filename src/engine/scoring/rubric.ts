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
  levels: { level: Level; minScore: number; descriptor: string }[];
  competencies: CompetencyDefinition[];
  positiveReplacements: { phrase: string; instead: string }[];
  /** The highest overall score a call can get when it ends with this outcome. */
  endingCaps: Partial<Record<'resolved' | 'referred' | 'lost', EndingCap>>;
}

export const RUBRIC = rubricData as Rubric;

export function levelFor(score: number, rubric: Rubric = RUBRIC): Level {
  // Levels are listed best first, so the first whose floor the score reaches wins.
  return rubric.levels.find((level) => score >= level.minScore)?.level ?? 'Needs improvement';
}
