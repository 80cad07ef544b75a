/**
 * Behaviour checks for what the call achieved: information gathered, the
 * resolution and its arithmetic, the close, and the call notes.
 */
import { FACT_CATEGORIES, type FactCategory } from '../acts';
import type { Behaviour } from './rubric';
import {
  notApplicable,
  outcome,
  quote,
  traineeTurnBefore,
  turnsWith,
  type BehaviourCheck,
  type BehaviourOutcome,
  type Finding,
  type ScoringInput,
} from './scoring-input';
import { amountsIn, containsPhrase, sameAmount } from '../text';
import { coachingFor } from './checks-conduct';
import { endingOf } from '../call/compile';
import { derivableAmounts, isDerivable, notesMention } from './fair-reading';
import type { CallNotes } from '../call/transcript';
import { readOffer, rightResolution } from '../call/offers';
import { beatsToward } from '../scenario/beats-toward';

function established(input: ScoringInput, behaviour: Behaviour, category: FactCategory): BehaviourOutcome {
  const facts = Object.entries(input.scenario.facts).filter(([, fact]) => fact.category === category);
  if (!facts.length) return notApplicable;
  const share = behaviour.points / facts.length;
  const findings: Finding[] = facts.map(([id, fact]) => {
    const at = input.revealedAt.get(id);
    if (at === undefined) return { turn: null, points: -share, note: `Never learned: ${fact.summary}`, tip: behaviour.tip };
    if (input.record.transcript[at]?.kind === 'trainee') return { turn: at, points: share, note: `Established it yourself: ${fact.summary}` };
    const asked = traineeTurnBefore(input, at);
    const volunteered = !asked || !asked.entry.acts.includes(`ask${category[0]!.toUpperCase()}${category.slice(1)}` as never);
    return { turn: volunteered ? at : asked.index, points: share, note: `${volunteered ? 'Customer volunteered' : 'Learned'}: ${fact.summary}` };
  });
  return outcome(behaviour, findings);
}

/** The resolution the trainee last offered, and where, read as the customer read it. */
function lastOffer(input: ScoringInput) {
  const last = input.trainee.filter(({ entry }) => entry.offers).at(-1);
  const offer = last ? readOffer(input.scenario, last.entry.offers) : null;
  return last && offer ? { turn: last, ...offer } : null;
}

function correctResolution(input: ScoringInput) {
  return rightResolution(input.scenario);
}

/**
 * Escalations split by whether they were called for: with a "required"
 * policy every one is, with "whenDemanded" only those after the customer
 * demanded a supervisor, with "unnecessary" none.
 */
function escalationsJudged(input: ScoringInput) {
  const { escalation } = input.scenario.policy;
  const demandedAt = input.record.flaggedAt.supervisorDemanded;
  const neededFrom = escalation === 'required' ? 0 : escalation === 'whenDemanded' && demandedAt !== undefined ? demandedAt : Infinity;
  return {
    needed: neededFrom !== Infinity,
    proper: input.escalations.filter((at) => at >= neededFrom),
    premature: input.escalations.filter((at) => at < neededFrom),
  };
}

/** A proper referral is the resolution: the scenario's own fix is then not expected. */
function resolvedByReferral(input: ScoringInput): boolean {
  return escalationsJudged(input).proper.length > 0;
}

const ESCALATION_WORDS = ['escalate', 'escalated', 'escalation', 'transfer', 'transferred', 'refer', 'referred', 'referral', 'supervisor', 'manager'];

function notesContainAny(text: string, keywords: string[]) {
  return keywords.some((keyword) => notesMention(text, keyword));
}

