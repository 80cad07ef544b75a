/**
 * npm run schema: writes scenarios/scenario.schema.json from the zod schema
 * the loader validates with. A test fails if the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../engine/scenario/scenario-json-schema';

writeFileSync('scenarios/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote scenarios/scenario.schema.json');
