/**
 * The scenario format. This one zod schema is what the loader validates with
 * and what `npm run schema` turns into scenarios/scenario.schema.json for
 * editors, so the two can never disagree.
 */
import { z } from 'zod';
import { DIALOGUE_ACTS, FACT_CATEGORIES } from '../acts';
import { MOOD_DIMENSIONS } from '../mood';
import { ACCOUNT_SECTIONS, COMPETENCIES, SCENARIO_EVENTS, type AccountSection } from '../vocabulary';
import { CHECKLIST_ROW_IDS } from '../scoring/checklist';

// The studio loads scenarios under the app's Content-Security-Policy (no 'unsafe-eval'): zod must not compile
// parsers with new Function, nor even probe whether it may (a caught probe is still reported). As in bundle-schema.ts.
z.config({ jitless: true });

const id = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/, 'a name of letters, digits, "-" or "_", starting with a letter');
const text = z.string().trim().min(1, 'non-empty text');
const level = z.number().min(0).max(100);
const money = z.number().multipleOf(0.01, 'an amount in whole cents');

/** A built-in account section, or one the scenario defines in account.sections (checked by the loader). */
const sectionName = id.describe(`An account section: one of ${ACCOUNT_SECTIONS.join(', ')}, or the id of one in account.sections`);
const act = z.enum(DIALOGUE_ACTS).describe('A dialogue act from the engine vocabulary');
const mood = z.strictObject({ anger: level, trust: level, confusion: level, patience: level });
const moodDelta = z.partialRecord(z.enum(MOOD_DIMENSIONS), z.number().min(-100).max(100));
const bound = z.strictObject({ atLeast: level.optional(), below: level.optional() });
const moodCondition = z.partialRecord(z.enum(MOOD_DIMENSIONS), bound);

const lineVariant = z.strictObject({
  text,
  when: moodCondition.optional().describe('Say this variant only while the mood is within these bounds'),
  audio: z.string().optional().describe('A recorded clip, by its path under assets/voices/ (e.g. "irate/opening.ogg"), played instead of speech synthesis'),
});
const lineVariants = z.array(lineVariant).min(1);

// --- guards and actions: each names an engine implementation and its params ---

export type GuardRef =
  | { type: 'said'; params: { anyOf?: string[]; allOf?: string[]; noneOf?: string[] } }
  | { type: 'mood'; params: Record<string, { atLeast?: number; below?: number }> }
  | { type: 'knows'; params: { facts: string[] } }
  | { type: 'flagged'; params: { flag: string } }
  | { type: 'lookedUp'; params: { section: AccountSection } }
  | { type: 'verified' }
  | { type: 'offered'; params: { resolution?: string; correct?: boolean } }
  | { type: 'disclosed' }
  | { type: 'all' | 'any'; params: { of: GuardRef[] } }
  | { type: 'not'; params: { guard: GuardRef } };

const guardRef: z.ZodType<GuardRef> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('said').describe('The last trainee turn performed these acts'),
      params: z.strictObject({ anyOf: z.array(act).optional(), allOf: z.array(act).optional(), noneOf: z.array(act).optional() }),
    }),
    z.strictObject({ type: z.literal('mood').describe('The mood is within these bounds'), params: moodCondition }),
    z.strictObject({ type: z.literal('knows').describe('The trainee has learned all these facts'), params: z.strictObject({ facts: z.array(id).min(1) }) }),
    z.strictObject({ type: z.literal('flagged'), params: z.strictObject({ flag: id }) }),
    z.strictObject({ type: z.literal('lookedUp'), params: z.strictObject({ section: sectionName }) }),
    z.strictObject({ type: z.literal('verified').describe("The trainee has verified the caller's identity") }),
    z.strictObject({
      type: z.literal('offered').describe('The last trainee turn offered a resolution'),
      params: z.strictObject({ resolution: id.optional(), correct: z.boolean().optional() }),
    }),
    z.strictObject({
      type: z.literal('disclosed').describe('The last trainee turn revealed account details: a prepared reply marked disclosesAccount, or typed words naming an amount, the number or an address on the account'),
    }),
    z.strictObject({ type: z.enum(['all', 'any']), params: z.strictObject({ of: z.array(guardRef).min(1) }) }),
    z.strictObject({ type: z.literal('not'), params: z.strictObject({ guard: guardRef }) }),
  ]),
);

const actionRef = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('say').describe('The customer says one variant of a line'), params: z.strictObject({ line: id }) }),
  z.strictObject({ type: z.literal('reveal').describe('The customer volunteers a fact'), params: z.strictObject({ fact: id }) }),
  z.strictObject({ type: z.literal('mood').describe('Move the mood by these amounts'), params: moodDelta }),
  z.strictObject({ type: z.literal('flag'), params: z.strictObject({ flag: id }) }),
]);
export type ActionRef = z.infer<typeof actionRef>;