export const outcomeChecks: Record<string, BehaviourCheck> = {
  ...Object.fromEntries(FACT_CATEGORIES.map((category) => [category, (input: ScoringInput, behaviour: Behaviour) => established(input, behaviour, category)])),

  validity: (input, behaviour) => {
    const { facts, lookups } = input.scenario.validity;
    const items = facts.length + lookups.length;
    if (!items) return notApplicable;
    const share = behaviour.points / items;
    const looked = new Map<string, number>();
    input.record.transcript.forEach((entry, index) => {
      if (entry.kind === 'event' && entry.event === 'lookup' && entry.section && !looked.has(entry.section)) looked.set(entry.section, index);
    });
    const findings: Finding[] = [
      ...facts.map((id): Finding => {
        const at = input.revealedAt.get(id);
        const summary = input.scenario.facts[id]?.summary ?? id;
        return at === undefined ? { turn: null, points: -share, note: `Did not establish: ${summary}`, tip: behaviour.tip } : { turn: at, points: share, note: `Established: ${summary}` };
      }),
      ...lookups.map((section): Finding => {
        const at = looked.get(section);
        return at === undefined ? { turn: null, points: -share, note: `Never looked at the account's ${section}`, tip: behaviour.tip } : { turn: at, points: share, note: `Checked the account's ${section}` };
      }),
    ];
    return outcome(behaviour, findings);
  },

  resolvedOutcome: (input, behaviour) => {
    const ending = input.record.ending ? endingOf(input.scenario, input.record.ending) : undefined;
    if (!ending) return notApplicable;
    const last = input.trainee.at(-1)?.index ?? null;
    const half = behaviour.points / 2;
    if (ending.outcome === 'lost') return outcome(behaviour, [{ turn: last, points: -behaviour.points, note: `The customer was lost: ${ending.title}`, tip: behaviour.tip }]);
    if (ending.outcome === 'referred' && !resolvedByReferral(input)) {
      return outcome(behaviour, [{ turn: last, points: half, note: `Referred: ${ending.title}` }, { turn: null, points: -half, note: 'The call was handed on when it could have been resolved here', tip: behaviour.tip }]);
    }
    if (ending.outcome === 'resolved' && !ending.best) {
      return outcome(behaviour, [{ turn: last, points: half, note: `Resolved, not in the best way: ${ending.title}` }, { turn: null, points: -half, note: 'A better resolution was possible', tip: behaviour.tip }]);
    }
    return outcome(behaviour, [{ turn: last, points: behaviour.points, note: `${ending.outcome === 'referred' ? 'Properly referred' : 'Resolved'}: ${ending.title}` }]);
  },

  correctResolution: (input, behaviour) => {
    const correct = correctResolution(input);
    if (!correct || resolvedByReferral(input)) return notApplicable;
    const offer = lastOffer(input);
    if (!offer) return outcome(behaviour, [{ turn: null, points: -behaviour.points, note: 'No resolution was offered', tip: `${behaviour.tip} Here: ${correct[1].summary}.` }]);
    if (offer.right) return outcome(behaviour, [{ turn: offer.turn.index, points: behaviour.points, note: `Offered the right resolution: ${offer.resolution?.summary ?? offer.id}` }]);
    const why = offer.resolution?.why ? `${offer.resolution.why} ` : '';
    return outcome(behaviour, [{ turn: offer.turn.index, points: -behaviour.points, note: `Offered ${offer.resolution?.summary ?? offer.id}, which the policy does not support`, tip: `${why}The policy calls for: ${correct[1].summary}.` }]);
  },

  arithmetic: (input, behaviour) => {
    const correct = correctResolution(input)?.[1];
    if (correct?.amount === undefined || resolvedByReferral(input)) return notApplicable;
    const tip = correct.arithmetic ? `${correct.arithmetic}.` : behaviour.tip;
    const offer = lastOffer(input);
    const stated = offer?.resolution?.amount !== undefined
      ? { turn: offer.turn.index, amount: offer.resolution.amount }
      : [...input.trainee]
          .reverse()
          // Only a proposal states an amount; a paraphrase of the customer's own figure does not.
          .filter(({ entry }) => entry.acts.includes('offerOptions') || entry.acts.includes('setExpectations'))
          .flatMap(({ index, entry }) => amountsIn(entry.text).map((amount) => ({ turn: index, amount })))[0];
    if (!stated) return outcome(behaviour, [{ turn: null, points: -behaviour.points, note: 'No amount was given', tip }]);
    if (sameAmount(stated.amount, correct.amount)) return outcome(behaviour, [{ turn: stated.turn, points: behaviour.points, note: `Correct amount: ${stated.amount.toFixed(2)}` }]);
    return outcome(behaviour, [{ turn: stated.turn, points: -behaviour.points, note: `Amount ${stated.amount.toFixed(2)} should be ${correct.amount.toFixed(2)}`, tip }]);
  },

  plainLanguage: (input, behaviour) => {
    const findings: Finding[] = turnsWith(input, 'jargon').map(({ index, entry }) => ({
      turn: index,
      points: -10,
      note: `Jargon: ${quote(entry.text)}`,
      tip: coachingFor(input, entry, behaviour.tip),
    }));
    const confused = input.peak('confusion') >= 50;
    const explained = turnsWith(input, 'explainPlainly')[0];
    if (confused && !explained) findings.push({ turn: null, points: -10, note: 'The customer was confused and nothing was explained plainly', tip: behaviour.tip });
    if (!findings.length) findings.push({ turn: explained?.index ?? null, points: behaviour.points, note: 'Spoke in plain language' });
    return outcome(behaviour, findings);
  },

  escalationJudgement: (input, behaviour) => {
    const { needed, proper, premature } = escalationsJudged(input);
    const findings: Finding[] = [];
    if (premature.length) findings.push({ turn: premature[0]!, points: -(proper.length ? behaviour.points / 2 : behaviour.points), note: 'Escalated before it was needed: this could have been resolved here', tip: behaviour.tip });
    if (proper.length) findings.push({ turn: proper[0]!, points: premature.length ? behaviour.points / 2 : behaviour.points, note: 'Escalated when it was needed' });
    else if (needed) findings.push({ turn: null, points: -behaviour.points, note: 'This call needed a referral or escalation, and none was made', tip: behaviour.tip });
    if (!findings.length) findings.push({ turn: null, points: behaviour.points, note: 'Handled the call without an unnecessary escalation' });
    return outcome(behaviour, findings, proper.length ? (premature.length ? behaviour.points / 2 : behaviour.points) : undefined);
  },

  checkResolved: (input, behaviour) => inClosing(input, behaviour, 'checkResolved', 'Asked whether every concern was covered', 'Never asked, once a resolution was offered, whether everything was covered'),
  setExpectations: (input, behaviour) => inClosing(input, behaviour, 'setExpectations', 'Said what happens next', 'Never said what happens next once a resolution was offered'),
  professionalClose: (input, behaviour) => inClosing(input, behaviour, 'closing', 'Closed the call professionally', 'No professional close'),

  notes5W: (input, behaviour) => {
    const categories = FACT_CATEGORIES.filter((category) =>
      Object.entries(input.scenario.facts).some(([id, fact]) => fact.category === category && input.revealedAt.has(id)),
    );
    if (!categories.length) return notApplicable;
    const share = behaviour.points / categories.length;
    return outcome(
      behaviour,
      categories.map((category): Finding => {
        const facts = Object.entries(input.scenario.facts).filter(([id, fact]) => fact.category === category && input.revealedAt.has(id));
        const written = input.record.notes[category];
        const hit = facts.find(([, fact]) => notesContainAny(written, fact.noteKeywords));
        return hit
          ? { turn: null, notesField: category, points: share, note: `Notes record ${category}: ${hit[1].summary}` }
          : { turn: null, notesField: category, points: -share, note: `Notes miss ${category}: ${facts[0]![1].summary}`, tip: behaviour.tip };
      }),
    );
  },

  notesAction: (input, behaviour) => {
    const offer = lastOffer(input);
    const keywords = offer?.resolution ? offer.resolution.noteKeywords : input.escalations.length ? ESCALATION_WORDS : null;
    if (!keywords) return notApplicable;
    const done = offer?.resolution?.summary ?? 'the escalation';
    if (notesContainAny(input.record.notes.action, keywords)) {
      return outcome(behaviour, [{ turn: null, notesField: 'action', points: behaviour.points, note: `Notes record the action: ${done}` }]);
    }
    return outcome(behaviour, [{ turn: null, notesField: 'action', points: -behaviour.points, note: `Notes do not record the action taken (${done})`, tip: behaviour.tip }]);
  },

  notesAmounts: (input, behaviour) => {
    const fields = Object.entries(input.record.notes) as [keyof CallNotes, string][];
    const written = fields.flatMap(([field, text]) => amountsIn(text).map((amount) => ({ field, amount })));
    const offered = lastOffer(input)?.resolution?.amount;
    if (!written.length && offered === undefined) return notApplicable;
    // Working and figures the customer gave are not mistakes; only a figure nothing on the call supports is.
    const known = derivableAmounts(input);
    const findings: Finding[] = written
      .filter(({ amount }) => !isDerivable(input, amount, known))
      .map(({ field, amount }) => ({ turn: null, notesField: field, points: -behaviour.points, note: `${amount.toFixed(2)} matches nothing on the account`, tip: behaviour.tip }));
    if (offered !== undefined && !written.some(({ amount }) => sameAmount(amount, offered))) {
      findings.push({ turn: null, notesField: 'action', points: -behaviour.points, note: `The notes do not give the amount offered (${offered.toFixed(2)})`, tip: behaviour.tip });
    }
    if (!findings.length) findings.push({ turn: null, points: behaviour.points, note: 'Every amount in the notes matches the account' });
    return outcome(behaviour, findings);
  },
};

