/**
 * One trainee's progress from their session summaries: each competency over
 * time, the best and latest result per scenario, and mastery of the seed 004
 * checklist rows and seed 001 work processes, by the rule the rubric states
 * in its data (a level reached in a number of different scenarios).
 */
import { atLeast, RUBRIC, type Level, type MasteryRow, type Rubric } from '../scoring/rubric';
import type { Competency } from '../vocabulary';
import type { SessionSummary } from './summary';

export interface ProgressPoint {
  id: string;
  startedAt: string;
  scenarioId: string;
  overall: number | null;
  competencies: Partial<Record<Competency, number | null>>;
}

export interface ScenarioResult {
  scenarioId: string;
  scenarioTitle: string;
  attempts: number;
  best: { overall: number; level: Level | null; id: string };
  latest: { overall: number; level: Level | null; id: string; startedAt: string };
}

export interface RowMastery {
  row: MasteryRow;
  mastered: boolean;
  /** Per competency of the row: the scenarios where it reached the level. */
  reachedIn: { competency: Competency; scenarios: string[] }[];
}

export interface TraineeProgress {
  traineeName: string;
  timeline: ProgressPoint[];
  scenarios: ScenarioResult[];
  mastery: RowMastery[];
}

export function traineeProgress(summaries: Iterable<SessionSummary>, traineeName: string, rubric: Rubric = RUBRIC): TraineeProgress {
  const scored = [...summaries].filter((s) => s.traineeName === traineeName && s.status === 'scored' && s.overall !== null).sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  const timeline = scored.map((s) => ({
    id: s.id,
    startedAt: s.startedAt,
    scenarioId: s.scenarioId,
    overall: s.overall,
    competencies: Object.fromEntries(Object.entries(s.competencies).map(([id, c]) => [id, c?.score ?? null])),
  }));
  const byScenario = new Map<string, ScenarioResult>();
  for (const s of scored) {
    const overall = s.overall!;
    const known = byScenario.get(s.scenarioId);
    const latest = { overall, level: s.level, id: s.id, startedAt: s.startedAt };
    if (!known) byScenario.set(s.scenarioId, { scenarioId: s.scenarioId, scenarioTitle: s.scenarioTitle, attempts: 1, best: { overall, level: s.level, id: s.id }, latest });
    else {
      known.attempts++;
      known.latest = latest;
      if (overall > known.best.overall) known.best = { overall, level: s.level, id: s.id };
    }
  }
  const { minLevel, minScenarios, rows } = rubric.mastery;
  const mastery = rows.map((row): RowMastery => {
    const reachedIn = row.competencies.map((competency) => ({
      competency,
      scenarios: [...new Set(scored.filter((s) => atLeast(s.competencies[competency]?.level, minLevel)).map((s) => s.scenarioId))].sort(),
    }));
    return { row, reachedIn, mastered: reachedIn.every((r) => r.scenarios.length >= minScenarios) };
  });
  return { traineeName, timeline, scenarios: [...byScenario.values()].sort((a, b) => a.scenarioTitle.localeCompare(b.scenarioTitle)), mastery };
}
