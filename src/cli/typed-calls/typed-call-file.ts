/**
 * The typed calls the tests and `npm run scenarios:typed-calls` both play:
 * tests/fixtures/typed/<name>.json, each a whole call in a trainee's own
 * words. Kept as data in one place, so the call the report describes is the
 * call the tests check.
 */
import { readFileSync } from 'node:fs';
import type { CallNotes } from '../../engine/call/transcript';

export const TYPED_CALLS_FOLDER = 'tests/fixtures/typed';

export interface TypedCallScript {
  scenario: string;
  about?: string;
  /** What the trainee types, or "LOOKUP <section>" for a look-up button. */
  steps: string[];
  /** A careless call that loses the customer, where the file has one. */
  lost?: string[];
  /** The notes the trainee writes after the call, where the file has them. */
  notes?: CallNotes;
  /** Plain, correct steps the classifier currently mishears, with what it heard, for the act model's next tuning. */
  misheard?: { text: string; meant: string[]; heard: string[] }[];
}

/** Reads tests/fixtures/typed/<name>.json; by default the name is the scenario id. */
export function readTypedCall(name: string, folder = TYPED_CALLS_FOLDER): TypedCallScript {
  const script = JSON.parse(readFileSync(`${folder}/${name}.json`, 'utf8')) as TypedCallScript;
  if (!Array.isArray(script.steps) || !script.steps.every((step) => typeof step === 'string')) {
    throw new Error(`${folder}/${name}.json: "steps" must be a list of typed lines or "LOOKUP <section>"`);
  }
  return script;
}
