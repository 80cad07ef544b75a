/**
 * The checklist catalogue the review's mastery view reads: every row of seed
 * 004 and every work process of seed 001, the competencies that show each,
 * and the mastery rule, stated in the data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKLIST, checklistProgress, rowsShortOfMastery, type ScoredCall } from '../../src/engine/scoring/checklist';
import { RUBRIC } from '../../src/engine/scoring/rubric';

const SEED_004 = readFileSync('/work/shared/seeds/004_d02a2777ac0baeec.txt', 'utf8');
const SEED_001 = readFileSync('/work/shared/seeds/001_0fd4932cd992c239.txt', 'utf8');
const squash = (text: string) => text.replace(/[\s\u2019]+/g, ' ').replace(/'/g, ' ').toLowerCase();

describe('the checklist catalogue', () => {
  it('quotes every row from its seed, once, with competencies the rubric knows', () => {
    const ids = CHECKLIST.rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    const competencies = new Set(RUBRIC.competencies.map((competency) => competency.id));
    for (const row of CHECKLIST.rows) {
      expect(squash(row.source === '004' ? SEED_004 : SEED_001), row.id).toContain(squash(row.text));
      for (const id of row.competencies) expect(competencies.has(id), `${row.id}: ${id}`).toBe(true);
    }
    // Seed 004 has 14 job categories (one with three competencies); seed 001 has 47 work processes in A to G.
    expect(CHECKLIST.rows.filter((row) => row.source === '004').length).toBe(16);
    expect(CHECKLIST.rows.filter((row) => row.source === '001').length).toBe(47);
  });

  it('states the mastery rule in the data', () => {
    expect(CHECKLIST.mastery.rule).toBe('A row counts as mastered when its competencies reach Satisfactory or better in at least two different scenarios.');
    expect(CHECKLIST.mastery).toMatchObject({ minLevel: 'Satisfactory', differentScenarios: 2 });
  });
});

describe('progress against the checklist', () => {
  const rows: Record<string, string[]> = { a: ['004-records', '004-refer'], b: ['004-records'], c: [] };
  const call = (scenarioId: string, documentation: 'Superior' | 'Satisfactory' | 'Needs improvement' | null): ScoredCall => ({
    scenarioId,
    competencies: [{ id: 'documentation', level: documentation }, { id: 'resolution', level: 'Needs improvement' }],
  });
  const progress = (calls: ScoredCall[]) => checklistProgress(calls, (id) => rows[id] ?? []);
  const records = (calls: ScoredCall[]) => progress(calls).find((row) => row.row.id === '004-records')!;

  it('counts a row as mastered once it is shown at Satisfactory or better in two different scenarios', () => {
    expect(records([call('a', 'Superior'), call('b', 'Satisfactory')])).toMatchObject({ mastered: true, shownIn: ['a', 'b'] });
  });

  it('does not count the same scenario twice, a level below Satisfactory, or a scenario that does not cover the row', () => {
    expect(records([call('a', 'Superior'), call('a', 'Superior')]).mastered).toBe(false);
    expect(records([call('a', 'Superior'), call('b', 'Needs improvement')]).mastered).toBe(false);
    expect(records([call('a', 'Superior'), call('c', 'Superior')]).shownIn).toEqual(['a']);
    expect(records([call('a', null), call('b', 'Superior')]).shownIn).toEqual(['b']);
  });

  it('needs every competency the row names', () => {
    const refer = progress([call('a', 'Superior')]).find((row) => row.row.id === '004-refer')!;
    expect(refer.shownIn).toEqual([]);
  });
});

describe('rows short of mastery', () => {
  it('lists each row a call can show that fewer scenarios name than mastery needs, with the scenarios that do', () => {
    const scenarios = [
      { id: 'a', checklist: ['004-confer', '004-records'] },
      { id: 'b', checklist: ['004-confer', '001-A.1'] },
    ];
    const short = rowsShortOfMastery(scenarios);
    expect(short.find(({ row }) => row.id === '004-confer')).toBeUndefined();
    expect(short.find(({ row }) => row.id === '004-records')?.namedBy).toEqual(['a']);
    expect(short.find(({ row }) => row.id === '004-notify')?.namedBy).toEqual([]);
    // 001-A.1 has no competency a call can show, so it is never a gap however few name it.
    expect(short.some(({ row }) => row.id === '001-A.1')).toBe(false);
  });
});
