/**
 * The dialogue-act vocabulary: every trainee turn, whatever the input mode,
 * becomes a set of these. The customer machine reacts to them and the scorer
 * reads them, so this list is the one contract between the two.
 */
export const HELPFUL_ACTS = [
  'greeting',
  'verifyIdentity',
  'askWho',
  'askWhat',
  'askWhen',
  'askWhere',
  'askWhy',
  'empathy',
  'paraphrase',
  'apology',
  'explainPlainly',
  'offerOptions',
  'setExpectations',
  'holdAndReturn',
  'escalate',
  'checkResolved',
  'closing',
] as const;

export const HARMFUL_ACTS = [
  'blame',
  'negativeWording',
  'jargon',
  'dismissal',
  'interrupting',
  'overTalking',
] as const;

export const DIALOGUE_ACTS = [...HELPFUL_ACTS, ...HARMFUL_ACTS] as const;

export type HelpfulAct = (typeof HELPFUL_ACTS)[number];
export type HarmfulAct = (typeof HARMFUL_ACTS)[number];
export type DialogueAct = (typeof DIALOGUE_ACTS)[number];

export const FACT_CATEGORIES = ['who', 'what', 'when', 'where', 'why'] as const;
export type FactCategory = (typeof FACT_CATEGORIES)[number];

/** The question act that asks for each category of information (000 §3.5.1). */
export const QUESTION_FOR: Record<FactCategory, DialogueAct> = {
  who: 'askWho',
  what: 'askWhat',
  when: 'askWhen',
  where: 'askWhere',
  why: 'askWhy',
};

export const ACT_LABELS: Record<DialogueAct, string> = {
  greeting: 'Greeting',
  verifyIdentity: 'Identity verification',
  askWho: 'Asks who',
  askWhat: 'Asks what',
  askWhen: 'Asks when',
  askWhere: 'Asks where',
  askWhy: 'Asks why',
  empathy: 'Empathy',
  paraphrase: 'Paraphrase or summary',
  apology: 'Apology',
  explainPlainly: 'Plain explanation',
  offerOptions: 'Offers options',
  setExpectations: 'Sets expectations',
  holdAndReturn: 'Hold and return',
  escalate: 'Escalation or referral',
  checkResolved: 'Checks the concern is resolved',
  closing: 'Closing',
  blame: 'Blame',
  negativeWording: 'Negative wording',
  jargon: 'Jargon',
  dismissal: 'Dismissal',
  interrupting: 'Interrupting',
  overTalking: 'Talking too long',
};

const harmful: ReadonlySet<string> = new Set(HARMFUL_ACTS);

export function isHarmful(act: DialogueAct): act is HarmfulAct {
  return harmful.has(act);
}

export function categoryAskedBy(act: DialogueAct): FactCategory | undefined {
  return FACT_CATEGORIES.find((category) => QUESTION_FOR[category] === act);
}
