/**
 * Validates the shipped scenarios when Vite builds or serves the app, and
 * hands the page the ones that passed as plain data (`virtual:scenarios`).
 * The trainee's page therefore never loads the validation library, and a
 * broken file is reported by name and path while the others still load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, loadScenarios } from '../engine/scenario-loader';

const ID = 'virtual:scenarios';
const RESOLVED = `\0${ID}`;

/** The browser tests add their own fixture scenarios through CALL_TRAINER_EXTRA_SCENARIOS. */
function scenarioFiles(folders: string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
      .sort()
      .map((name) => join(folder, name)),
  );
}

export function scenariosPlugin(folder = 'scenarios'): Plugin {
  return {
    name: 'call-trainer-scenarios',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const extra = process.env.CALL_TRAINER_EXTRA_SCENARIOS;
      const files = scenarioFiles(extra ? [folder, extra] : [folder]);
      files.forEach((file) => this.addWatchFile(file));
      const { scenarios, problems } = loadScenarios(files.map((file) => ({ file: relative('.', file), text: readFileSync(file, 'utf8') })));
      for (const problem of problems) this.warn(formatProblem(problem));
      return `export const scenarios = ${JSON.stringify(scenarios)};\nexport const problems = ${JSON.stringify(problems)};\n`;
    },
  };
}