/**
 * The close of a call starts where the trainee began offering the
 * resolution the call ended with (its first mention since any other offer,
 * so "here is what happens next" said before the customer's final yes
 * counts), or at the proper referral (that turn included); with neither, it
 * is the last third of the trainee's turns. Closing behaviours only count
 * there: asking "anything else?" in the first minute is not a close.
 */
function closingTurns(input: ScoringInput) {
  const offers = input.trainee.filter(({ entry }) => entry.offers);
  const final = offers.at(-1)?.entry.offers;
  let firstOfFinal = offers.length;
  while (firstOfFinal > 0 && offers[firstOfFinal - 1]!.entry.offers === final) firstOfFinal--;
  const offered = offers[firstOfFinal]?.index;
  const referred = escalationsJudged(input).proper.at(-1);
  const from = Math.max(offered ?? -1, referred ?? -1);
  if (from >= 0) return input.trainee.filter(({ index }) => index >= from);
  return input.trainee.slice(-Math.max(2, Math.ceil(input.trainee.length / 3)));
}

function inClosing(input: ScoringInput, behaviour: Behaviour, act: 'checkResolved' | 'setExpectations' | 'closing', yes: string, no: string) {
  // The latest such turn: the one nearest the goodbye is the one the customer leaves with.
  const turn = closingTurns(input).findLast(({ entry }) => entry.acts.includes(act));
  if (turn) return outcome(behaviour, [{ turn: turn.index, points: behaviour.points, note: `${yes}: ${quote(turn.entry.text)}` }]);
  const endedByCustomer = closedByCustomer(input);
  if (act === 'closing' && endedByCustomer) {
    return outcome(behaviour, [{ turn: endedByCustomer.index, points: behaviour.points, note: `Offered to close and the customer said goodbye: ${quote(endedByCustomer.entry.text)}` }]);
  }
  return outcome(behaviour, [{ turn: null, points: -behaviour.points, note: no, tip: scenarioExample(input, act) ?? behaviour.tip }]);
}

