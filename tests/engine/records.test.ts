import { querySummaries } from '../../src/engine/records/summary-query';
import { summarise, type SessionSummary } from '../../src/engine/records/summary';
import { findBestRoute } from '../../src/engine/scenario/routes';
import { describeEvent } from '../../src/engine/scenario/scenario-report';
import { loadScenarioFile, play, playAndScore } from '../helpers/play';
import { sessionOf } from '../helpers/sessions';

const IRATE = loadScenarioFile('scenarios/irate-outage.json');

describe('a session summary', () => {
  it('carries the scorecard’s overall and per-competency scores, the ending and its outcome, without the transcript', () => {
    const steps = findBestRoute(IRATE).events.map(describeEvent);
    const { call, scorecard } = playAndScore(IRATE, steps);
    const summary = summarise({ ...sessionOf(IRATE, call, { scorecard }), revision: 4 });
    expect(summary).toMatchObject({ status: 'scored', overall: scorecard.overall, level: scorecard.level, revision: 4, reviewStatus: 'notReviewed', origin: 'local', scenarioTitle: IRATE.title });
    expect(summary.ending).toEqual({ state: call.record().ending, outcome: scorecard.ending!.outcome });
    for (const competency of scorecard.competencies) expect(summary.competencies[competency.id]).toEqual({ score: competency.score, level: competency.level });
    expect(summary.turns).toBe(call.record().transcript.filter((entry) => entry.kind === 'trainee').length);
    expect(summary.turns).toBeGreaterThan(3);
    expect(JSON.stringify(summary).length).toBeLessThan(1500);
  });

  it('has no score, level or ending while the call is live', () => {
    const call = play(IRATE, ['ANSWER']);
    const summary = summarise(sessionOf(IRATE, call));
    expect(summary).toMatchObject({ status: 'live', overall: null, level: null, ending: null, competencies: {}, turns: 0 });
  });
});

function summary(id: string, traineeName: string, startedAt: string, overall: number | null, scenarioId = 'irate-outage'): SessionSummary {
  return {
    id,
    traineeName,
    scenarioId,
    scenarioTitle: scenarioId === 'irate-outage' ? 'Outage' : 'Billing',
    scenarioVersion: 1,
    startedAt,
    updatedAt: startedAt,
    status: overall === null ? 'live' : 'scored',
    replyMode: 'prepared',
    ending: null,
    overall,
    level: null,
    competencies: {},
    turns: 3,
    revision: 1,
    reviewStatus: 'notReviewed',
    origin: 'local',
  };
}

describe('querying summaries', () => {
  const all = [
    summary('a', 'Ann', '2026-12-01T10:00:00Z', 80),
    summary('b', 'Bob', '2026-12-02T10:00:00Z', null),
    summary('c', 'Ann', '2026-12-03T10:00:00Z', 55, 'billing'),
    summary('d', 'ann lee', '2026-12-04T10:00:00Z', 91),
    summary('e', 'Bob', '2026-12-05T10:00:00Z', 70, 'billing'),
  ];

  it('lists the newest first by default, with the total', () => {
    const page = querySummaries(all);
    expect(page.items.map((s) => s.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(page.total).toBe(5);
  });

  it('filters on trainee, scenario, status and words, and counts only matches', () => {
    expect(querySummaries(all, { filter: { traineeName: 'Ann' } }).items.map((s) => s.id)).toEqual(['c', 'a']);
    expect(querySummaries(all, { filter: { scenarioId: 'billing', status: 'scored' } }).total).toBe(2);
    expect(querySummaries(all, { filter: { text: 'ANN' } }).items.map((s) => s.id)).toEqual(['d', 'c', 'a']);
    expect(querySummaries(all, { filter: { minOverall: 60, maxOverall: 85 } }).items.map((s) => s.id)).toEqual(['e', 'a']);
    expect(querySummaries(all, { filter: { startedFrom: '2026-12-02', startedBefore: '2026-12-04' } }).items.map((s) => s.id)).toEqual(['c', 'b']);
  });

  it('sorts unscored calls after scored ones whichever way scores are sorted', () => {
    expect(querySummaries(all, { sort: { key: 'overall', direction: 'desc' } }).items.map((s) => s.id)).toEqual(['d', 'a', 'e', 'c', 'b']);
    expect(querySummaries(all, { sort: { key: 'overall', direction: 'asc' } }).items.map((s) => s.id)).toEqual(['c', 'e', 'a', 'd', 'b']);
  });

  it('pages without overlap or gaps', () => {
    const sort = { key: 'traineeName', direction: 'asc' } as const;
    const pages = [0, 2, 4].map((offset) => querySummaries(all, { sort, offset, limit: 2 }));
    expect(pages.flatMap((page) => page.items.map((s) => s.id))).toEqual(querySummaries(all, { sort }).items.map((s) => s.id));
    expect(pages[2]).toMatchObject({ offset: 4, total: 5 });
    expect(querySummaries(all, { offset: 10, limit: 2 })).toMatchObject({ items: [], total: 5, offset: 5 });
  });
});
