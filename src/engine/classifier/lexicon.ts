/**
 * The phrases that give each dialogue act away, in the pattern language of
 * patterns.ts. A cue may need its sentence to be a question, and may veto
 * other acts in the same sentence (a question that blames is not a question
 * that gathers information; "sorry you feel that way" is not an apology).
 */
import type { DialogueAct } from '../acts';

export interface Cue {
  act: DialogueAct;
  patterns: string[];
  confidence: number;
  /** Counts only in a sentence that asks something, with or without a question mark. */
  inQuestion?: boolean;
  /** Acts this cue rules out in the same sentence. */
  vetoes?: DialogueAct[];
}

const YOU = 'you|your';

export const CUES: Cue[] = [
  // --- opening and closing ---
  { act: 'greeting', confidence: 0.9, patterns: ['good morning|afternoon|evening', 'hello|hi|hiya|hey', 'thank|thanks you? for calling|ringing|contacting', 'you are through to', 'my name is', 'this is _ speaking|here', 'how can|may i help|assist', 'what can i do for you', 'welcome to'] },
  { act: 'closing', confidence: 0.85, patterns: ['have a|an good|great|lovely|nice|wonderful|brilliant|pleasant day|evening|afternoon|morning|weekend|night', 'enjoy the|your rest? of? ..? day|evening|weekend', 'goodbye|bye', 'take care', 'thank|thanks you? for calling|ringing ..? today? ..? have|goodbye|bye|take', 'thank|thanks you? for your patience|time today', 'all the best', 'speak soon'] },
  { act: 'checkResolved', confidence: 0.9, patterns: ['anything else', 'is there something else', 'have|has i|that answered|covered|addressed|resolved|sorted', 'does|did that answer|cover|help|resolve|sort', 'are you happy|comfortable|okay|ok with', 'is that everything', 'any other questions|concerns|issues', 'all your questions', 'fully addressed|resolved', 'does that all make sense', 'have we covered', 'is that all ok|okay|clear'] },

  // --- identity ---
  { act: 'verifyIdentity', confidence: 0.9, patterns: ['confirm|verify|check|give|tell ..? your|the ..? name|postcode|zip|birth|address|number|phone|email|pin|passcode|password|answer|details', 'date of birth', 'first line of ..? address', 'security question|questions|answer|check|purposes|reasons', 'last four|4 digits', 'for security', 'verify|confirm your identity', 'before i ..? access|open|look|discuss|go into ..? account', 'data protection', 'account number|holder', 'name on the account', 'who is the account holder'] },

  // --- the five questions: only in sentences that ask ---
  { act: 'askWho', confidence: 0.8, inQuestion: true, patterns: ['who|whom|whose', 'your name', 'name of', 'which agent|engineer|technician|colleague|person|member'] },
  { act: 'askWhen', confidence: 0.85, inQuestion: true, patterns: ['when', 'what|which time|date|day|days|dates', 'how long', 'how often', 'how many times|days|hours|weeks', 'since when', 'start|started|begin|began|happen|happened ..? date'] },
  { act: 'askWhere', confidence: 0.85, inQuestion: true, patterns: ['where', 'which|what address|property|room|location|place|branch|site|device|line|meter|phone', 'at home or'] },
  { act: 'askWhy', confidence: 0.85, inQuestion: true, patterns: ['why', 'how come', 'what caused|causes|made|makes|led', 'what is|was the reason', 'reason for|why', 'what do|did you need it for', 'what would it mean'] },
  { act: 'askWhat', confidence: 0.8, inQuestion: true, patterns: ['what happened|happens|went|seems|exactly', 'what is|has|was ..? happening|happened|going|wrong|up', 'what have you ..? noticed|seen|tried', 'what can i', 'what do|does|did|is|are|was|were you|it|the|that|this', 'walk me through', 'tell me ..? about|more|what', 'describe', 'explain what', 'how can|may i help', 'what seems to be', 'what is the problem|issue', 'what would you like', 'what exactly'] },

  // --- listening and feeling ---
  { act: 'empathy', confidence: 0.9, vetoes: ['negativeWording'], patterns: ['i can not|cannot imagine', 'can not|cannot blame you'] },
  { act: 'empathy', confidence: 0.85, patterns: ['i understand', 'i can hear|see|tell|imagine|appreciate|understand', 'i completely|totally|fully|really understand|get|appreciate', 'that|this must be|have', 'that|this|it sounds|is|was|seems|must ..? frustrating|stressful|worrying|upsetting|annoying|infuriating|difficult|hard|awful|horrible|exhausting|maddening|scary|confusing|inconvenient|unacceptable|worrying|disappointing|upsetting', 'frustrating|stressful|worrying|upsetting|infuriating|exhausting for you', 'no wonder you', 'i would|would be ..? frustrated|upset|angry|annoyed|worried too?', 'you have every right', 'of course you are|would be', 'i hear you', 'that is not okay|ok|right|fair|acceptable', 'i know how|that ..? frustrating|stressful|worrying|hard|difficult', 'completely|totally understandable', 'anyone would be', 'i get it|that ..? frustrat*|stress*|upset*'] },
  { act: 'paraphrase', confidence: 0.6, patterns: ['so ..? you are|were|have|had|did|said|mean|would|need|want|think', 'so if i', 'if i have|understand|am|heard ..? correctly|right', 'if i have got this|that|it right', 'what i am hearing', 'let me make sure i', 'just to confirm|check|recap|clarify|make sure', 'to recap|summarise|summarize|sum up', 'you are saying|telling me', 'you said', 'so the|your ..? was|is|has|were|are|have|did', 'you mentioned', 'correct me if', 'if i am following', 'so basically', 'so what you'] },
  { act: 'apology', confidence: 0.9, patterns: ['sorry', 'apologise|apologize|apologies|apology', 'i regret'] },

  // --- resolving ---
  { act: 'explainPlainly', confidence: 0.75, patterns: ['that|this|which|it means', 'in other words', 'think of it', 'it is like|just like|a bit like', 'basically', 'simply put|put simply', 'in plain|simple terms|words', 'what that means', 'the way it works', 'here is what|how', "here's what|how", 'step by step', 'first ..? then', 'let me explain', 'to explain', 'the reason is|was', 'that is because|why', 'what happened was'] },
  { act: 'offerOptions', confidence: 0.85, patterns: ['i|we can|could|will|shall|would|am|are ..? offer|credit|refund|arrange|book|send|set|waive|cancel|reschedule|rebook|apply|add|reverse|remove|switch|upgrade|give|post|issue|sort|fix|raise|going', 'what i|we can do', 'would you like|prefer', 'would it help', 'do you want me to', 'you can choose', 'either ..? or', 'there are two|three|a few|some options|ways', 'option|options', 'i would like to offer', 'how about|what if', 'if you prefer', 'we could'] },
  { act: 'setExpectations', confidence: 0.8, patterns: ['you will|should see|get|receive|have|notice|hear|be', 'will|should arrive|appear|show|come|reach|take|happen|land|update', 'will|should be applied|done|back|there|on|credited|refunded|removed|restored|fixed|sent|sorted|visible|waived', 'will|should go through', 'within _ ..? day|days|hours|hour|minutes|weeks|working', 'by _? monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|end|the', 'next bill|statement|invoice|week|step|steps', 'what happens next', 'i|we will|shall call|email|text|write|send|follow|ring|confirm|update|keep|check|let', 'expect', 'between _ and _ am|pm', 'reference number', 'confirmation'] },
  { act: 'holdAndReturn', confidence: 0.9, patterns: ['thank|thanks you? for holding|waiting|bearing', 'thank|thanks you? for your patience while|there', 'may|can|could i put|place you on ..? hold', 'on hold', 'bear with me', 'one moment|second|minute while', 'just a moment|second|minute', 'i am back', 'sorry to keep you waiting', 'thanks for hanging on', 'are you okay|ok|happy to hold', 'do you mind holding'] },
  { act: 'escalate', confidence: 0.9, patterns: ['supervisor', 'manager', 'team leader', 'escalate|escalating|escalated|escalation', 'transfer|transferring|put|pass|refer|referring ..? you|this|it ..? to|through', 'specialist|specialists|billing|complaints|technical|investigations team|department', 'someone senior', 'raise a complaint', 'formal complaint'] },

  // --- harmful ---
  { act: 'blame', confidence: 0.9, vetoes: ['askWhy', 'askWhat', 'askWhen', 'paraphrase'], patterns: ['you should|must have|of', 'you should not have', 'why did not you', 'why would you', 'why did you not', 'why on earth', 'did you even|not', 'you did not read|check|follow|restart|pay|call|tell|listen|update', 'you forgot|failed|ignored|misread|missed|broke|unplugged|messed', 'if you had', 'your own fault', 'your fault', 'you probably', 'you clearly', 'you obviously', 'you must|might not have', 'the|that|our engineer|technician|agent|colleague|department|team|billing clearly|obviously|probably ..? messed|got|made|did|screwed|forgot|failed|broke', 'messed up', 'not our fault', 'our fault', 'blame', 'it is on you', 'they|he|she should have', 'whoever you spoke to', 'user error', 'you were told'] },
  { act: 'negativeWording', confidence: 0.85, patterns: ['i|we can|could not', 'i|we cannot', 'i|we will not be able', 'i|we am|are not able|allowed|permitted', 'i|we am|are unable', 'calm down', 'policy', 'you have|need|got to', 'you must', 'no problem|worries', 'unfortunately', 'nothing i|we can', 'not my|our department|job|problem|responsibility', 'i do not know', 'that is not possible', 'not possible', 'impossible', 'as i said|told you|explained', 'like i said', 'there is nothing', 'you will have to', 'we do not do|allow|offer', 'not allowed', 'that is the rule', 'rules are rules', 'no way', 'out of my hands'] },
  { act: 'dismissal', confidence: 0.85, vetoes: ['apology', 'empathy'], patterns: ['it|that|stuff happens', 'these things happen', 'happens to everyone', 'just how it is|works', 'that is how it is|works|goes', 'all|it is on the website', 'check|read the website|faq|letter|leaflet', 'not a big deal', 'no big deal', 'sorry you feel', 'sorry if you feel|felt', 'sorry , but', 'sorry but', 'you are overreacting', 'overreacting', 'over reacting', 'nothing to worry about', 'not that bad', 'everyone gets|has', 'bills|prices go up', 'always goes up', 'that is normal', 'perfectly normal', 'i get a lot of these calls', 'if you say so', 'whatever', 'not much i can', 'these are the rules', 'that is life', 'is not really our'] },
  { act: 'interrupting', confidence: 0.9, patterns: ['let me stop you', 'stop you there|right', 'hang on hang|,', 'hold on hold|,', 'wait wait|,', 'okay|ok|yes|yeah okay|ok|yes|yeah ..? i get|know|heard|understand', 'i get it i get', 'i know i know', 'i have heard enough', 'let me finish', 'let me cut', 'cut you off', 'stop talking', 'if you would let me', 'can i just', 'i need you to stop', 'skip to', 'get to the point', 'yes yes', 'yeah yeah', 'okay okay', 'ok ok', 'alright alright'] },
];

