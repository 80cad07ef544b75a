/**
 * The labelled utterances in tests/fixtures/acts: utterances.json, whose every
 * third item is held out, and the utterances-*.json files, which only tune.
 * eval-acts scores against them; train-acts learns from the tuning part only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DialogueAct } from '../../engine/acts';
import type { ClassifyContext } from '../../engine/classifier/classify';

export interface LabelledUtterance {
  id: string;
  split: 'tuning' | 'heldOut';
  text: string;
  acts: DialogueAct[];
  context?: ClassifyContext;
  note?: string;
  /** Which file it came from: "utterances", "utterances-xa"… One writer each, so a good test of generalising to a new one. */
  source: string;
}

const LABELLED_DIR = 'tests/fixtures/acts';
const FIRST_FILE = 'utterances.json';

export function readLabelledUtterances(dir = LABELLED_DIR): LabelledUtterance[] {
  const files = [FIRST_FILE, ...readdirSync(dir).filter((file) => /^utterances-[\w-]+\.json$/.test(file)).sort()];
  return files.flatMap((file) => {
    const items = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<LabelledUtterance, 'source'>[];
    // Only the first file holds out; any other file's items tune, whatever they say.
    return items.map((item) => ({ ...item, split: file === FIRST_FILE ? item.split : 'tuning', source: file.replace(/\.json$/, '') }));
  });
}

export function tuningPart(items: LabelledUtterance[]): LabelledUtterance[] {
  return items.filter((item) => item.split === 'tuning');
}

/** A digest of what a model learns from, so a test can tell when the model is older than its data. */
export function fingerprint(items: LabelledUtterance[]): string {
  const hash = createHash('sha256');
  for (const { id, text, acts, context } of items) hash.update(JSON.stringify([id, text, [...acts].sort(), context ?? null]));
  return hash.digest('hex').slice(0, 16);
}