const transition = z.strictObject({
  use: id.optional().describe('Insert the transitions of a shared handler (from "handlers") here, in this place of the list; nothing else may go beside it'),
  target: z.string().optional().describe('A sibling state, ".child", or "#id"'),
  guard: guardRef.optional(),
  actions: z.array(actionRef).optional(),
  reenter: z.boolean().optional(),
  description: z.string().optional(),
});
// Always a list of objects, never the string shorthand XState also accepts: one
// form is easier to read, and a mistake in it gets an error with an exact path.
const transitions = z.array(transition).min(1);
const handlerTransitions = z.array(transition).min(1).describe('Transitions several states share; a state lists them with { "use": "<handler>" }. Sibling targets are resolved from the state that uses the handler, so "#id" targets are the safer choice');
export type TransitionConfig = z.infer<typeof transition>;
export type TransitionsConfig = z.infer<typeof transitions>;

const ending = z.strictObject({
  outcome: z.enum(['resolved', 'referred', 'lost']),
  title: text,
  best: z.boolean().optional().describe('The outcome a perfect call ends in'),
});

export interface StateConfig {
  type?: 'final';
  id?: string;
  description?: string;
  initial?: string;
  entry?: ActionRef[];
  exit?: ActionRef[];
  on?: Partial<Record<(typeof SCENARIO_EVENTS)[number], TransitionsConfig>>;
  always?: TransitionsConfig;
  states?: Record<string, StateConfig>;
  meta?: { beat?: string; ending?: z.infer<typeof ending> };
}

const stateConfig: z.ZodType<StateConfig> = z.lazy(() =>
  z.strictObject({
    type: z.literal('final').optional(),
    id: id.optional(),
    description: z.string().optional(),
    initial: z.string().optional(),
    entry: z.array(actionRef).optional(),
    exit: z.array(actionRef).optional(),
    on: z.partialRecord(z.enum(SCENARIO_EVENTS), transitions).optional(),
    always: transitions.optional(),
    states: z.record(id, stateConfig).optional(),
    meta: z
      .strictObject({
        beat: id.optional().describe('The prepared replies offered to the trainee in this state'),
        ending: ending.optional().describe('Final states only: how the call ended'),
      })
      .optional(),
  }),
);

// --- the account record the trainee can look up ---

const labelled = z.strictObject({ label: text, value: text });
const bill = z.strictObject({
  id,
  period: text,
  issued: z.iso.date(),
  amount: money,
  usage: z.string().optional(),
  lines: z.array(z.strictObject({ label: text, amount: money })).optional(),
  status: z.string().optional(),
});
const amountLine = z.strictObject({ label: text, amount: money });
const sectionItem = z.strictObject({
  id: id.optional(),
  title: text.describe('One line naming the item, e.g. "Claim CL-2291: water damage"'),
  date: z.iso.date().optional(),
  status: z.string().optional(),
  amounts: z.array(amountLine).default([]).describe('Money on this item; the call-notes amount check knows every one of them'),
  details: z.array(labelled).default([]).describe('Other facts about the item, as label and value'),
});
const accountSection = z.strictObject({
  title: text.describe('The look-up button and heading, e.g. "Claims"'),
  items: z.array(sectionItem).describe('Listed in this order; an empty list shows "None on this account"'),
});
const account = z.strictObject({
  holder: text,
  number: text,
  plan: z.string().optional(),
  identity: z.array(labelled).min(1).describe('Facts the trainee may use to verify the caller'),
  addresses: z.array(z.strictObject({ label: text, lines: z.array(text).min(1) })).min(1),
  bills: z.array(bill).default([]),
  payments: z.array(z.strictObject({ date: z.iso.date(), amount: money, method: text })).default([]),
  invoices: z.array(bill).default([]),
  history: z.array(z.strictObject({ date: z.iso.date(), text })).describe('Earlier contacts on this account'),
  sections: z
    .record(id, accountSection)
    .default({})
    .describe('Sections this scenario adds to the account (claims, cards, orders, policy terms…), by id; the id is what lookedUp guards and validity.lookups name'),
});

const fact = z.strictObject({
  category: z.enum(FACT_CATEGORIES),
  summary: text.describe('What the trainee should learn, as a supervisor would write it'),
  says: lineVariants.describe('How the customer puts it when asked or volunteering'),
  revealWhen: moodCondition.optional().describe('The customer only answers while the mood is within these bounds'),
  topics: z
    .array(text)
    .min(1)
    .optional()
    .describe('Words that make any question about them ask for this fact, whatever its kind ("What did you use to heat the room?" asks for a why-fact about heaters)'),
  noteKeywords: z.array(text).min(1).describe('Words that show the call notes recorded this fact (any one suffices)'),
});

const resolution = z.strictObject({
  correct: z.boolean(),
  summary: text,
  amount: money.optional(),
  arithmetic: z.string().optional().describe('How the amount is worked out, shown in the scorecard'),
  why: z.string().optional().describe('Why this resolution is wrong, for the coaching tip'),
  noteKeywords: z.array(text).min(1),
});

