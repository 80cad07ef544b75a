/**
 * `npm run scenarios:check` as a trainer runs it: the whole library is listed
 * with what each scenario covers and scores, and a broken file is named with
 * the place inside it while the others are still checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function check(files: string[] = []) {
  const run = spawnSync(process.execPath, ['src/cli/run-bundled.mjs', 'src/cli/scenarios-check.ts', ...files], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** The lines the check prints about one scenario, from its heading to the blank line after it. */
function section(output: string, id: string): string {
  const text = `\n${output}`;
  const start = text.indexOf(`\n${id} (v`);
  expect(start, `${id} is described`).toBeGreaterThanOrEqual(0);
  return text.slice(start + 1, text.indexOf('\n\n', start + 1));
}

describe('scenarios:check', { timeout: 120_000 }, () => {
  it('lists every shipped scenario with its level, pace, checklist rows, and best and worst score, and exits 0', () => {
    const ids = readdirSync('scenarios').filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).map((name) => name.replace(/\.json$/, ''));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    const { status, output } = check();
    expect(status).toBe(0);
    expect(output).toContain(`${ids.length} scenario(s) loaded, 0 file(s) with errors`);
    // Progress is for a terminal: piped into a file or another tool, the report comes alone.
    expect(output).not.toMatch(/checking \d+ file|checked \d+ of/);
    for (const id of ids) {
      const lines = section(output, id);
      expect(lines).toMatch(/\(v\d+, level (I|II|III)\)/);
      expect(lines).toMatch(/\n {2}pace: (brisk|steady|patient) /);
      expect(lines).toMatch(/\n {2}checklist rows \([1-9]\d*\): \d{3}-/);
      expect(lines).toMatch(/\n {2}best score: \d+, exact/);
      expect(lines).toMatch(/\n {2}worst score: \d+, (exact|a bound)/);
    }
  });

  it('names a broken file and the place inside it, still checks the rest, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const broken = JSON.parse(readFileSync('scenarios/gym-cancellation.json', 'utf8'));
    broken.id = 'gym-broken';
    broken.persona.mood.anger = 'furious';
    writeFileSync(join(dir, 'gym-broken.json'), JSON.stringify(broken));
    const { status, output } = check([join(dir, 'gym-broken.json'), 'scenarios/card-third-party.json']);
    expect(status).toBe(1);
    expect(output).toMatch(/gym-broken\.json.*persona\.mood\.anger/);
    expect(section(output, 'card-third-party')).toContain('best score: 100');
    expect(output).toContain('1 scenario(s) loaded, 1 file(s) with errors');
  });
});
