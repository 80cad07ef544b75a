import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema } from '../../src/engine/scenario/scenario-json-schema';

const engineFiles = readdirSync('src/engine', { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join('src/engine', name));

describe('the engine', () => {
  it.each(engineFiles)('%s imports nothing from React or browser APIs', (file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/from ['"](react|react-dom|@xstate\/react|zustand|howler|dexie)['"/]/);
    expect(source).not.toMatch(/\b(window|document|localStorage|sessionStorage|indexedDB|navigator|speechSynthesis)\./);
  });
});

describe('the published scenario schema', () => {
  it('is the one generated from the loader\'s schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('is what every shipped scenario points its $schema at', () => {
    const scenarios = readdirSync('scenarios').filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));
    for (const name of scenarios) {
      expect(JSON.parse(readFileSync(join('scenarios', name), 'utf8')).$schema, name).toBe('./scenario.schema.json');
    }
  });
});
