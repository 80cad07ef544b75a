/**
 * Route exploration: every sequence of prepared replies, escalations and
 * account lookups a trainee could make, folded together where two routes
 * leave the customer in the same situation, walked breadth-first as
 * @xstate/graph walks a machine.
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { beatOf, phaseOf, preparedToTrainee } from '../call/call';
import { withChanges, type CallContext } from '../call/call-context';
import { compileScenario, endingOf, type CallEvent } from '../call/compile';
import { MOOD_DIMENSIONS, type MoodDimension } from '../mood';
import type { GuardRef, Scenario } from './scenario-schema';
import type { AccountSection } from '../vocabulary';
import { allNodes, buildStateTree, transitionsOf } from './state-tree';
import { machineStepper, type MachineStepper } from './machine-step';
import type { MergeContext } from './machine-step-actions';

/**
 * A call machine stepped by machineStepper, each new context built as the
 * call engine builds them (withChanges). Most of a call's assigns (hear, say,
 * reveal) hand back a whole new context, which `{ ...context, ...changes }`
 * would only copy again: it is taken as it is. Only a whole context has a
 * start time.
 */
export function callStepper(machine: AnyStateMachine): MachineStepper {
  const merge = (context: CallContext, changes: Partial<CallContext>) => ('startedAt' in changes ? (changes as CallContext) : withChanges(context, changes));
  return machineStepper(machine, { mergeContext: merge as unknown as MergeContext });
}

/** Exploration stops expanding after this many situations; a scenario that has more is reported as truncated. */
export const DEFAULT_EXPLORATION_LIMIT = 50_000;

function sectionsInGuard(guard: GuardRef | undefined): AccountSection[] {
  if (!guard) return [];
  if (guard.type === 'lookedUp') return [guard.params.section];
  if (guard.type === 'all' || guard.type === 'any') return guard.params.of.flatMap(sectionsInGuard);
  if (guard.type === 'not') return sectionsInGuard(guard.params.guard);
  return [];
}

function moodsInGuard(guard: GuardRef | undefined): string[] {
  if (!guard) return [];
  if (guard.type === 'mood') return Object.keys(guard.params);
  if (guard.type === 'all' || guard.type === 'any') return guard.params.of.flatMap(moodsInGuard);
  if (guard.type === 'not') return moodsInGuard(guard.params.guard);
  return [];
}

function guardsOf(scenario: Scenario): (GuardRef | undefined)[] {
  return allNodes(buildStateTree(scenario)).flatMap((node) => transitionsOf(node).map(({ transition }) => transition.guard));
}

/**
 * Only lookups that some guard reads can change the customer's behaviour, so
 * only those are tried; any other lookup can be added to any route without
 * changing what the customer does.
 */
export function decisiveLookups(scenario: Scenario): AccountSection[] {
  return [...new Set(guardsOf(scenario).flatMap(sectionsInGuard))];
}

/** The mood dimensions that can change what happens: those a guard or a fact's revealWhen reads, and patience, which the engine reads. */
function decisiveMoods(scenario: Scenario): MoodDimension[] {
  const read = new Set<string>(['patience', ...guardsOf(scenario).flatMap(moodsInGuard)]);
  for (const fact of Object.values(scenario.facts)) Object.keys(fact.revealWhen ?? {}).forEach((dimension) => read.add(dimension));
  return MOOD_DIMENSIONS.filter((dimension) => read.has(dimension));
}

/** What a trainee could do next: every prepared reply (or only the good ones), the decisive lookups, and escalating. */
export function eventsFor(scenario: Scenario, lookups: AccountSection[], { onlyGood = false } = {}) {
  // A beat offers the same replies wherever it is reached: their events are made once (exploration asks at every situation).
  const sayings = new Map<string, CallEvent[]>();
  const sayingsAt = (beat: string) => {
    let events = sayings.get(beat);
    if (!events) {
      // In the author's order, not the shuffled one a trainee sees, so what exploration finds never depends on a seed.
      const authored = scenario.replies[beat] ?? [];
      const replies = onlyGood ? authored.filter((reply) => reply.quality === 'good') : authored;
      sayings.set(beat, (events = replies.map((reply): CallEvent => ({ type: 'SAY', reply: preparedToTrainee(reply) }))));
    }
    return events;
  };
  // Nor do the rest depend on more than the look-ups made, a list most steps pass on as it was: so each list of
  // events is made once for each beat and list of look-ups, and situations alike share it (no one changes it).
  const lists = new WeakMap<readonly AccountSection[], Map<string | null, CallEvent[]>>();
  return (snapshot: AnyMachineSnapshot): readonly CallEvent[] => {
    if (snapshot.status !== 'active') return [];
    if (phaseOf(snapshot) === 'ringing') return [{ type: 'ANSWER' }];
    const { lookedUp } = snapshot.context as CallContext;
    const beat = beatOf(snapshot);
    let byBeat = lists.get(lookedUp);
    if (!byBeat) lists.set(lookedUp, (byBeat = new Map()));
    let events = byBeat.get(beat);
    if (!events) {
      events = [
        ...(beat ? sayingsAt(beat) : []),
        ...lookups.filter((section) => !lookedUp.includes(section)).map((section): CallEvent => ({ type: 'LOOKUP', section })),
        ...(onlyGood ? [] : [{ type: 'ESCALATE_CALL' } as const]),
      ];
      byBeat.set(beat, events);
    }
    return events;
  };
}

