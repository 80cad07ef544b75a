/**
 * npm run scenarios:audit-labels [-- --write]: each shipped scenario's
 * prepared replies, labelled acts against what the classifier hears in the
 * same words on the scenario's best route. Prints the disagreements for an
 * author to review (fix the label, or note the wording the classifier
 * mishears); --write records the current list in tests/fixtures/label-audit.json,
 * which a test holds the scenarios to, so a new disagreement is never silent.
 */
import { writeFileSync } from 'node:fs';
import { createShippedClassifier } from './acts/shipped-classifier';
import { auditLabels } from '../engine/scenario/label-audit';
import { loadScenarios } from '../engine/scenario/scenario-loader';
import { readScenarioFiles } from './bench/engine';

const LABEL_AUDIT_FILE = 'tests/fixtures/label-audit.json';

const write = process.argv.includes('--write');
const { scenarios, problems } = loadScenarios(readScenarioFiles('scenarios'));
if (problems.length) {
  console.error('Fix the scenario files first (npm run scenarios:check).');
  process.exit(1);
}
const classifier = createShippedClassifier();
const recorded: Record<string, Record<string, { missing: string[]; extra: string[] }>> = {};
let audited = 0;
let disagreeing = 0;
for (const scenario of [...scenarios].sort((a, b) => a.id.localeCompare(b.id))) {
  const audit = auditLabels(scenario, classifier);
  audited += audit.audited;
  disagreeing += audit.disagreements.length;
  console.log(`\n${scenario.id}: ${audit.audited} replies heard on the best route, ${audit.disagreements.length} disagree; ${audit.notReached.length} not on it`);
  recorded[scenario.id] = {};
  for (const { replyId, quality, text, missing, extra } of audit.disagreements) {
    const parts = [missing.length ? `labelled, not heard: ${missing.join(', ')}` : '', extra.length ? `heard, not labelled: ${extra.join(', ')}` : ''].filter(Boolean);
    console.log(`  ${replyId} (${quality}): ${parts.join('; ')}\n      "${text}"`);
    recorded[scenario.id]![replyId] = { missing, extra };
  }
}
console.log(`\n${disagreeing} of ${audited} replies disagree.`);
if (write) {
  const about = 'Prepared replies whose labelled acts differ from what the classifier hears in the same words on the best route (npm run scenarios:audit-labels). Each is to be reviewed: fix the label, or keep it and let the act tuning data learn the wording. tests/engine/label-audit.test.ts fails on any disagreement not listed here, and on any listed one that is gone.';
  writeFileSync(LABEL_AUDIT_FILE, `${JSON.stringify({ about, disagreements: recorded }, null, 2)}\n`);
  console.log(`Wrote ${LABEL_AUDIT_FILE}.`);
}