/**
 * The trainee's last turn, when it asked whether anything else was needed
 * and the customer then ended the call well: the close was the trainee's,
 * the goodbye the customer's.
 */
function closedByCustomer(input: ScoringInput) {
  const ending = input.record.ending ? endingOf(input.scenario, input.record.ending) : undefined;
  const last = input.trainee.at(-1);
  if (!ending || ending.outcome === 'lost' || !last?.entry.acts.includes('checkResolved')) return undefined;
  const hungUpByTrainee = input.record.transcript.some((entry, index) => index > last.index && entry.kind === 'event' && entry.event === 'hangUp');
  return hungUpByTrainee ? undefined : last;
}

/**
 * What the scenario's own good replies say for an act, taken from the route
 * this call was on: beats that lead to the ending it reached (or, for a call
 * lost on the way, to the best ending), nearest that ending first, and never
 * a reply offering another resolution than the trainee's. A tip that fits
 * this call, not another branch of it.
 */
export function scenarioExample(input: ScoringInput, act: string): string | undefined {
  const { scenario } = input;
  const reached = input.record.ending && scenario.machine.states[input.record.ending]?.meta?.ending ? input.record.ending : bestEnding(scenario);
  const offered = lastOffer(input)?.id ?? rightResolution(scenario)?.[0];
  const key = `${reached}|${offered}|${act}`;
  let examples = examplesOf.get(scenario);
  if (!examples) examplesOf.set(scenario, (examples = new Map()));
  if (!examples.has(key)) {
    const route = reached ? beatsToward(scenario, reached) : new Map<string, number>();
    const example = Object.entries(scenario.replies)
      .filter(([beat]) => route.has(beat))
      .flatMap(([beat, replies]) => replies.map((reply) => ({ beat, reply })))
      .filter(({ reply }) => reply.quality === 'good' && reply.acts.includes(act as never) && (!reply.offers || reply.offers === offered))
      .sort((a, b) => route.get(a.beat)! - route.get(b.beat)! || a.reply.acts.length - b.reply.acts.length)[0]?.reply;
    examples.set(key, example ? `For example, in this call: "${example.text}"` : undefined);
  }
  return examples.get(key);
}

function bestEnding(scenario: ScoringInput['scenario']): string | undefined {
  return Object.entries(scenario.machine.states).find(([, state]) => state.meta?.ending?.best)?.[0];
}

/** Examples found once per scenario, route, offer and act: the score search scores thousands of calls. */
const examplesOf = new WeakMap<ScoringInput['scenario'], Map<string, string | undefined>>();