/**
 * Two routes that leave the customer in the same situation are the same from
 * here on: same state, facts, flags, lookups, verification, and the same band
 * of every mood dimension that anything reads.
 */
function situationOf(moods: MoodDimension[]) {
  // Exploration keys every step it takes, and looks each key up: the parts are numbered, so a key is a few
  // short numbers to hash rather than every name in the call. Equal parts get equal numbers.
  const numbers = new Map<string, number>();
  const numberOf = (text: string) => {
    let number = numbers.get(text);
    if (number === undefined) numbers.set(text, (number = numbers.size));
    return number;
  };
  const setNumbers = new WeakMap<readonly string[], number>();
  /** A list of names as a set, in one order; a list a step leaves as it was is not sorted again. */
  const setNumber = (names: readonly string[]) => {
    let number = setNumbers.get(names);
    if (number === undefined) setNumbers.set(names, (number = numberOf((names.length > 1 ? [...names].sort() : names).join(','))));
    return number;
  };
  const valueNumbers = new WeakMap<object, number>();
  /** A nested state's value is an object, kept by a step that stays in the same state: its text is worked out once. */
  const stateNumber = (value: AnyMachineSnapshot['value']) => {
    if (typeof value === 'string') return numberOf(value);
    let number = valueNumbers.get(value);
    if (number === undefined) valueNumbers.set(value, (number = numberOf(JSON.stringify(value))));
    return number;
  };
  const statuses = ['active', 'done', 'error', 'stopped'];
  return (snapshot: AnyMachineSnapshot): string => {
    const context = snapshot.context as CallContext;
    // The bands of the moods read (0 to 10 each), as the digits of one number in base 11.
    let bands = 0;
    for (const dimension of moods) bands = bands * 11 + Math.floor(context.mood[dimension] / 10);
    const state = stateNumber(snapshot.value);
    const revealed = setNumber(context.revealed);
    const flags = setNumber(context.flags);
    const lookedUp = setNumber(context.lookedUp);
    // One short string of fixed width, made in one go: each number as two 16-bit character codes, so no count of
    // states or sets is too big, and the bands (at most 11^4) as one.
    return String.fromCharCode(
      state & 0xffff, state >>> 16,
      statuses.indexOf(snapshot.status),
      revealed & 0xffff, revealed >>> 16,
      flags & 0xffff, flags >>> 16,
      lookedUp & 0xffff, lookedUp >>> 16,
      context.verified ? 1 : 0,
      bands,
    );
  };
}

/** The key route exploration folds routes by: equal keys, the same situation. */
export function situationKey(scenario: Scenario): (snapshot: AnyMachineSnapshot) => string {
  return situationOf(decisiveMoods(scenario));
}

/** Traversal options with a budget: past `limit` situations, no further one is expanded. */
function traversalOptions(scenario: Scenario, limit: number, stopAt: (snapshot: AnyMachineSnapshot) => boolean = () => false, onlyGood = false) {
  const budget = { expanded: 0, exceeded: false };
  return {
    budget,
    options: {
      events: eventsFor(scenario, decisiveLookups(scenario), { onlyGood }),
      serializeState: situationKey(scenario),
      input: { seed: 'explore' },
      stopWhen: (snapshot: AnyMachineSnapshot) => {
        if (stopAt(snapshot)) return true;
        budget.exceeded ||= ++budget.expanded > limit;
        return budget.exceeded;
      },
    },
  };
}

