/**
 * The versioned bundle: scored sessions with their review logs, exported and
 * imported whole. This zod schema is the one the import checks with, and the
 * published JSON Schema (schemas/bundle.schema.json) is generated from it.
 * It checks shape only; whether the scores are true is checked by re-scoring
 * (see bundle.ts).
 */
import { z } from 'zod';
import { DIALOGUE_ACTS, FACT_CATEGORIES } from '../acts';
import { MOOD_DIMENSIONS } from '../mood';
import { ACCOUNT_SECTIONS, COMPETENCIES } from '../vocabulary';

// The app runs under a Content-Security-Policy without 'unsafe-eval': zod must not compile parsers with
// new Function, nor even probe whether it may (a caught probe is still reported as a violation).
z.config({ jitless: true });

export const BUNDLE_FORMAT = 'call-trainer-bundle';
export const BUNDLE_VERSION = 1;

const text = (max: number) => z.string().max(max);
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date and time');
const act = z.enum(DIALOGUE_ACTS);
const mood = z.strictObject(Object.fromEntries(MOOD_DIMENSIONS.map((d) => [d, z.number().min(0).max(100)])) as Record<(typeof MOOD_DIMENSIONS)[number], z.ZodNumber>);
const at = z.number().min(0);

const traineeEntry = z.strictObject({
  kind: z.literal('trainee'),
  at,
  mood,
  text: text(5000),
  acts: z.array(act).max(DIALOGUE_ACTS.length),
  replyId: text(200).optional(),
  offers: text(200).optional(),
  asks: z.array(text(200)).max(50).optional(),
  disclosesAccount: z.boolean().optional(),
  notUnderstood: z.enum(['noWords', 'notEnglish']).optional(),
  evidence: z.array(z.strictObject({ act, confidence: z.number().min(0).max(1), words: z.array(text(200)).max(100) })).max(100).optional(),
});
const customerEntry = z.strictObject({ kind: z.literal('customer'), at, mood, text: text(5000), line: text(200), reveals: text(200).optional(), audio: text(500).optional() });
const eventEntry = z.strictObject({
  kind: z.literal('event'),
  at,
  mood,
  event: z.enum(['answer', 'hold', 'resume', 'lookup', 'escalate', 'silence', 'hangUp', 'missed']),
  section: z.enum(ACCOUNT_SECTIONS).optional(),
});

const notes = z.strictObject(Object.fromEntries([...FACT_CATEGORIES, 'action'].map((field) => [field, text(5000)])) as Record<(typeof FACT_CATEGORIES)[number] | 'action', z.ZodString>);

export const callRecordSchema = z.strictObject({
  scenarioId: text(200),
  scenarioVersion: z.number().int(),
  seed: text(200),
  transcript: z.array(z.discriminatedUnion('kind', [traineeEntry, customerEntry, eventEntry])).max(5000),
  ending: text(200).nullable(),
  flags: z.array(text(200)).max(200),
  flaggedAt: z.record(z.string(), z.number().int().min(0)),
  notes,
});

const level = z.enum(['Superior', 'Satisfactory', 'Needs improvement']);

/** Loose on purpose: the import replaces it with the scorer's own, after checking the figures agree. */
export const scorecardSchema = z.looseObject({
  scenarioId: text(200),
  scenarioVersion: z.number().int(),
  overall: z.number().min(0).max(100),
  level,
  competencies: z.array(
    z.looseObject({
      id: z.enum(COMPETENCIES),
      score: z.number().min(0).max(100).nullable(),
      level: level.nullable(),
      behaviours: z.array(z.looseObject({ id: text(200), earned: z.number(), applicable: z.boolean() })),
    }),
  ),
});

export const scoredSessionSchema = z.strictObject({
  id: z.string().min(1).max(200),
  traineeName: z.string().min(1).max(200),
  scenarioId: text(200),
  scenarioVersion: z.number().int(),
  scenarioTitle: text(500),
  startedAt: isoDate,
  updatedAt: isoDate,
  replyMode: z.enum(['prepared', 'open']),
  record: callRecordSchema,
  scorecard: scorecardSchema,
});

const author = z.strictObject({ name: z.string().min(1).max(200), role: z.enum(['supervisor', 'trainee']) });
const entryBase = { id: z.string().min(1).max(200), sessionId: z.string().min(1).max(200), author, at: isoDate };

export const reviewEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...entryBase, kind: z.literal('comment'), turn: z.number().int().min(0).nullable(), text: z.string().min(1).max(5000) }),
  z.strictObject({ ...entryBase, kind: z.literal('override'), target: z.strictObject({ competency: z.enum(COMPETENCIES), behaviour: text(200).optional() }), score: z.number().min(0).max(100), reason: z.string().min(1).max(5000) }),
  z.strictObject({ ...entryBase, kind: z.literal('verdict'), verdict: z.enum(['pass', 'retry']), retryScenarioId: text(200).optional(), text: text(5000).optional() }),
  z.strictObject({ ...entryBase, kind: z.literal('correction'), turn: z.number().int().min(0), acts: z.array(act).max(DIALOGUE_ACTS.length) }),
  z.strictObject({ ...entryBase, kind: z.literal('undo'), undoes: z.string().min(1).max(200), reason: text(5000).optional() }),
  z.strictObject({ ...entryBase, kind: z.literal('acknowledge'), of: z.string().max(200).nullable() }),
  z.strictObject({ ...entryBase, kind: z.literal('dispute'), of: z.string().max(200).nullable(), text: z.string().min(1).max(5000) }),
]);

export const sessionRecordsSchema = z.strictObject({ session: scoredSessionSchema, review: z.array(reviewEntrySchema).max(10_000) });

export const bundleSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: isoDate,
  sessions: z.array(sessionRecordsSchema),
});


export type BundleData = z.infer<typeof bundleSchema>;

export function bundleJsonSchema() {
  return {
    ...z.toJSONSchema(bundleSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'bundle.schema.json',
    title: 'Call Trainer records bundle',
  };
}
