/**
 * Prepared replies' labels against what the classifier hears: a mislabelled
 * reply is listed, and the shipped scenarios disagree exactly where the
 * reviewed list (tests/fixtures/label-audit.json) says, so a new label or a
 * retrained classifier never changes what a trainee is credited for unseen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { auditLabels } from '../../src/engine/scenario/label-audit';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';
import { loadScenarioFile } from '../helpers/play';
import { englishClassifier } from '../helpers/typed-call';

const SHIPPED = readdirSync('scenarios').filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));
const REVIEWED = JSON.parse(readFileSync('tests/fixtures/label-audit.json', 'utf8')) as { disagreements: Record<string, Record<string, { missing: string[]; extra: string[] }>> };

describe('the label audit', { timeout: 60_000 }, () => {
  it('lists a reply whose label says something its words do not', () => {
    const json = JSON.parse(readFileSync('tests/fixtures/tiny-scenario.json', 'utf8'));
    json.replies.greet.find((reply: { id: string }) => reply.id === 'greet-good').acts = ['greeting', 'escalate'];
    const parsed = parseScenario('mislabelled.json', JSON.stringify(json));
    if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'));
    const audit = auditLabels(parsed.scenario, englishClassifier());
    expect(audit.disagreements.find((d) => d.replyId === 'greet-good')).toMatchObject({ missing: ['escalate'], extra: ['askWhat'] });
    expect(audit.audited).toBeGreaterThan(0);
  });

  it.each(SHIPPED)('%s disagrees only where the reviewed list says', (file) => {
    const scenario = loadScenarioFile(`scenarios/${file}`);
    const audit = auditLabels(scenario, englishClassifier());
    const found = Object.fromEntries(audit.disagreements.map(({ replyId, missing, extra }) => [replyId, { missing, extra }]));
    // On failure: run `npm run scenarios:audit-labels`, review each change, then record it with `-- --write`.
    expect(found).toEqual(REVIEWED.disagreements[scenario.id] ?? {});
  });
});