export function isBestEnding(scenario: Scenario, snapshot: AnyMachineSnapshot): boolean {
  return snapshot.status === 'done' && endingOf(scenario, String(snapshot.value))?.best === true;
}

/**
 * A route of prepared replies to the best ending. The author's good replies
 * are tried on their own first, which is quick and is what a perfect call
 * looks like; only if they do not get there is every reply tried.
 */
export function findBestRoute(scenario: Scenario, limit = DEFAULT_EXPLORATION_LIMIT): BestRoute {
  // The loader's validation, the loop check and the model call each ask for the same scenario's route; a scenario is never changed in place.
  const known = bestRoutes.get(scenario) ?? new Map<number, BestRoute>();
  bestRoutes.set(scenario, known);
  let route = known.get(limit);
  if (!route) known.set(limit, (route = searchBestRoute(scenario, limit)));
  return route;
}

export interface BestRoute {
  found: boolean;
  explored: number;
  events: readonly CallEvent[];
}

const bestRoutes = new WeakMap<Scenario, Map<number, BestRoute>>();

function searchBestRoute(scenario: Scenario, limit: number): BestRoute {
  const best = (snapshot: AnyMachineSnapshot) => isBestEnding(scenario, snapshot);
  let explored = 0;
  for (const onlyGood of [true, false]) {
    const found = shortestRouteTo(scenario, limit, best, onlyGood);
    explored += found.explored;
    if (found.route) return { found: true, explored, events: Object.freeze(found.route) };
  }
  return { found: false, explored, events: [] };
}

/**
 * The fewest actions to the first situation, breadth-first, that `target`
 * accepts, exploring no further than the target (nor past `limit`
 * situations): the route @xstate/graph's getShortestPaths gives with
 * `toState`, found over the same adjacency without building every path.
 */
function shortestRouteTo(scenario: Scenario, limit: number, target: (snapshot: AnyMachineSnapshot) => boolean, onlyGood = false) {
  const { adjacency, explored } = adjacencyOf(scenario, limit, target, onlyGood);
  if (!adjacency.states.length) return { route: null, explored };
  const shortest = shortestRoutes(adjacency);
  const found = shortest.order.find((situation) => target(adjacency.states[situation]!));
  return { route: found === undefined ? null : shortest.route(found), explored };
}

export interface Exploration {
  /** Distinct situations the customer can be in. */
  situations: number;
  /** Distinct routes from the ring to an ending, counted up to `routeCap`. */
  routes: number;
  routesCapped: boolean;
  truncated: boolean;
  /** For each ending reached, the shortest route there and the final snapshots of all routes found. */
  endings: Map<string, { shortest: CallEvent[]; finals: AnyMachineSnapshot[] }>;
  /** One snapshot of every situation found. */
  snapshots: AnyMachineSnapshot[];
}

/**
 * Every situation found, numbered in the order first reached: one snapshot
 * of each, and for each the actions tried there (`events`) with the
 * situation each leads to (`targets`, the same position). Numbers rather
 * than the situations' keys, so what exploration keeps is a few small
 * numbers per action: the heap it leaves behind is what garbage collection
 * copies, again and again, while exploration runs.
 */
interface Adjacency {
  states: AnyMachineSnapshot[];
  events: (readonly CallEvent[])[];
  targets: number[][];
}

/**
 * Breadth-first over situations, as @xstate/graph's getAdjacencyMap walks
 * (same order, same first snapshot kept for each situation, same budget),
 * but keeping only the situation each action leads to rather than the
 * snapshot: that map held every step's snapshot, some 200,000 for the
 * largest scenario, and collecting that garbage cost as much as the steps.
 */
function adjacencyOf(scenario: Scenario, limit: number, stopAt?: (snapshot: AnyMachineSnapshot) => boolean, onlyGood = false) {
  const { options, budget } = traversalOptions(scenario, limit, stopAt, onlyGood);
  const { initial, step } = callStepper(compileScenario(scenario));
  const situation = options.serializeState;
  const adjacency: Adjacency = { states: [], events: [], targets: [] };
  const numbers = new Map<string, number>();
  /** The situation's number, and whether it is new: a new one is queued, to be expanded in turn. */
  const numberOf = (snapshot: AnyMachineSnapshot) => {
    const key = situation(snapshot);
    let number = numbers.get(key);
    if (number === undefined) {
      numbers.set(key, (number = adjacency.states.length));
      adjacency.states.push(snapshot);
    }
    return number;
  };
  numberOf(initial(options.input));
  for (let at = 0; at < adjacency.states.length; at++) {
    const state = adjacency.states[at]!;
    const events = options.stopWhen(state) ? [] : options.events(state);
    // No two of a situation's events are the same (reply ids are unique), so each is one transition, as getAdjacencyMap keeps them.
    adjacency.events.push(events);
    adjacency.targets.push(events.map((event) => numberOf(step(state, event))));
  }
  return { adjacency, truncated: budget.exceeded, explored: budget.expanded };
}