/** Jargon anyone in the trade might say and a customer would not know (000 §3.4.2, 003 #45). */
export const GENERAL_JARGON = [
  'sla', 'slas', 'ont', 'olt', 'los', 'mpan', 'mprn', 'rma', 'eta', 'otp', '2fa', 'mfa', 'kyc', 'api', 'dns', 'ip', 'vlan', 'dd mandate', 'pro rata', 'prorata', 'pro-rata',
  'provisioning', 'provisioned', 'backend', 'back end', 'back-end', 'escalation matrix', 'ticket', 'tickets', 'billing cycle', 'tariff code', 'rate code', 'reconciled', 'reconciliation',
  'estimated read', 'meter read reconciliation', 'node', 'cabinet', 'headend', 'throughput', 'latency', 'packet loss', 'sync', 'firmware', 'crm', 'case id', 'work order', 'wo',
  'fault code', 'dispatch', 'truck roll', 'tier 2', 'tier two', 'l2', 'l3', 'noc', 'disposition', 'ar', 'arrears balance', 'true-up', 'true up', 'adjustment code', 'standing charge reconciliation',
];

/** Upper-case words that are everyday, not jargon. */
export const PLAIN_CAPITALS = new Set(['I', 'OK', 'TV', 'ID', 'PIN', 'UK', 'US', 'USA', 'AM', 'PM', 'A', 'ZIP', 'USD', 'GBP', 'EUR', 'ASAP', 'PDF', 'SMS', 'FAQ', 'DOB', 'NHS', 'UPS', 'BBC', 'WIFI', 'WI-FI']);

/** Over-talking: words beyond which a reply leaves the customer no room, and less when they are angry. */
export const OVER_TALKING_WORDS = 75;
export const OVER_TALKING_WORDS_WHEN_ANGRY = 50;
