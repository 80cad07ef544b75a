/**
 * What the classifier takes from the act definitions rather than from data.
 *
 * Rules decide only the acts whose definition is a rule: jargon (the
 * scenario's glossary and the trade's own terms), over-talking (length for
 * the customer's anger) and the requirement that a paraphrase share words
 * with what the customer said. Everything else is decided by the learned act
 * model; the phrases below are features it may weigh, never verdicts. They
 * are the examples quoted in ACT_DEFINITIONS (src/engine/acts.ts) and in the
 * labelling guide (tests/fixtures/acts/LABELLING.md), in the pattern
 * language of patterns.ts, so none of them was chosen by looking at how it
 * scores on labelled data.
 */
import type { DialogueAct } from '../acts';

export interface DefinitionCue {
  act: DialogueAct;
  patterns: string[];
}

export const DEFINITION_CUES: DefinitionCue[] = [
  { act: 'greeting', patterns: ['hello|hi', 'good morning|afternoon|evening', 'thank|thanks you? for calling', 'my name is', 'this is _ speaking', 'how can|may i help'] },
  { act: 'verifyIdentity', patterns: ['postcode', 'date of birth', 'account number', 'security answer|question', 'first line of ..? address', 'texted code', 'for security', 'last four digits', 'pin'] },
  { act: 'askWho', patterns: ['who', 'your name', 'who is affected', 'who did you speak'] },
  { act: 'askWhat', patterns: ['what happened', 'what do you need', 'tell me', 'walk me through', 'what can i do for you'] },
  { act: 'askWhen', patterns: ['when', 'what time', 'how long', 'how often', 'what date'] },
  { act: 'askWhere', patterns: ['where', 'which phone|device|address|service', 'app or website'] },
  { act: 'askWhy', patterns: ['why', 'what caused', 'why does it matter'] },
  { act: 'empathy', patterns: ['i can hear how', 'how frustrating', 'i understand', 'that must be', 'no wonder', 'anyone would'] },
  { act: 'paraphrase', patterns: ['so ,? if i have this right', 'if i have got this right', 'so you are saying', 'what i am hearing'] },
  { act: 'apology', patterns: ['i am sorry', 'i apologise|apologize', 'sorry for', 'my apologies'] },
  { act: 'explainPlainly', patterns: ['that means', 'in other words', 'step by step', 'it is like', 'think of it'] },
  { act: 'offerOptions', patterns: ['i can credit|refund|send|book|offer', 'or i can', 'would you like', 'i have taken _ off'] },
  { act: 'setExpectations', patterns: ['what happens next', 'will happen', 'you will see|get|receive', 'within _ days|hours', 'next bill'] },
  { act: 'holdAndReturn', patterns: ['on hold', 'thank|thanks you? for holding|waiting', 'bear with me'] },
  { act: 'escalate', patterns: ['supervisor', 'manager', 'another team', 'transfer|refer|pass you', 'escalate'] },
  { act: 'checkResolved', patterns: ['anything else', 'is there anything', 'does that make sense', 'is that clear', 'fully addressed|answered'] },
  { act: 'closing', patterns: ['goodbye|bye', 'have a good|nice|lovely day|evening|weekend', 'take care', 'thank|thanks you? for calling'] },
  { act: 'blame', patterns: ['why did not you', 'you should have', 'your fault', 'you must have', 'did you even'] },
  { act: 'negativeWording', patterns: ['can not', 'cannot', 'will not be able', 'policy says', 'calm down', 'you have|need to', 'you must', 'no problem', 'unfortunately', 'as i said', 'i do not know', 'not my department', 'that is not possible', 'you are wrong'] },
  { act: 'dismissal', patterns: ['it happens', 'it is all on the website', 'sorry you feel that way', 'moving on', 'anyway'] },
  { act: 'interrupting', patterns: ['let me stop you', 'yes ,? yes', 'okay ,? okay', 'hang on ,? hang on', 'i know ,? i know', 'cut in'] },
];

/** Jargon anyone in the trade might say and a customer would not know (000 §3.4.2, 003 #45): the labelling guide's examples and their kin. */
export const GENERAL_JARGON = [
  'sla', 'slas', 'ont', 'olt', 'los', 'mpan', 'mprn', 'rma', 'eta', 'otp', '2fa', 'mfa', 'kyc', 'api', 'dns', 'ip', 'vlan', 'dd mandate', 'pro rata', 'prorata', 'pro-rata',
  'provisioning', 'provisioned', 'backend', 'back end', 'back-end', 'escalation matrix', 'ticket', 'tickets', 'billing cycle', 'tariff code', 'rate code', 'reconciled', 'reconciliation',
  'estimated read', 'meter read reconciliation', 'node', 'headend', 'throughput', 'latency', 'packet loss', 'sync', 'firmware', 'crm', 'case id', 'work order', 'wo',
  'fault code', 'dispatch', 'bill run', 'parent incident', 'goodwill adjustment', 'truck roll', 'tier 2', 'tier two', 'l2', 'l3', 'noc', 'disposition', 'ar', 'arrears balance', 'true-up', 'true up', 'adjustment code', 'standing charge reconciliation',
];

/** Upper-case words that are everyday, not jargon. */
export const PLAIN_CAPITALS = new Set(['I', 'IT', 'OK', 'TV', 'ID', 'PIN', 'UK', 'US', 'USA', 'AM', 'PM', 'A', 'ZIP', 'USD', 'GBP', 'EUR', 'ASAP', 'PDF', 'SMS', 'FAQ', 'DOB', 'NHS', 'UPS', 'BBC', 'WIFI', 'WI-FI']);

/** Over-talking: words beyond which a reply leaves the customer no room, and fewer when they are angry. */
export const OVER_TALKING_WORDS = 75;
export const OVER_TALKING_WORDS_WHEN_ANGRY = 50;
/** From this anger on, the customer counts as angry. */
export const ANGRY = 70;
