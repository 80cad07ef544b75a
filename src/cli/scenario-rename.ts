/**
 * npm run scenario:rename -- <file> <new-id>: changes a scenario's id and
 * every "#<old-id>…" target in place, keeping the file's layout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renameScenarioText } from '../engine/scenario/rename';

const [file, newId] = process.argv.slice(2);
if (!file || !newId) {
  console.error('usage: npm run scenario:rename -- <file> <new-id>');
  process.exit(1);
}
const result = renameScenarioText(readFileSync(file, 'utf8'), newId);
if (!result.ok) {
  console.error(`${file}: ${result.message} (nothing was changed)`);
  process.exit(1);
}
writeFileSync(file, result.text);
console.log(`${file}: id is now "${newId}", ${result.targets} #target(s) rewritten`);
