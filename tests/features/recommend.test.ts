import { describe, expect, it } from 'vitest';
import { competencyStandings, filterScenarios, NO_FILTERS, recommendNext, settingsOf } from '../../src/features/picker/recommend';
import type { ScenarioSummary } from '../../src/lib/scenario-summary';

function summary(id: string, level: ScenarioSummary['level'], setting: string, weights: ScenarioSummary['weights'] = {}, expectedMinutes = 6): ScenarioSummary {
  return {
    id, version: 1, title: id, summary: '', level, expectedMinutes, silenceMs: 20_000, setting, direction: 'inbound', checklist: [], briefing: '', replyMode: 'either', weights,
    persona: { name: id, description: '' }, account: { holder: id, number: '1' },
  };
}

const LIBRARY = [
  summary('notify', 'I', 'Insurer', { closing: 2 }, 4),
  summary('gym', 'II', 'Gym', { resolution: 2 }),
  summary('water', 'III', 'Water', { deescalation: 1.5, resolution: 2 }, 10),
  summary('billing', 'II', 'Energy', { resolution: 2, information: 1.5 }),
];

const call = (scenarioId: string, scores: Record<string, number | null>) => ({
  scenarioId,
  competencies: Object.entries(scores).map(([id, score]) => ({ id: id as 'closing', score, level: null })),
});

describe('filtering the library', () => {
  it('by level, setting and the competency a scenario stresses, together', () => {
    expect(filterScenarios(LIBRARY, NO_FILTERS)).toHaveLength(4);
    expect(filterScenarios(LIBRARY, { ...NO_FILTERS, level: 'II' }).map((s) => s.id)).toEqual(['gym', 'billing']);
    expect(filterScenarios(LIBRARY, { ...NO_FILTERS, setting: 'Water' }).map((s) => s.id)).toEqual(['water']);
    expect(filterScenarios(LIBRARY, { ...NO_FILTERS, competency: 'resolution' }).map((s) => s.id)).toEqual(['gym', 'water', 'billing']);
    expect(filterScenarios(LIBRARY, { level: 'II', setting: '', competency: 'information' }).map((s) => s.id)).toEqual(['billing']);
    expect(filterScenarios(LIBRARY, { level: 'I', setting: 'Water', competency: '' })).toEqual([]);
    expect(settingsOf(LIBRARY)).toEqual(['Energy', 'Gym', 'Insurer', 'Water']);
  });
});

describe('the recommended next call', () => {
  it('starts a new trainee on the easiest call', () => {
    expect(recommendNext(LIBRARY, [], {})).toEqual({ scenario: LIBRARY[0] });
    expect(recommendNext(LIBRARY, [], { notify: 90 })?.scenario.id).toBe('gym');
  });

  it('ranks competencies by the trainee\'s average, lowest first, ignoring calls that did not assess one', () => {
    const standings = competencyStandings([call('gym', { closing: 40, resolution: 90, listening: null }), call('water', { closing: 60, resolution: 70 })]);
    expect(standings).toEqual([
      { id: 'closing', average: 50, calls: 2 },
      { id: 'resolution', average: 80, calls: 2 },
    ]);
  });

  it('picks the scenario that weighs the weakest competency most, among those not yet done at Superior', () => {
    const weakClosing = competencyStandings([call('gym', { closing: 40, resolution: 90 })]);
    expect(recommendNext(LIBRARY, weakClosing, { gym: 70 })).toMatchObject({ scenario: { id: 'notify' }, competency: { id: 'closing' } });
    // Done at Superior already: the next that works it is chosen instead, untried first.
    expect(recommendNext(LIBRARY, weakClosing, { notify: 92, gym: 70 })?.scenario.id).toBe('billing');
    const weakResolution = competencyStandings([call('gym', { resolution: 30 })]);
    expect(recommendNext(LIBRARY, weakResolution, { gym: 50 })?.scenario.id).toBe('billing');
  });

  it('when everything is done at Superior, still recommends something for the weakest competency', () => {
    const standings = competencyStandings([call('gym', { deescalation: 70 })]);
    expect(recommendNext(LIBRARY, standings, { notify: 90, gym: 95, water: 88, billing: 99 })?.scenario.id).toBe('water');
  });
});
