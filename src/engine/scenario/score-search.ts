/**
 * The best and worst score a trainee can get with prepared replies, found by
 * playing every route in full and scoring each one as the scorer would.
 *
 * Route exploration (routes.ts) folds together routes that leave the
 * customer in the same situation; that is right for "can this ending be
 * reached", but wrong for scores, which depend on the whole transcript: the
 * folded route kept may be the one with the rude greeting. So here no two
 * routes are merged. The search is a depth-first walk, most promising reply
 * first, and it is exact when it can prove it:
 *  - the best is exact once a route scores 100 (nothing scores more), or when
 *    every route was played to its end within the limits;
 *  - the worst is exact once a route scores 0, or when every route was played.
 * Otherwise the figure is a bound, reported with how far the search looked.
 * The routes searched are every sequence of prepared replies and escalations,
 * with the look-ups some guard reads made right after answering or not at
 * all; silence and hold are not tried.
 */
import { initialTransition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { beatOf, phaseOf, preparedToTrainee } from '../call/call';
import type { AccountSection } from '../vocabulary';
import type { CallContext } from '../call/call-context';
import { compileScenario, endingOf, type CallEvent } from '../call/compile';
import { EMPTY_NOTES, type CallNotes, type CallRecord, type TranscriptEntry } from '../call/transcript';
import { reachesFullMarks, scoreCall, scoresBelow, settlingOrder, type Scorecard, type SettlingOrder } from '../scoring/scorer';
import { RUBRIC } from '../scoring/rubric';
import { callStepper, decisiveLookups } from './routes';
import type { PreparedReply, Scenario } from './scenario-schema';
import { idealNotes } from './ideal-notes';

export interface ScoreSearchLimits {
  /** Machine steps (one trainee action each) the search may take, over both searches. */
  maxSteps: number;
  /** Trainee actions after answering; a route still going after this many is left unfinished. */
  maxTurns: number;
}

export const DEFAULT_SCORE_LIMITS: ScoreSearchLimits = { maxSteps: 8_000, maxTurns: 40 };

export interface ScoredRoute {
  score: number;
  /** The trainee's actions, ANSWER first. */
  events: CallEvent[];
  /** The call as scored: for the best, with the look-ups and notes a careful trainee adds. */
  record: CallRecord;
  scorecard: Scorecard;
}

export interface ScoreExtreme {
  found: ScoredRoute | null;
  /** True when no route can score better (best) or worse (worst) than `found`. */
  exact: boolean;
  /** Why the figure is exact, or how far the search looked when it is a bound. */
  basis: string;
  routes: number;
  steps: number;
  /** Routes left unfinished at maxTurns. */
  cut: number;
}

type Goal = 'best' | 'worst';

const QUALITY_ORDER: Record<Goal, Record<PreparedReply['quality'], number>> = {
  best: { good: 0, mediocre: 1, harmful: 2 },
  worst: { harmful: 0, mediocre: 1, good: 2 },
};

/** The same call with the look-ups a careful trainee makes to judge the complaint, right after answering. */
export function withValidityLookups(scenario: Scenario, record: CallRecord): CallRecord {
  const { transcript } = record;
  // One pass over the transcript, by hand: the best-score search asks this of every call it scores.
  let answered = -1;
  const done = new Set<string>();
  for (let i = 0; i < transcript.length; i++) {
    const entry = transcript[i]!;
    if (entry.kind !== 'event') continue;
    if (answered < 0 && entry.event === 'answer') answered = i;
    if (entry.section) done.add(entry.section);
  }
  const missing = scenario.validity.lookups.filter((section) => !done.has(section));
  if (answered < 0 || !missing.length) return record;
  const at = transcript[answered]!;
  const lookups = missing.map((section): TranscriptEntry => ({ kind: 'event', event: 'lookup', section, at: at.at, mood: at.mood }));
  return { ...record, transcript: [...transcript.slice(0, answered + 1), ...lookups, ...transcript.slice(answered + 1)] };
}

export function recordOf(scenario: Scenario, snapshot: AnyMachineSnapshot): CallRecord {
  const context = snapshot.context as CallContext;
  return {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed: 'explore',
    transcript: context.transcript,
    ending: String(snapshot.value),
    flags: context.flags,
    flaggedAt: context.flaggedAt,
    notes: EMPTY_NOTES,
  };
}

function cappedBelow100(scenario: Scenario, snapshot: AnyMachineSnapshot): boolean {
  const outcome = endingOf(scenario, String(snapshot.value))?.outcome;
  return outcome !== undefined && (RUBRIC.endingCaps[outcome]?.maxScore ?? 100) < 100;
}

/** How a finished call is scored for each goal: the best with complete notes and the validity look-ups, the worst as played with empty notes. */
export function scoreRoute(scenario: Scenario, snapshot: AnyMachineSnapshot, goal: Goal): { record: CallRecord; scorecard: Scorecard } {
  const record = recordToScore(scenario, snapshot, goal);
  return { record, scorecard: scoreCall(scenario, record) };
}

function recordToScore(scenario: Scenario, snapshot: AnyMachineSnapshot, goal: Goal): CallRecord {
  const asPlayed = recordOf(scenario, snapshot);
  if (goal === 'worst') return asPlayed;
  const careful = withValidityLookups(scenario, asPlayed);
  // Made here (by recordOf or withValidityLookups), so its notes are set in place rather than spread into a copy:
  // the best-score search makes one for thousands of calls.
  careful.notes = idealNotes(scenario, careful);
  return careful;
}

/**
 * The record recordToScore gives for the best, for only asking whether it
 * scores 100: its ideal notes are written when the scorer first reads them.
 * The search asks this of thousands of calls, and the competency that rules
 * most of them out (the one tried first) seldom reads the notes.
 */
function carefulRecordToTest(scenario: Scenario, snapshot: AnyMachineSnapshot): CallRecord {
  const careful = withValidityLookups(scenario, recordOf(scenario, snapshot));
  let notes: CallNotes | undefined;
  return {
    scenarioId: careful.scenarioId,
    scenarioVersion: careful.scenarioVersion,
    seed: careful.seed,
    transcript: careful.transcript,
    ending: careful.ending,
    flags: careful.flags,
    flaggedAt: careful.flaggedAt,
    get notes() {
      return (notes ??= idealNotes(scenario, careful));
    },
  };
}

/** What the trainee could do next, each action with its key among a played route's next ones. */
function nextEvents(scenario: Scenario, snapshot: AnyMachineSnapshot, lookups: string[], goal: Goal, previous: CallEvent | undefined, onlyGood: boolean): KeyedEvent[] {
  if (phaseOf(snapshot) === 'ringing') return [keyed({ type: 'ANSWER' })];
  const context = snapshot.context as CallContext;
  // Look-ups are made right after answering, in one order, or not at all: the scorer does not mind when
  // a section was read, and trying every moment for every look-up would multiply the routes many times.
  const lastLookup = previous?.type === 'LOOKUP' ? previous.section : null;
  const justAnswered = previous?.type === 'ANSWER' || lastLookup !== null;
  const sections = justAnswered ? lookups.filter((section) => !context.lookedUp.includes(section) && (lastLookup === null || section > lastLookup)) : [];
  const looks = sections.map((section) => keyed({ type: 'LOOKUP', section: section as AccountSection }));
  const escalate = onlyGood ? [] : [keyed({ type: 'ESCALATE_CALL' })];
  return [...sayings(scenario, beatOf(snapshot), goal, onlyGood), ...looks, ...escalate];
}

/**
 * A beat's replies as the search tries them (most promising first, then by
 * id, whatever order the trainee would see them in), each made into an
 * action once per scenario, beat and search: the search reaches a beat
 * thousands of times, and hearing the same reply again is then quicker too.
 */
const sayingLists = new WeakMap<Scenario, Map<string, KeyedEvent[]>>();

function sayings(scenario: Scenario, beat: string | null, goal: Goal, onlyGood: boolean): KeyedEvent[] {
  if (!beat) return [];
  let lists = sayingLists.get(scenario);
  if (!lists) sayingLists.set(scenario, (lists = new Map()));
  const key = `${goal}:${onlyGood}:${beat}`;
  let list = lists.get(key);
  if (!list) {
    const order = QUALITY_ORDER[goal];
    const replies = (scenario.replies[beat] ?? []).filter((reply) => !onlyGood || reply.quality === 'good');
    replies.sort((a, b) => order[a.quality] - order[b.quality] || a.id.localeCompare(b.id));
    lists.set(key, (list = replies.map((reply) => keyed({ type: 'SAY', reply: preparedToTrainee(reply) }))));
  }
  return list;
}

interface Walk {
  found: ScoredRoute | null;
  routes: number;
  steps: number;
  cut: number;
  stoppedByBudget: boolean;
  reachedLimit: boolean;
}

/**
 * A route already played: iterative deepening plays every short route again
 * at each depth, and the machine is deterministic, so each route's snapshot,
 * next actions and score are worked out once and kept here.
 */
interface PlayedRoute {
  snapshot: AnyMachineSnapshot;
  next: Map<string, PlayedRoute>;
  /** What the trainee could do next, [every reply, good replies only], each with its key in `next`. */
  events: [KeyedEvent[]?, KeyedEvent[]?];
  /**
   * The finished call's overall score. Only the figure is kept: thousands of
   * scorecards kept alive cost more in garbage collection than scoring the
   * few routes that turn out better once more.
   */
  score?: number;
  /** For the worst score, when only a bound was worked out: the call scores at least this. */
  atLeast?: number;
}

function played(snapshot: AnyMachineSnapshot): PlayedRoute {
  return { snapshot, next: new Map(), events: [] };
}

interface KeyedEvent {
  event: CallEvent;
  key: string;
}

function keyed(event: CallEvent): KeyedEvent {
  return { event, key: event.type === 'SAY' ? `SAY:${event.reply.replyId}` : event.type === 'LOOKUP' ? `LOOKUP:${event.section}` : event.type };
}

function walk(scenario: Scenario, step: (snapshot: AnyMachineSnapshot, event: CallEvent) => AnyMachineSnapshot, start: PlayedRoute, goal: Goal, maxSteps: number, maxTurns: number, onlyGood: boolean, order: SettlingOrder): Walk {
  const lookups = decisiveLookups(scenario);
  const state: Walk = { found: null, routes: 0, steps: 0, cut: 0, stoppedByBudget: false, reachedLimit: false };
  const better = (score: number) => !state.found || (goal === 'best' ? score > state.found.score : score < state.found.score);
  const limit = goal === 'best' ? 100 : 0;
  const route: CallEvent[] = [];

  const lowerThanFound = (at: PlayedRoute, found: number): boolean => {
    if (at.atLeast !== undefined && at.atLeast >= found) return false;
    if (scoresBelow(scenario, recordToScore(scenario, at.snapshot, goal), found, RUBRIC, order)) return true;
    at.atLeast = found;
    return false;
  };

  const visit = (at: PlayedRoute): boolean => {
    const { snapshot } = at;
    if (snapshot.status !== 'active') {
      state.routes++;
      let score = at.score;
      // Nearly every finished call the worst search plays scores no lower than the worst found so far, and
      // scoresBelow can tell so from the first competencies: such a call is not the worst, nor at 0 (else the
      // search would have stopped at the worst found), so it need not be scored in full.
      if (score === undefined && goal === 'worst' && state.found && !lowerThanFound(at, state.found.score)) return false;
      if (score === undefined || better(score)) {
        const { record, scorecard } = scoreRoute(scenario, snapshot, goal);
        score = at.score = scorecard.overall;
        if (better(score)) state.found = { score, events: [...route], record, scorecard };
      }
      state.reachedLimit = score === limit;
      return state.reachedLimit;
    }
    if (route.length > maxTurns) {
      state.cut++;
      return false;
    }
    const which = onlyGood ? 1 : 0;
    // Keyed once: iterative deepening passes through the same routes again at every depth.
    const events = (at.events[which] ??= nextEvents(scenario, snapshot, lookups, goal, route.at(-1), onlyGood));
    for (const { event, key } of events) {
      if (state.steps >= maxSteps) {
        state.stoppedByBudget = true;
        return true;
      }
      state.steps++;
      let next = at.next.get(key);
      if (!next) {
        next = played(step(snapshot, event));
        at.next.set(key, next);
      }
      route.push(event);
      const stop = visit(next);
      route.pop();
      if (stop) return true;
    }
    return false;
  };
  visit(start);
  return state;
}

/** Route lengths tried in turn: short routes first, so the route reported is a short one and a bound says how deep it looked. */
function depthsUpTo(maxTurns: number): number[] {
  return [...new Set([4, 6, 8, 10, 14, 18, 24, 32, maxTurns].filter((depth) => depth <= maxTurns))];
}

/**
 * The best or worst score: iterative deepening over route length, the
 * author's good replies alone first when looking for the best. Exact when the
 * extreme score (100 or 0) is reached or every route ended within the depth;
 * otherwise a bound: every route up to the deepest complete depth was played.
 */
/** The trainee's actions that made a recorded call, to replay it. */
export function eventsOf(scenario: Scenario, record: CallRecord): CallEvent[] {
  const replies = new Map(Object.values(scenario.replies).flat().map((reply) => [reply.id, reply]));
  return record.transcript.flatMap((entry): CallEvent[] => {
    if (entry.kind === 'trainee') {
      const reply = entry.replyId ? replies.get(entry.replyId) : undefined;
      return [{ type: 'SAY', reply: reply ? preparedToTrainee(reply) : entry }];
    }
    if (entry.kind !== 'event') return [];
    if (entry.event === 'answer') return [{ type: 'ANSWER' }];
    if (entry.event === 'lookup' && entry.section) return [{ type: 'LOOKUP', section: entry.section }];
    if (entry.event === 'escalate') return [{ type: 'ESCALATE_CALL' }];
    return [];
  });
}

export interface SearchOptions {
  limits?: ScoreSearchLimits;
  /** Finished calls already found (route exploration's endings): scored first, so a perfect one ends the search at once. */
  seeds?: AnyMachineSnapshot[];
  machine?: AnyStateMachine;
}

export function searchScore(scenario: Scenario, goal: Goal, { limits = DEFAULT_SCORE_LIMITS, seeds = [], machine = compileScenario(scenario) }: SearchOptions = {}): ScoreExtreme {
  let steps = 0;
  let routes = 0;
  const extreme = goal === 'best' ? 100 : 0;
  const beats = (score: number, than: ScoredRoute | null) => !than || (goal === 'best' ? score > than.score : score < than.score);
  const order = settlingOrder();
  // The first perfect seed, if there is one: no seed before it scored as much, so it is the one a pass over them all would keep.
  // Capped endings are passed over unscored, and the others scored only until their competencies rule 100 out.
  const perfect = goal === 'best' ? seeds.find((seed) => !cappedBelow100(scenario, seed) && reachesFullMarks(scenario, carefulRecordToTest(scenario, seed), RUBRIC, order)) : undefined;
  /** The best (or worst) seed: the first of the highest (lowest) score. */
  const bestOfSeeds = (): ScoredRoute | null => {
    let kept: ScoredRoute | null = null;
    for (const seed of perfect ? [perfect] : seeds) {
      // A seed that cannot score below the worst kept so far would not be kept: it is scored only as far as it takes to know.
      if (goal === 'worst' && kept && !scoresBelow(scenario, recordToScore(scenario, seed, goal), kept.score, RUBRIC, order)) continue;
      const { record, scorecard } = scoreRoute(scenario, seed, goal);
      if (beats(scorecard.overall, kept)) kept = { score: scorecard.overall, events: eventsOf(scenario, recordOf(scenario, seed)), record, scorecard };
      // No later seed can beat the extreme score, so scoring them would only cost time.
      if (kept!.score === extreme) break;
    }
    return kept;
  };
  // With no perfect seed, the best seed matters only if no route the search plays reaches 100, so it is scored only then (settle).
  const seedsLater = goal === 'best' && !perfect;
  let found = seedsLater ? null : bestOfSeeds();
  if (found?.score === extreme) {
    return { found, exact: true, basis: `exact: no call can score ${goal === 'best' ? 'more than 100' : 'less than 0'}`, routes: seeds.length, steps: 0, cut: 0 };
  }
  const depthFinds: ScoredRoute[] = [];
  /** What the search keeps in the end, as if the seeds had been scored first and each depth's find compared with them in turn. */
  const settle = () => {
    if (!seedsLater) return found;
    let kept = bestOfSeeds();
    for (const candidate of depthFinds) if (beats(candidate.score, kept)) kept = candidate;
    return kept;
  };
  let fullDepth = 0;
  let cut = 0;
  let outOfSteps = false;
  const start = played(initialTransition(machine, { seed: 'explore' })[0] as AnyMachineSnapshot);
  const { step } = callStepper(machine);
  for (const onlyGood of goal === 'best' ? [true, false] : [false]) {
    for (const depth of depthsUpTo(limits.maxTurns)) {
      const result = walk(scenario, step, start, goal, limits.maxSteps - steps, depth, onlyGood, order);
      steps += result.steps;
      routes += result.routes;
      if (result.found) depthFinds.push(result.found);
      if (result.found && beats(result.found.score, found)) found = result.found;
      // Reaching 100 (or 0) beats every seed and every earlier depth, so the seeds need not be scored.
      if (result.reachedLimit) {
        return { found, exact: true, basis: `exact: no call can score ${goal === 'best' ? 'more than 100' : 'less than 0'}`, routes, steps, cut: 0 };
      }
      if (result.stoppedByBudget) {
        outOfSteps = true;
        break;
      }
      if (!onlyGood) {
        fullDepth = depth;
        cut = result.cut;
      }
      // No route was still going at this depth: deeper searches would find nothing new.
      if (result.cut === 0) {
        if (!onlyGood) return { found: settle(), exact: true, basis: `exact: every route was played to its end (${result.routes} routes)`, routes, steps, cut: 0 };
        break;
      }
    }
    if (outOfSteps) break;
  }
  const looked = fullDepth
    ? `every route of up to ${fullDepth} actions was played; ${cut} still going then were not followed further${outOfSteps ? `, and a deeper search ran out of its ${limits.maxSteps} steps` : ''}`
    : `the search ran out of its ${limits.maxSteps} steps before it had played every route of even ${depthsUpTo(limits.maxTurns)[0]} actions`;
  return { found: settle(), exact: false, basis: `a bound (${goal === 'best' ? 'at least' : 'at most'} this: ${looked})`, routes, steps, cut };
}
