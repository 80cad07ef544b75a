/**
 * Validates the shipped scenarios when Vite builds or serves the app, and
 * hands the page the ones that passed as plain data: `virtual:scenarios`
 * carries a short summary of each (all the picker needs) and a loader per
 * scenario, and each full scenario is its own chunk, `virtual:scenario/<id>`,
 * fetched when a call needs it. The trainee's first page therefore carries
 * neither the validation library nor every scenario's script, and a broken
 * file is reported by name and path while the others still load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, loadScenarios } from '../engine/scenario/scenario-loader';
import type { Scenario } from '../engine/scenario/scenario-schema';
import { summarise } from '../lib/summarise-scenario';

const INDEX = 'virtual:scenarios';
const ONE = 'virtual:scenario/';
/** A shipped scenario's file text as written, for the studio to open (never loaded by the trainee's pages). */
const SOURCE = 'virtual:scenario-source/';
const SOURCES = 'virtual:scenario-sources';

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
  let loaded: ReturnType<typeof loadScenarios> | null = null;
  return {
    name: 'call-trainer-scenarios',
    resolveId: (id) => (id === INDEX || id === SOURCES || id.startsWith(ONE) || id.startsWith(SOURCE) ? `\0${id}` : undefined),
    watchChange(id) {
      if (id.endsWith('.json')) loaded = null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:scenario')) return undefined;
      const extra = process.env.CALL_TRAINER_EXTRA_SCENARIOS;
      const files = scenarioFiles(extra ? [folder, extra] : [folder]);
      files.forEach((file) => this.addWatchFile(resolve(file)));
      if (!loaded) {
        loaded = loadScenarios(files.map((file) => ({ file: relative('.', file), text: readFileSync(file, 'utf8') })));
        for (const problem of loaded.problems) this.warn(formatProblem(problem));
      }
      const { scenarios, problems } = loaded;
      if (id === `\0${SOURCES}`) {
        return `export const sources = {${scenarios.map(({ id: one }) => `${JSON.stringify(one)}: () => import(${JSON.stringify(SOURCE + one)}).then((module) => module.default)`).join(',\n')}};\n`;
      }
      if (id.startsWith(`\0${SOURCE}`)) {
        const index = scenarios.findIndex((candidate) => candidate.id === id.slice(SOURCE.length + 1));
        const idOf = (candidate: string) => {
          try {
            return (JSON.parse(readFileSync(candidate, 'utf8')) as { id?: unknown }).id;
          } catch {
            return undefined;
          }
        };
        const file = index < 0 ? undefined : files.find((candidate) => idOf(candidate) === scenarios[index]!.id);
        return `export default ${JSON.stringify(file ? readFileSync(file, 'utf8') : null)};\n`;
      }
      if (id.startsWith(`\0${ONE}`)) {
        const scenario = scenarios.find((candidate) => candidate.id === id.slice(ONE.length + 1));
        return `export default ${JSON.stringify(scenario ?? null)};\n`;
      }
      const loaders = scenarios.map((scenario) => `${JSON.stringify(scenario.id)}: () => import(${JSON.stringify(ONE + scenario.id)}).then((module) => module.default)`);
      return [
        `export const summaries = ${JSON.stringify(scenarios.map(summarise))};`,
        `export const problems = ${JSON.stringify(problems)};`,
        `export const loaders = {${loaders.join(',\n')}};`,
      ].join('\n');
    },
  };
}