export function exploreRoutes(scenario: Scenario, { limit = DEFAULT_EXPLORATION_LIMIT, routeCap = 1_000_000 } = {}): Exploration {
  const { adjacency, truncated } = adjacencyOf(scenario, limit);
  const { states } = adjacency;
  const shortest = states.length ? shortestRoutes(adjacency) : null;
  // For each ending, the situation of its shortest route (the first found of the shortest) and every final snapshot.
  const found = new Map<string, { nearest: number; length: number; finals: AnyMachineSnapshot[] }>();
  states.forEach((snapshot, situation) => {
    if (snapshot.status !== 'done') return;
    const ending = String(snapshot.value);
    const length = shortest?.lengthTo(situation) ?? Infinity;
    const entry = found.get(ending);
    if (!entry) found.set(ending, { nearest: situation, length, finals: [snapshot] });
    else {
      entry.finals.push(snapshot);
      if (length < entry.length) Object.assign(entry, { nearest: situation, length });
    }
  });
  const endings: Exploration['endings'] = new Map();
  for (const [ending, { nearest, finals }] of found) endings.set(ending, { shortest: shortest?.route(nearest) ?? [], finals });
  const { routes, capped } = countRoutes(adjacency, routeCap);
  return { situations: states.length, routes, routesCapped: capped, truncated, endings, snapshots: states };
}

/**
 * Breadth-first over the adjacency from the first situation: for every
 * situation, how many steps the fewest take and the step that last leads
 * there, from which `route` spells out a route only for the situations
 * asked about.
 */
function shortestRoutes({ states, events, targets }: Adjacency) {
  const unreached = -1;
  const lengths = new Int32Array(states.length).fill(unreached);
  /** The situation and the position of the action that first reached each situation. */
  const from = new Int32Array(states.length);
  const by = new Int32Array(states.length);
  lengths[0] = 0;
  const queue = [0];
  for (let i = 0; i < queue.length; i++) {
    const situation = queue[i]!;
    const length = lengths[situation]! + 1;
    targets[situation]!.forEach((next, action) => {
      if (lengths[next] !== unreached) return;
      lengths[next] = length;
      from[next] = situation;
      by[next] = action;
      queue.push(next);
    });
  }
  const route = (situation: number): CallEvent[] => {
    const route: CallEvent[] = [];
    for (let at = situation; at !== 0; at = from[at]!) route.push(events[from[at]!]![by[at]!]!);
    return route.reverse();
  };
  return { order: queue, lengthTo: (situation: number) => (lengths[situation] === unreached ? undefined : lengths[situation]), route };
}

/**
 * Routes from the first situation to any ending that never pass through the
 * same situation twice, counted by dynamic programming over the adjacency.
 */
function countRoutes({ states, targets }: Adjacency, cap: number) {
  const memo = new Map<number, number>();
  const onStack = new Uint8Array(states.length);
  const visit = (situation: number): number => {
    const known = memo.get(situation);
    if (known !== undefined) return known;
    if (states[situation]!.status === 'done') return 1;
    onStack[situation] = 1;
    let total = 0;
    for (const next of targets[situation]!) {
      if (next === situation || onStack[next]) continue;
      total = Math.min(cap, total + visit(next));
    }
    onStack[situation] = 0;
    memo.set(situation, total);
    return total;
  };
  const routes = states.length ? visit(0) : 0;
  return { routes, capped: routes >= cap };
}

/**
 * The shortest route of prepared replies (and decisive look-ups) into a
 * state, given by its path ("venting.listening"), for play-testing from the
 * middle of a call; null when no route gets there within the limit.
 */
export function routeToState(scenario: Scenario, statePath: string, limit = 20_000): CallEvent[] | null {
  const into = (snapshot: AnyMachineSnapshot) => snapshot.matches(statePath.split('.').reduceRight<unknown>((inner, key) => (inner === null ? key : { [key]: inner }), null) as never);
  return shortestRouteTo(scenario, limit, into).route;
}
