/**
 * The xAPI words this app speaks: the verbs, activity types and extension
 * IRIs of its statements, each with what it means. The README's table is
 * this list; an LRS report or another tool reads statements by it.
 */

/** Our own IRIs live under one base. It does not resolve: the meanings are published here and in the README. */
export const VOCABULARY_BASE = 'https://call-trainer.invalid/xapi';

/** Where the activities (scenarios, turns, account sections) are named unless settings or a cmi5 launch say otherwise. */
export const DEFAULT_ACTIVITY_BASE = `${VOCABULARY_BASE}/activities`;

/** The home page of the accounts that name trainees and supervisors when no LRS identity is set. */
export const ACCOUNT_HOME_PAGE = 'https://call-trainer.invalid';

export const VERBS = {
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: 'answered', meaning: 'A trainee turn: the reply to one point of the call.' },
  interacted: { id: 'http://adlnet.gov/expapi/verbs/interacted', display: 'interacted', meaning: 'A look-up of an account section, a hold, a return from hold or an escalation during the call.' },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: 'completed', meaning: 'The call ended and was scored; result.duration is its length.' },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: 'passed', meaning: 'The scored call reached Satisfactory or better overall; carries the score, the competencies and the whole session.' },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: 'failed', meaning: 'The scored call was below Satisfactory overall; carries the same as passed.' },
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: 'initialized', meaning: 'cmi5 launch only: the app, launched by an LMS, is ready; the first statement of the launch.' },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: 'terminated', meaning: 'cmi5 launch only: the trainee left the launch; the last statement of it, with its duration.' },
  commented: { id: 'http://adlnet.gov/expapi/verbs/commented', display: 'commented', meaning: 'A supervisor comment on a turn or on the call.' },
  overrode: { id: `${VOCABULARY_BASE}/verbs/overrode`, display: 'overrode the score of', meaning: 'A supervisor replaced a behaviour\'s or competency\'s score, with a reason.' },
  judged: { id: `${VOCABULARY_BASE}/verbs/judged`, display: 'gave a verdict on', meaning: 'A supervisor verdict: pass, or another attempt (with the scenario to retry).' },
  corrected: { id: `${VOCABULARY_BASE}/verbs/corrected`, display: 'corrected the acts heard in', meaning: 'A supervisor said which dialogue acts a typed turn should have been heard as.' },
  undid: { id: `${VOCABULARY_BASE}/verbs/undid`, display: 'took back', meaning: 'A later review entry that takes back an earlier one (entries are never deleted).' },
  acknowledged: { id: `${VOCABULARY_BASE}/verbs/acknowledged`, display: 'acknowledged', meaning: 'The trainee acknowledged the review, or one entry of it.' },
  disputed: { id: `${VOCABULARY_BASE}/verbs/disputed`, display: 'disputed', meaning: 'The trainee disputed the review, or one entry of it, with a comment.' },
} as const;

export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  scenario: { id: 'http://adlnet.gov/expapi/activities/simulation', meaning: 'A scenario: one scripted customer.' },
  interaction: { id: 'http://adlnet.gov/expapi/activities/cmi.interaction', meaning: 'One trainee turn of a call.' },
  control: { id: `${VOCABULARY_BASE}/activity-types/call-control`, meaning: 'An account section looked up, or the hold and escalate controls.' },
} as const;

export const EXTENSIONS = {
  sessionId: { id: `${VOCABULARY_BASE}/extensions/session-id`, meaning: 'context: the id of the call (session) the statement belongs to.' },
  replyMode: { id: `${VOCABULARY_BASE}/extensions/reply-mode`, meaning: 'context: "prepared" replies or the trainee\'s own ("open") words.' },
  transcriptIndex: { id: `${VOCABULARY_BASE}/extensions/transcript-index`, meaning: 'context: the position of the turn or event in the transcript, from 0.' },
  acts: { id: `${VOCABULARY_BASE}/extensions/acts`, meaning: 'result: the dialogue acts the turn was heard as.' },
  evidence: { id: `${VOCABULARY_BASE}/extensions/evidence`, meaning: 'result: for typed turns, the words that gave each act away, with confidence.' },
  points: { id: `${VOCABULARY_BASE}/extensions/points`, meaning: 'result: the points this turn won (positive) or lost (negative) in the scorecard.' },
  mood: { id: `${VOCABULARY_BASE}/extensions/mood`, meaning: 'result: the customer\'s anger, trust, confusion and patience (0–100) after the turn.' },
  ending: { id: `${VOCABULARY_BASE}/extensions/ending`, meaning: 'result: the ending the call reached: state, title and outcome.' },
  level: { id: `${VOCABULARY_BASE}/extensions/level`, meaning: 'result: the overall level (Needs improvement, Satisfactory, Superior).' },
  competencies: { id: `${VOCABULARY_BASE}/extensions/competencies`, meaning: 'result: per competency, its score (0–100 or null when not assessed), level and weight.' },
  session: { id: `${VOCABULARY_BASE}/extensions/scored-session`, meaning: 'result of passed/failed: the whole scored session (transcript, notes, scorecard) so a review can rebuild it; checked by re-scoring before it is trusted.' },
  reviewEntry: { id: `${VOCABULARY_BASE}/extensions/review-entry`, meaning: 'result of a review statement: the review entry itself (comment, override, verdict, correction, undo, acknowledgement or dispute).' },
} as const;

export type ExtensionName = keyof typeof EXTENSIONS;

/** The namespace of the UUID v5 statement ids: the same session and event give the same id in every browser. */
export const STATEMENT_ID_NAMESPACE = '14f3cb2b-f2b3-418d-b44d-6a4cf65d8994';
