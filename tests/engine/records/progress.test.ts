import { traineeProgress } from '../../../src/engine/records/progress';
import type { SessionSummary } from '../../../src/engine/records/summary';
import type { Level } from '../../../src/engine/scoring/rubric';
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
    summary('e', 'outage-faq', 5, { resolution: 'Superior' }),
  ];
  // What each scenario's metadata says it covers; outage-faq covers no row.
  const covers: Record<string, string[]> = { billing: ['004-refer', '004-records'], irate: ['004-refer', '004-records', '004-resolve'] };
  const rowsOf = (id: string) => covers[id] ?? [];
  const progress = traineeProgress(sessions, 'Ana', rowsOf);
  const row = (id: string, p = progress) => p.checklist.find((r) => r.row.id === id)!;

  it('masters a row once a scenario covering it shows its competencies at Satisfactory or better in two different scenarios', () => {
    expect(row('004-refer')).toMatchObject({ mastered: true, shownIn: ['billing', 'irate'] });
    // In the order first shown: billing's first call fell short on documentation.
    expect(row('004-records')).toMatchObject({ mastered: true, shownIn: ['irate', 'billing'] });
    // 004-resolve also needs de-escalation, which no call of Ana's showed.
    expect(row('004-resolve')).toMatchObject({ mastered: false, shownIn: [] });
    const onlyBilling = traineeProgress(sessions.filter((s) => s.scenarioId === 'billing'), 'Ana', rowsOf);
    expect(row('004-refer', onlyBilling).mastered).toBe(false);
  });

  it('never counts a scenario that does not cover the row, nor another trainee\'s calls', () => {
    expect(row('004-refer').shownIn).not.toContain('outage-faq');
    expect(traineeProgress(sessions, 'Ben', rowsOf).checklist.every((r) => r.shownIn.length === 0)).toBe(true);
  });

  it('lists only the rows a call can show', () => {
    expect(progress.checklist.length).toBeGreaterThan(0);
    expect(progress.checklist.every((r) => r.row.competencies.length > 0)).toBe(true);
    expect(progress.checklist.find((r) => r.row.id === '001-A.1')).toBeUndefined();
  });

  it('gives the best and the latest result per scenario, and each competency in time order', () => {
    expect(progress.scenarios.map((s) => [s.scenarioId, s.attempts, s.best.id, s.latest.id])).toEqual([['billing', 2, 'b', 'b'], ['irate', 1, 'c', 'c'], ['outage-faq', 1, 'e', 'e']]);
    expect(progress.timeline.map((p) => [p.id, p.competencies.resolution])).toEqual([['a', 70], ['c', 70], ['b', 90], ['e', 90]]);
  });
});
