import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renameScenarioText } from '../../src/engine/scenario/rename';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';
import { scenarioTemplate } from '../../src/engine/scenario/scenario-template';
import { searchScore } from '../../src/engine/scenario/score-search';

describe('starting a scenario', { timeout: 120_000 }, () => {
  it('the template loads with no error and no warning, and a perfect call of it scores 100', () => {
    const result = parseScenario('scenarios/first.json', JSON.stringify(scenarioTemplate('first'), null, 2));
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(searchScore(result.scenario, 'best').found?.score).toBe(100);
  });

  it('`npm run scenario:new -- <id>` writes a scenario that loads, and never overwrites one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scenarios-'));
    const run = (...args: string[]) => execFileSync('npx', ['tsx', 'src/cli/scenario-new.ts', ...args], { env: { ...process.env, SCENARIOS_DIR: folder }, encoding: 'utf8' });
    expect(run('my-caller')).toMatch(/wrote .*my-caller\.json/);
    const text = readFileSync(join(folder, 'my-caller.json'), 'utf8');
    expect(parseScenario('my-caller.json', text)).toMatchObject({ ok: true, problems: [] });
    expect(() => run('my-caller')).toThrow();
    expect(readFileSync(join(folder, 'my-caller.json'), 'utf8')).toBe(text);
  });
});

describe('renaming a scenario', () => {
  const original = readFileSync('scenarios/irate-outage.json', 'utf8');

  it('a copy with only its id changed by hand fails, and says which id the targets should use', () => {
    const copy = original.replace('"id": "irate-outage"', '"id": "irate-copy"');
    const result = parseScenario('scenarios/irate-copy.json', copy);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/this scenario's id is "irate-copy", so did you mean "#irate-copy\./);
  });

  it('rewrites the id and every #id target, keeps the layout, and the copy loads', () => {
    const renamed = renameScenarioText(original, 'irate-copy');
    expect(renamed.ok).toBe(true);
    if (!renamed.ok) return;
    expect(renamed.targets).toBeGreaterThan(0);
    expect(renamed.text).not.toContain('#irate-outage');
    expect(renamed.text.split('\n').length).toBe(original.split('\n').length);
    const result = parseScenario('scenarios/irate-copy.json', renamed.text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.id).toBe('irate-copy');
  });

  it('refuses an id that is not a name', () => {
    expect(renameScenarioText(original, '9 lives')).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid id/) });
  });
});
