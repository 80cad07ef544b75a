/**
 * Behaviour checks for how the trainee conducts the call: opening and
 * verification, active listening, de-escalation. Each returns the points it
 * earned and a finding for every point won or lost, tied to a turn.
 */
import type { DialogueAct } from '../acts';
import { RUBRIC, type Behaviour } from './rubric';
import {
  notApplicable,
  outcome,
  quote,
  traineeTurnsAfter,
  turnsWith,
  type BehaviourCheck,
  type Finding,
  type ScoringInput,
  type TraineeEntry,
  type Turn,
} from './scoring-input';
import { containsPhrase, wordCount } from '../text';
import type { PreparedReply } from '../scenario/scenario-schema';
import { onlyRestates } from './fair-reading';

const UPSET = 50;
const FURIOUS = 70;

function won(turn: number | null, points: number, note: string): Finding {
  return { turn, points, note };
}

function lost(turn: number | null, points: number, note: string, tip: string): Finding {
  return { turn, points: -points, note, tip };
}

/** Prepared replies by id, first written first: looked up once per scenario, since the score search scores thousands of calls. */
const repliesOf = new WeakMap<ScoringInput['scenario'], Map<string, PreparedReply>>();
function repliesById(scenario: ScoringInput['scenario']): Map<string, PreparedReply> {
  let byId = repliesOf.get(scenario);
  if (!byId) {
    byId = new Map();
    for (const reply of Object.values(scenario.replies).flat()) if (!byId.has(reply.id)) byId.set(reply.id, reply);
    repliesOf.set(scenario, byId);
  }
  return byId;
}

/** The tip for a harmful turn: the author's coaching, else a positive replacement for the phrase used (000 §3.3.1.1). */
export function coachingFor(input: ScoringInput, entry: TraineeEntry, fallback: string): string {
  const authored = entry.replyId ? repliesById(input.scenario).get(entry.replyId)?.coaching : undefined;
  if (authored) return authored;
  const replacement = RUBRIC.positiveReplacements.find(({ phrase }) => containsPhrase(entry.text, phrase));
  return replacement ? `Instead of "${replacement.phrase}", try: "${replacement.instead}"` : fallback;
}

/** Each turn performing `act` costs `cost` points of the behaviour. */
function penalise(input: ScoringInput, behaviour: Behaviour, act: DialogueAct, cost: number, what: string, cleanNote: string) {
  const offending = turnsWith(input, act);
  if (!offending.length) return outcome(behaviour, [won(null, behaviour.points, cleanNote)]);
  return outcome(
    behaviour,
    offending.map(({ index, entry }) => lost(index, cost, `${what}: ${quote(entry.text)}`, coachingFor(input, entry, behaviour.tip))),
  );
}

function firstOrNull(turns: Turn<TraineeEntry>[]) {
  return turns[0] ?? null;
}

