/**
 * npm run schema: writes the published JSON Schemas from the zod schemas the
 * app validates with: scenarios/scenario.schema.json and
 * schemas/bundle.schema.json. Tests fail if a committed file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundleJsonSchema } from '../engine/records/bundle-schema';
import { scenarioJsonSchema } from '../engine/scenario/scenario-json-schema';

writeFileSync('scenarios/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote scenarios/scenario.schema.json');
mkdirSync('schemas', { recursive: true });
writeFileSync('schemas/bundle.schema.json', `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`);
console.log('wrote schemas/bundle.schema.json');
