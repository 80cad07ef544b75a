/**
 * npm run scenario:new -- <id> [--from scenarios/other.json]: writes
 * scenarios/<id>.json, from the template or as a copy of another scenario
 * renamed (its #targets too), and checks that it loads. Never overwrites.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renameScenarioText } from '../engine/scenario/rename';
import { formatProblem, parseScenario } from '../engine/scenario/scenario-loader';
import { scenarioTemplate } from '../engine/scenario/scenario-template';

const args = process.argv.slice(2);
const fromAt = args.indexOf('--from');
const from = fromAt >= 0 ? args[fromAt + 1] : undefined;
const id = args.find((arg, i) => !arg.startsWith('--') && (fromAt < 0 || i !== fromAt + 1));
const folder = process.env.SCENARIOS_DIR ?? 'scenarios';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!id) fail('usage: npm run scenario:new -- <id> [--from scenarios/other.json]');
const file = join(folder, `${id}.json`);
if (existsSync(file)) fail(`${file} already exists; choose another id (nothing was written)`);

let text: string;
if (from) {
  const renamed = renameScenarioText(readFileSync(from, 'utf8'), id);
  if (!renamed.ok) fail(`${from}: ${renamed.message}`);
  text = renamed.text;
  console.log(`copied ${from}, renaming its id and ${renamed.targets} #target(s) to "${id}"`);
} else {
  text = `${JSON.stringify(scenarioTemplate(id), null, 2)}\n`;
  if (/^[a-zA-Z][a-zA-Z0-9_-]*$/.test(id) === false) fail(`"${id}" is not a valid id: use letters, digits, "-" or "_", starting with a letter`);
}
const result = parseScenario(file, text);
const errors = result.problems.filter((problem) => problem.severity === 'error');
if (errors.length) fail(`not written, the new scenario would not load:\n${errors.map(formatProblem).join('\n')}`);
writeFileSync(file, text);
console.log(`wrote ${file}; check it with: npm run scenarios:check -- ${file}`);