export const conductChecks: Record<string, BehaviourCheck> = {
  greeting: (input, behaviour) => {
    const first = input.trainee[0];
    const greeting = firstOrNull(turnsWith(input, 'greeting'));
    if (!first) return outcome(behaviour, [lost(null, behaviour.points, 'The trainee never spoke', behaviour.tip)]);
    if (greeting?.index === first.index) return outcome(behaviour, [won(first.index, behaviour.points, 'Opened with a greeting')]);
    if (greeting) {
      const half = behaviour.points / 2;
      return outcome(behaviour, [lost(first.index, half, 'The first words were not a greeting', behaviour.tip), won(greeting.index, half, 'Greeted the caller, late')]);
    }
    return outcome(behaviour, [lost(first.index, behaviour.points, 'No greeting', behaviour.tip)]);
  },

  verifyBeforeDisclosing: (input, behaviour) => {
    const verified = firstOrNull(turnsWith(input, 'verifyIdentity'));
    // Saying back the customer's own figures is listening, not disclosure.
    const restates = (index: number, entry: TraineeEntry) => entry.acts.includes('paraphrase') && onlyRestates(input, index, entry.text);
    const disclosed = input.trainee.find(({ index, entry }) => entry.offers || (entry.disclosesAccount && !restates(index, entry)));
    if (disclosed && (!verified || verified.index > disclosed.index)) {
      return outcome(behaviour, [lost(disclosed.index, behaviour.points, `Account details before identity was verified: ${quote(disclosed.entry.text)}`, behaviour.tip)]);
    }
    if (verified) return outcome(behaviour, [won(verified.index, behaviour.points, 'Verified identity before touching the account')]);
    return outcome(behaviour, [lost(null, behaviour.points / 2, 'Identity was never verified', behaviour.tip)]);
  },

  paraphrase: (input, behaviour) => {
    const firstHeard = input.customer[0]?.index ?? Infinity;
    const summary = input.trainee.find(({ index, entry }) => index > firstHeard && entry.acts.includes('paraphrase'));
    if (summary) return outcome(behaviour, [won(summary.index, behaviour.points, `Summarised what was heard: ${quote(summary.entry.text)}`)]);
    return outcome(behaviour, [lost(null, behaviour.points, 'Never summarised what the customer said', behaviour.tip)]);
  },

  acknowledge: (input, behaviour) => {
    const reveals = [...input.revealedAt.values()].sort((a, b) => a - b);
    if (!reveals.length) return notApplicable;
    const acknowledging: DialogueAct[] = ['paraphrase', 'empathy', 'apology'];
    const replies = reveals.map((at) => traineeTurnsAfter(input, at)[0]).filter((turn) => turn !== undefined);
    const unique = [...new Map(replies.map((turn) => [turn.index, turn])).values()];
    const good = unique.filter(({ entry }) => entry.acts.some((act) => acknowledging.includes(act)));
    const needed = Math.ceil(unique.length / 2) || 1;
    const share = Math.min(1, good.length / needed);
    const findings: Finding[] = good.slice(0, needed).map(({ index }) => won(index, behaviour.points / needed, 'Acknowledged what the customer said'));
    const missed = unique.find((turn) => !good.includes(turn));
    if (share < 1 && missed) findings.push(lost(missed.index, behaviour.points * (1 - share), 'Moved on without acknowledging what the customer had just said', behaviour.tip));
    return outcome(behaviour, findings, behaviour.points * share);
  },

  clarifyingQuestions: (input, behaviour) => {
    const questions: DialogueAct[] = ['askWho', 'askWhat', 'askWhen', 'askWhere', 'askWhy'];
    const asked = input.trainee.filter(({ entry }) => entry.acts.some((act) => questions.includes(act)));
    const kinds = new Set(asked.flatMap(({ entry }) => entry.acts.filter((act) => questions.includes(act))));
    if (kinds.size >= 2) return outcome(behaviour, [won(asked[0]!.index, behaviour.points, `Asked ${kinds.size} kinds of open question`)]);
    if (kinds.size === 1) {
      return outcome(behaviour, [won(asked[0]!.index, behaviour.points / 2, 'Asked one kind of open question'), lost(null, behaviour.points / 2, 'Only one kind of question asked', behaviour.tip)]);
    }
    return outcome(behaviour, [lost(null, behaviour.points, 'Asked no open questions', behaviour.tip)]);
  },

  shareOfTalk: (input, behaviour) => {
    const spoken = (turns: { entry: { text: string } }[]) => turns.reduce((sum, { entry }) => sum + wordCount(entry.text), 0);
    const mine = spoken(input.trainee);
    const total = mine + spoken(input.customer);
    if (!total) return notApplicable;
    const share = mine / total;
    const findings: Finding[] = turnsWith(input, 'overTalking').map(({ index, entry }) =>
      lost(index, 5, `Talked too long: ${quote(entry.text)}`, coachingFor(input, entry, behaviour.tip)),
    );
    // Up to 60% of the words is a fair share; at 80% the trainee is doing all the talking (000 §3.3.2.3).
    const shareLoss = Math.round(behaviour.points * Math.min(1, Math.max(0, (share - 0.6) / 0.2)));
    if (shareLoss) findings.push(lost(null, shareLoss, `The trainee spoke ${Math.round(share * 100)}% of the words`, behaviour.tip));
    if (!findings.length) findings.push(won(null, behaviour.points, `Left room for the customer (${Math.round(share * 100)}% of the words)`));
    return outcome(behaviour, findings);
  },

  noInterrupting: (input, behaviour) =>
    penalise(input, behaviour, 'interrupting', behaviour.points, 'Interrupted the customer', 'Never interrupted'),

  empathy: (input, behaviour) => {
    const upset = input.upsetAt(UPSET);
    if (upset === null) return notApplicable;
    const after = traineeTurnsAfter(input, upset);
    const position = after.findIndex(({ entry }) => entry.acts.includes('empathy'));
    if (position === -1) {
      return outcome(behaviour, [lost(after[0]?.index ?? null, behaviour.points, 'The customer was upset and no empathy was shown', behaviour.tip)]);
    }
    const turn = after[position]!;
    if (position <= 1) return outcome(behaviour, [won(turn.index, behaviour.points, `Acknowledged the emotion early: ${quote(turn.entry.text)}`)]);
    const half = behaviour.points / 2;
    return outcome(behaviour, [lost(after[0]!.index, half, 'Empathy came several turns after the customer was upset', behaviour.tip), won(turn.index, half, 'Showed empathy, late')]);
  },

  positiveWording: (input, behaviour) =>
    penalise(input, behaviour, 'negativeWording', 10, 'Negative wording', 'Kept the wording positive'),

  noBlame: (input, behaviour) => penalise(input, behaviour, 'blame', behaviour.points, 'Blamed someone', 'Blamed no one'),

  noDismissal: (input, behaviour) =>
    penalise(input, behaviour, 'dismissal', behaviour.points, 'Dismissed the concern', 'Took every concern seriously'),

  calmUnderAbuse: (input, behaviour) => {
    if (input.upsetAt(FURIOUS) === null) return notApplicable;
    const heated = input.trainee.filter(({ entry, index }) => {
      const before = input.customer.findLast((turn) => turn.index < index);
      return (before?.entry.mood.anger ?? 0) >= FURIOUS && entry.acts.some((act) => ['blame', 'negativeWording', 'dismissal', 'interrupting'].includes(act));
    });
    if (!heated.length) return outcome(behaviour, [won(null, behaviour.points, 'Stayed calm while the customer was at their angriest')]);
    return outcome(behaviour, heated.map(({ index, entry }) => lost(index, behaviour.points, `Answered anger with heat: ${quote(entry.text)}`, coachingFor(input, entry, behaviour.tip))));
  },

  accommodation: (input, behaviour) => {
    const upset = input.upsetAt(UPSET);
    if (upset === null) return notApplicable;
    const offer = turnsWith(input, 'offerOptions')[0];
    if (offer) return outcome(behaviour, [won(offer.index, behaviour.points, 'Offered the customer options')]);
    return outcome(behaviour, [lost(null, behaviour.points, 'Offered no options or compromise', behaviour.tip)]);
  },
};
