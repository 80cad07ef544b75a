/**
 * The labelled utterances in tests/fixtures/acts. Every utterances*.json file
 * there is tuning data from one writer (or one batch of supervisor
 * corrections), and leave-one-writer-out evaluation holds each out in turn.
 * The held-out files in tests/fixtures/acts/heldout/ were written by writers
 * who never saw any of this; they are read only by `eval:acts -- --heldout`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DIALOGUE_ACTS, type DialogueAct } from '../../engine/acts';
import type { ClassifyContext } from '../../engine/classifier/classify';

export interface LabelledUtterance {
  id: string;
  text: string;
  acts: DialogueAct[];
  context?: ClassifyContext;
  note?: string;
  /** Which file it came from: one writer each, so a file held out stands in for a writer the model has not met. */
  source: string;
}

export const LABELLED_DIR = 'tests/fixtures/acts';
export const HELD_OUT_DIR = 'tests/fixtures/acts/heldout';
export const TUNING_FILE = /^utterances(-[\w-]+)?\.json$/;

/** One labelled utterance as written in a file; `customerSaid` may be one line or several. */
export const labelledItemSchema = z
  .object({
    id: z.string().min(1).max(80),
    text: z.string().min(1).max(4000),
    acts: z.array(z.enum(DIALOGUE_ACTS)).refine((acts) => new Set(acts).size === acts.length, 'an act is listed twice'),
    context: z
      .object({
        customerSaid: z.union([z.string(), z.array(z.string())]).optional(),
        glossary: z.array(z.string().min(1)).optional(),
        customerAnger: z.number().min(0).max(100).optional(),
      })
      .optional(),
    note: z.string().optional(),
    split: z.string().optional(),
  })
  .refine((item) => !item.acts.includes('paraphrase') || Boolean(item.context?.customerSaid?.length), {
    message: 'a paraphrase needs context.customerSaid, what the customer said',
    path: ['context', 'customerSaid'],
  });

/** Items of one file, validated; the error names the file, the item and the field. */
export function parseLabelledFile(raw: unknown, file: string): LabelledUtterance[] {
  const parsed = z.array(labelledItemSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: item ${issue.path.join('.')}: ${issue.message} (${parsed.error.issues.length} problem${parsed.error.issues.length === 1 ? '' : 's'} in all)`);
  }
  const ids = new Set<string>();
  const source = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  return parsed.data.map(({ id, text, acts, context, note }) => {
    if (ids.has(id)) throw new Error(`${file}: id ${id} is used twice`);
    ids.add(id);
    const said = context?.customerSaid;
    const normalised: ClassifyContext | undefined = context
      ? {
          ...(said !== undefined ? { customerSaid: typeof said === 'string' ? [said] : said } : {}),
          ...(context.glossary ? { glossary: context.glossary } : {}),
          ...(context.customerAnger !== undefined ? { customerAnger: context.customerAnger } : {}),
        }
      : undefined;
    return { id, text, acts: [...acts], ...(normalised && Object.keys(normalised).length ? { context: normalised } : {}), ...(note ? { note } : {}), source };
  });
}

function readDir(dir: string, only: RegExp): LabelledUtterance[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => only.test(file))
    .sort()
    .flatMap((file) => parseLabelledFile(JSON.parse(readFileSync(join(dir, file), 'utf8')), join(dir, file)));
}

/** Every tuning writer's items. */
export function readTuningUtterances(dir = LABELLED_DIR): LabelledUtterance[] {
  return readDir(dir, TUNING_FILE);
}

/** The held-out items, for `eval:acts -- --heldout` alone. */
export function readHeldOut(dir = HELD_OUT_DIR): LabelledUtterance[] {
  return readDir(dir, /\.json$/);
}

/** A digest of what a model learns from, so a test can tell when the model is older than its data. */
export function fingerprint(items: LabelledUtterance[]): string {
  const hash = createHash('sha256');
  for (const { id, text, acts, context } of items) hash.update(JSON.stringify([id, text, [...acts].sort(), context ?? null]));
  return hash.digest('hex').slice(0, 16);
}