const reply = z.strictObject({
  id,
  text,
  acts: z.array(act).min(1),
  quality: z.enum(['good', 'mediocre', 'harmful']).describe("The author's intent; checked against the acts"),
  offers: id.optional().describe('A resolution from policy.resolutions that this reply offers'),
  asks: z.array(id).min(1).optional().describe('The facts this reply asks about; without it, each question gets the next untold fact of its kind'),
  disclosesAccount: z.boolean().optional().describe('The reply reveals or changes account details; before the caller is verified, that is a security breach the scorer cites (a reply may then be "harmful" without a harmful act)'),
  coaching: z.string().optional().describe('What to say instead, shown when this reply loses points'),
});
export type PreparedReply = z.infer<typeof reply>;

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  version: z.number().int().min(1),
  title: text,
  summary: text.describe('One line for the scenario card'),
  level: z.enum(['I', 'II', 'III']).describe('Seed 002: I routine, II complex, III referred complaints'),
  expectedMinutes: z.number().positive(),
  setting: text.optional().describe('Where the call takes place, for the picker\'s filter: the line of business and the desk, e.g. "Energy utility, billing line"'),
  direction: z.enum(['inbound', 'outbound']).default('inbound').describe('Inbound: the customer rings and the trainee answers. Outbound: the trainee places the call and the customer picks up'),
  checklist: z
    .array(z.enum(CHECKLIST_ROW_IDS))
    .default([])
    .describe('The rows of the seed 004 OJT checklist and seed 001 work processes this scenario lets a trainee show (ids from src/engine/scoring/checklist.json); the review counts mastery by them'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD, GBP or EUR').default('USD').describe('The currency of every amount in the file'),
  persona: z.strictObject({
    name: text,
    description: text,
    mood,
    voice: z.strictObject({
      lang: z.string().default('en-US'),
      pitch: z.number().min(0).max(2).default(1),
      rate: z.number().min(0.5).max(2).default(1),
      hint: z.enum(['female', 'male', 'neutral']).default('neutral'),
    }),
  }),
  briefing: text.describe('What the trainee knows before answering'),
  replyMode: z.enum(['either', 'prepared', 'open']).default('either').describe('Whether the trainee picks prepared replies, types their own, or may choose'),
  account,
  facts: z.record(id, fact),
  flags: z.array(id).default([]).describe('Names the machine may set with the "flag" action'),
  policy: z.strictObject({
    summary: text,
    terms: z.array(text).min(1),
    escalation: z.enum(['required', 'whenDemanded', 'unnecessary']),
    resolutions: z.record(id, resolution),
  }),
  validity: z
    .strictObject({ facts: z.array(id).default([]), lookups: z.array(sectionName).default([]) })
    .prefault({})
    .describe('What a trainee must learn or look up to judge whether the complaint is valid (004)'),
  weights: z.partialRecord(z.enum(COMPETENCIES), z.number().min(0).max(10)).default({}),
  moodEffects: z.partialRecord(z.enum([...DIALOGUE_ACTS, 'silence', 'turn', 'unclear']), moodDelta).default({}),
  timing: z.strictObject({
    silenceMs: z.number().int().min(1000).default(20000).describe('How long the trainee may say nothing before the customer reacts (SILENCE), again each time'),
    ringTimeoutMs: z.number().int().min(1000).default(30000),
    holdTickMs: z.number().int().min(1000).default(10000),
    holdPatienceDrain: z.number().min(0).max(100).default(8),
    lookupWaitMs: z
      .number()
      .int()
      .min(0)
      .default(30000)
      .describe('How much longer the customer waits in silence while the trainee looks something up, or after being told they will (\'one moment while I check\'): granted once per quiet stretch'),
  }).prefault({}),
  jargon: z.array(text).default([]).describe("Words this scenario's customer would not understand"),
  glossary: z
    .array(
      z.strictObject({
        term: text,
        meaning: z.string().optional().describe('What the word means in this domain, for authors and the studio'),
        neutral: z.boolean().optional().describe('An ordinary word here: typed replies using it are not heard as negative wording or jargon for it (e.g. "policy" in an insurance call)'),
      }),
    )
    .default([])
    .describe("The domain's words"),
  handlers: z.record(id, handlerTransitions).default({}).describe('Shared transitions, defined once, used by many states with { "use": "<name>" }'),
  lines: z.record(id, lineVariants),
  replies: z.record(id, z.array(reply).min(3, 'at least three prepared replies per beat').max(9, 'at most nine prepared replies per beat, so that keys 1–9 reach each one')),
  machine: z.strictObject({
    initial: id,
    on: z.partialRecord(z.enum(SCENARIO_EVENTS), transitions).optional(),
    always: transitions.optional(),
    states: z.record(id, stateConfig),
  }),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Fact = Scenario['facts'][string];
export type Resolution = Scenario['policy']['resolutions'][string];
export type Account = Scenario['account'];
export type Ending = z.infer<typeof ending>;
export type AccountSectionConfig = z.infer<typeof accountSection>;
