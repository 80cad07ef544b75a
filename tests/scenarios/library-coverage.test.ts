/**
 * The library as a program: every checklist row a call can show is named by
 * at least two scenarios, since the supervisor's mastery view needs two
 * different scenarios before it counts a row mastered. The rows still short
 * are listed here, so a new gap (a row dropped from a file) fails, and so does
 * closing one without taking it off this list.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../src/engine/scoring/checklist';
import { loadScenarioFile } from '../helpers/play';

/** Rows only one scenario (or none) exercises; each needs a new customer, not another label. */
const STILL_SHORT = ['004-process-bills', '004-recommend', '001-E.9', '001-G.6'];

describe('the library covers the checklist', () => {
  const scenarios = readdirSync('scenarios')
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .map((name) => loadScenarioFile(`scenarios/${name}`));

  it('names every row a call can show in two or more scenarios, apart from the known gaps', () => {
    const { differentScenarios } = CHECKLIST.mastery;
    const showable = CHECKLIST.rows.filter((row) => row.competencies.length);
    const short = showable.filter((row) => scenarios.filter((scenario) => scenario.checklist.includes(row.id)).length < differentScenarios);
    expect(short.map((row) => row.id).sort()).toEqual([...STILL_SHORT].sort());
  });
});
