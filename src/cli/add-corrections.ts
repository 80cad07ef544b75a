/**
 * npm run acts:add-corrections -- <file.json>: a supervisor's "heard as
 * wrong" corrections, exported from the review as labelled utterances
 * ({ id, text, acts, context? }), become a new tuning writer's file in
 * tests/fixtures/acts after they are checked. Nothing is written when any
 * item is wrong; the error names the item and the field. Then retrain with
 * `npm run train:acts` and look at `npm run eval:acts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_REPLY_CHARACTERS } from '../engine/classifier/readable';
import { LABELLED_DIR, parseLabelledFile, readTuningUtterances } from './acts/labelled-utterances';

export function addCorrections(file: string, dir = LABELLED_DIR, today = new Date().toISOString().slice(0, 10).replace(/-/g, '')): { written: string; added: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as JSON (${(error as Error).message})`);
  }
  const items = parseLabelledFile(raw, file);
  if (!items.length) throw new Error(`${file}: has no corrections in it`);
  const long = items.find((item) => item.text.length > MAX_REPLY_CHARACTERS);
  if (long) throw new Error(`${file}: item ${long.id}: text is longer than ${MAX_REPLY_CHARACTERS} characters, which the classifier never reads`);
  const existing = readTuningUtterances(dir);
  const taken = new Set(existing.map((item) => item.id));
  const clash = items.find((item) => taken.has(`c${today}-${item.id}`));
  if (clash) throw new Error(`${file}: item ${clash.id} was already added today`);
  let name = `utterances-corrections-${today}.json`;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `utterances-corrections-${today}-${n}.json`;
  // Ids are prefixed with the date so they never collide with another writer's.
  const written = items.map(({ id, text, acts, context }) => ({ id: `c${today}-${id}`, text, acts, ...(context ? { context } : {}) }));
  writeFileSync(join(dir, name), `${JSON.stringify(written, null, 2)}\n`);
  return { written: join(dir, name), added: written.length };
}

if (process.argv[1]?.endsWith('add-corrections.ts')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run acts:add-corrections -- <corrections.json>');
    process.exit(2);
  }
  try {
    const { written, added } = addCorrections(file);
    console.log(`added ${added} correction${added === 1 ? '' : 's'} as a new tuning writer's file: ${written}\nnext: npm run train:acts, then npm run eval:acts`);
  } catch (error) {
    console.error(`acts:add-corrections: ${(error as Error).message}\nnothing was written.`);
    process.exit(1);
  }
}
