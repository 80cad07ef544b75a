/**
 * npm run acts:import-heldout [-- <folder> [<destination>]]: copies the
 * held-out files (default /work/heldout: phone.json, nonnative.json,
 * chat.json, asr.json) into tests/fixtures/acts/heldout/, or into the
 * destination given for a set that waits, unscored, for the next model,
 * after checking that each parses and follows the labelled-utterance
 * format, and removes every item whose word overlap (overlap.ts) with any
 * tuning item is 0.6 or more, so the held-out score never measures wording
 * the model was tuned on.
 *
 * It prints only counts. It never prints an item's text, labels or id: no one
 * who tunes the classifier may read the held-out items.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELD_OUT_DIR, labelledItemSchema, readTuningUtterances } from './acts/labelled-utterances';
import { closestOverlap, MAX_OVERLAP, wordSet } from './acts/overlap';
import { z } from 'zod';

const source = process.argv[2] ?? '/work/heldout';
const destination = process.argv[3] ?? HELD_OUT_DIR;

if (!existsSync(source)) {
  console.error(`acts:import-heldout: ${source} does not exist yet.`);
  process.exit(2);
}
const files = readdirSync(source).filter((file) => file.endsWith('.json')).sort();
if (!files.length) {
  console.error(`acts:import-heldout: no .json files in ${source} yet.`);
  process.exit(2);
}
const tuning = readTuningUtterances().map((item) => wordSet(item.text));
mkdirSync(destination, { recursive: true });
let problems = 0;
for (const file of files) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(source, file), 'utf8'));
  } catch {
    console.log(`${file}: not valid JSON (still being written?); skipped`);
    problems++;
    continue;
  }
  if (!Array.isArray(raw)) {
    console.log(`${file}: not a JSON array; skipped`);
    problems++;
    continue;
  }
  // An item that does not follow the format is left out and counted; only the field is named, the item stays unread.
  const valid: z.infer<typeof labelledItemSchema>[] = [];
  const badFields = new Map<string, number>();
  for (const item of raw) {
    const parsed = labelledItemSchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else for (const field of new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(item)'))) badFields.set(field, (badFields.get(field) ?? 0) + 1);
  }
  const ids = new Set<string>();
  const unique = valid.filter((item) => !ids.has(item.id) && ids.add(item.id));
  if (unique.length !== valid.length) console.log(`${file}: ${valid.length - unique.length} item(s) with an id used before, left out`);
  const kept = unique.filter((item) => closestOverlap(item.text, tuning) < MAX_OVERLAP);
  const invalid = raw.length - valid.length;
  if (invalid) console.log(`${file}: ${invalid} item(s) not in the labelled-utterance format, left out (${[...badFields].map(([field, count]) => `${field}: ${count}`).join(', ')})`);
  writeFileSync(join(destination, file), `${JSON.stringify(kept, null, 1)}\n`);
  console.log(`${file}: ${raw.length} items, ${unique.length - kept.length} removed for word overlap ≥ ${MAX_OVERLAP} with a tuning item, ${kept.length} kept`);
}
process.exit(problems ? 1 : 0);
