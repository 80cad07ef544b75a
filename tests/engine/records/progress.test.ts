import { traineeProgress } from '../../../src/engine/records/progress';
import type { SessionSummary } from '../../../src/engine/records/summary';
import { RUBRIC, type Level } from '../../../src/engine/scoring/rubric';
import { COMPETENCIES, type Competency } from '../../../src/engine/vocabulary';

function summary(id: string, scenarioId: string, day: number, levels: Partial<Record<Competency, Level>>, traineeName = 'Ana'): SessionSummary {
  const score: Record<Level, number> = { 'Needs improvement': 40, Satisfactory: 70, Superior: 90 };
  const competencies = Object.fromEntries(COMPETENCIES.map((c) => [c, levels[c] ? { score: score[levels[c]!], level: levels[c]! } : { score: null, level: null }]));
  return {
    id, traineeName, scenarioId, scenarioTitle: scenarioId, scenarioVersion: 1, startedAt: `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`, updatedAt: '', status: 'scored', replyMode: 'prepared',
    ending: { state: 'resolved', outcome: 'resolved' }, overall: 50 + day, level: 'Satisfactory', competencies, turns: 5, revision: 1, reviewStatus: 'notReviewed', origin: 'local',
  };
}

describe('a trainee\'s progress', () => {
  const sessions = [
    summary('a', 'billing', 1, { resolution: 'Satisfactory', documentation: 'Needs improvement' }),
    summary('b', 'billing', 3, { resolution: 'Superior', documentation: 'Satisfactory' }),
    summary('c', 'irate', 2, { resolution: 'Satisfactory', documentation: 'Superior' }),
    summary('d', 'irate', 4, { resolution: 'Needs improvement' }, 'Ben'),
  ];
  const progress = traineeProgress(sessions, 'Ana');

  it('masters a row only once its competencies reach the rubric\'s level in two different scenarios', () => {
    const row = (clause: string) => progress.mastery.find((m) => m.row.clause === clause)!;
    expect(row('001 D.6')).toMatchObject({ mastered: true, reachedIn: [{ competency: 'resolution', scenarios: ['billing', 'irate'] }] });
    expect(row('004 keep records of customer interactions')).toMatchObject({ mastered: true });
    expect(row('001 B.1')).toMatchObject({ mastered: false, reachedIn: [{ competency: 'deescalation', scenarios: [] }] });
    const onlyBilling = traineeProgress(sessions.filter((s) => s.scenarioId === 'billing'), 'Ana');
    expect(onlyBilling.mastery.find((m) => m.row.clause === '001 D.6')!.mastered).toBe(false);
  });

  it('gives the best and the latest result per scenario, and each competency in time order', () => {
    expect(progress.scenarios.map((s) => [s.scenarioId, s.attempts, s.best.id, s.latest.id])).toEqual([['billing', 2, 'b', 'b'], ['irate', 1, 'c', 'c']]);
    expect(progress.timeline.map((p) => [p.id, p.competencies.resolution])).toEqual([['a', 70], ['c', 70], ['b', 90]]);
  });
});

describe('the mastery rows in the rubric', () => {
  it('each cite a clause that the competencies they list rest on', () => {
    for (const row of RUBRIC.mastery.rows) {
      for (const id of row.competencies) {
        const competency = RUBRIC.competencies.find((c) => c.id === id)!;
        const cited = [...competency.clauses, ...competency.behaviours.flatMap((b) => b.clauses)];
        expect(cited, `${row.clause} → ${id}`).toContain(row.clause);
      }
    }
  });
});
