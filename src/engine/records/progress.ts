/**
 * One trainee's progress from their session summaries: each competency over
 * time, the best and latest result per scenario, and progress on the seed 004
 * checklist rows and seed 001 work processes under the checklist's mastery
 * rule (scoring/checklist.json).
 */
import { checklistProgress, type RowProgress } from '../scoring/checklist';
import type { Level } from '../scoring/rubric';
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

export interface TraineeProgress {
  traineeName: string;
  timeline: ProgressPoint[];
  scenarios: ScenarioResult[];
  /** Only the rows a call can show (rows with competencies). */
  checklist: RowProgress[];
}

/** `rowsOf` gives the checklist rows a scenario covers (its metadata). */
export function traineeProgress(summaries: Iterable<SessionSummary>, traineeName: string, rowsOf: (scenarioId: string) => readonly string[]): TraineeProgress {
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
  const calls = scored.map((s) => ({
    scenarioId: s.scenarioId,
    competencies: Object.entries(s.competencies).map(([id, c]) => ({ id: id as Competency, level: c?.level ?? null })),
  }));
  const checklist = checklistProgress(calls, rowsOf).filter((progress) => progress.row.competencies.length > 0);
  return { traineeName, timeline, scenarios: [...byScenario.values()].sort((a, b) => a.scenarioTitle.localeCompare(b.scenarioTitle)), checklist };
}
