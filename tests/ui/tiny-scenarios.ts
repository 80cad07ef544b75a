/** The `virtual:scenarios` module as component tests see it: just the tiny fixture scenario. */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';

export function tinyScenariosModule() {
  const result = parseScenario('tiny.json', readFileSync('tests/fixtures/tiny-scenario.json', 'utf8'));
  if (!result.ok) throw new Error('the tiny fixture scenario does not load');
  const { scenario } = result;
  const summary = { ...scenario, persona: { name: scenario.persona.name, description: scenario.persona.description }, account: { holder: scenario.account.holder, number: scenario.account.number } };
  return { summaries: [summary], problems: [], loaders: { tiny: async () => scenario } };
}
