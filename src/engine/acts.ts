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

/**
 * What each act means. Scenario authors label prepared replies by these, the
 * labelled utterances for the classifier follow them, and the results page
 * shows them beside the words a typed reply was heard as.
 */
export const ACT_DEFINITIONS: Record<DialogueAct, string> = {
  greeting: 'Opens the call politely: a greeting, thanks for calling, the agent’s name, an offer to help.',
  verifyIdentity: 'Asks for or checks details that prove who the caller is (postcode, date of birth, account number, security answer).',
  askWho: 'An open question about who: the caller’s name, who is affected, who they dealt with.',
  askWhat: 'An open question about what happened or what the customer needs.',
  askWhen: 'An open question about when: dates, times, how long, how often.',
  askWhere: 'An open question about where: the address, place, device or service concerned.',
  askWhy: 'An open question about why: the cause, or why it matters to the customer.',
  empathy: 'Acknowledges the customer’s feelings: “I can hear how frustrating this is.”',
  paraphrase: 'Restates in the agent’s own words what the customer has said: “So, if I have this right…”.',
  apology: 'A sincere apology for the problem or the customer’s experience.',
  explainPlainly: 'Explains something in everyday words, step by step or by comparison, at the customer’s level.',
  offerOptions: 'Offers a concrete fix, accommodation or a choice between options.',
  setExpectations: 'Says what will happen next and when.',
  holdAndReturn: 'Asks before putting the customer on hold, or thanks them for holding on return.',
  escalate: 'Offers or makes a referral to a supervisor or another team.',
  checkResolved: 'Asks whether the customer’s concerns are fully addressed, or if there is anything else.',
  closing: 'Ends the call professionally: thanks, good wishes, goodbye.',
  blame: 'Puts the fault on the customer or on colleagues, including questions that accuse (“Why didn’t you read the letter?”).',
  negativeWording: 'Negative or rule-bound wording where a positive one exists: “can’t”, “policy says”, “calm down”, “you have to”, “no problem”.',
  jargon: 'Internal or technical terms and acronyms the customer would not know.',
  dismissal: 'Brushes the concern off or minimises it: “it happens”, “it’s all on the website”, “sorry you feel that way”.',
  interrupting: 'Cuts the customer off: “let me stop you there”, “yes, yes, I know”.',
  overTalking: 'Far too long for the moment: a monologue that leaves the customer no room.',
};

const harmful: ReadonlySet<string> = new Set(HARMFUL_ACTS);

export function isHarmful(act: DialogueAct): act is HarmfulAct {
  return harmful.has(act);
}

export function categoryAskedBy(act: DialogueAct): FactCategory | undefined {
  return CATEGORY_ASKED_BY.get(act);
}

const CATEGORY_ASKED_BY = new Map(FACT_CATEGORIES.map((category) => [QUESTION_FOR[category], category]));
