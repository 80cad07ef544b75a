/**
 * Stepping a compiled call machine without running it: the analyses (route
 * exploration, the score search) play hundreds of thousands of steps, and
 * xstate's transition() builds a new actor for each, which also starts a call
 * from nothing every time. One inert scope (as @xstate/graph uses) serves
 * every step; the actions the machine would hand back are not wanted here.
 *
 * Even so, transition() cost most of the analyses' time: every assign action
 * clones the whole snapshot (working out its state value and tags again), and
 * a trainee's reply runs several of them, each followed by a search for
 * eventless transitions. So `machineStepper` takes the same steps itself,
 * over the machine's own state nodes, transitions, guards and actions as
 * compile.ts built them (nothing is read from the scenario again), following
 * xstate's macrostep and microstep (the SCXML algorithm) for what a call
 * machine uses: nested states, final states, eventless transitions, raised
 * events, assign, and the delayed raises and cancels that in an inert scope
 * schedule nothing. A machine with anything else (parallel or history states,
 * invoked actors, wildcard events) is stepped by xstate instead, and another
 * kind of built-in action is an error.
 * tests/engine/machine-step.test.ts checks the two agree on every step route
 * exploration takes in every library scenario. Guards and actions are in
 * machine-step-actions.ts, the states a transition exits and enters in
 * machine-step-sets.ts.
 */
import { createEmptyActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type EventObject, type StateValue } from 'xstate';
import type { CallEvent, CallInput } from '../call/compile';
import { guardTest, mergeAnyContext, runActions, type ActionsAt, type GuardTest, type MergeContext } from './machine-step-actions';
import { entrySet, exitSet, transitionDomain, type Transition } from './machine-step-sets';

export interface MachineStepper {
  initial: (input: CallInput) => AnyMachineSnapshot;
  step: (snapshot: AnyMachineSnapshot, event: CallEvent) => AnyMachineSnapshot;
}

function inertScope(): AnyActorScope {
  const self = createEmptyActor();
  return { self, logger: () => {}, id: '', sessionId: '', defer: () => {}, system: self.system, stopChild: () => {}, emit: () => {}, actionExecutor: () => {} } as unknown as AnyActorScope;
}

/** xstate's own transition(), one step at a time: the reference the faster stepper is checked against. */
export function xstateStepper(machine: AnyStateMachine): MachineStepper {
  const scope = inertScope();
  return {
    initial: (input) => machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot,
    step: (snapshot, event) => machine.transition(snapshot, event as never, scope) as AnyMachineSnapshot,
  };
}

/**
 * `mergeContext` is how an assign's changes make the new context: a machine
 * whose context has one fixed set of keys (a call's) can build it as one
 * literal, many times faster than copying key by key.
 */
export function machineStepper(machine: AnyStateMachine, { mergeContext = mergeAnyContext }: { mergeContext?: MergeContext } = {}): MachineStepper {
  const reference = xstateStepper(machine);
  if (!stepsItself(machine)) return reference;
  const scope = inertScope();
  return { initial: reference.initial, step: (snapshot, event) => macrostep(machine, scope, mergeContext, snapshot, event) };
}

/** Whether machineStepper steps this machine itself, rather than leaving it to xstate. */
export function stepsItself(machine: AnyStateMachine): boolean {
  return steppable(machine.root);
}

/** Whether this state node and all below it are ones this file knows how to step through. */
function steppable(node: AnyStateNode): boolean {
  const known = node.type === 'atomic' || node.type === 'compound' || node.type === 'final';
  const wildcards = [...node.transitions.keys()].some((descriptor) => descriptor === '*' || descriptor.endsWith('.*'));
  return known && !wildcards && !node.invoke.length && node.output === undefined && Object.values(node.states).every(steppable);
}

/** The call as it moves through one macrostep: the snapshot's parts, changed in place. */
interface Working extends ActionsAt {
  /**
   * The active state nodes, in the order xstate keeps them (its _nodes): the
   * snapshot's own list until a transition moves the call, then a new one.
   */
  nodes: readonly AnyStateNode[];
  status: 'active' | 'done';
}

/** https://www.w3.org/TR/scxml/#mainEventLoop, as xstate's macrostep runs it for one external event. */
function macrostep(machine: AnyStateMachine, scope: AnyActorScope, mergeContext: MergeContext, snapshot: AnyMachineSnapshot, event: EventObject): AnyMachineSnapshot {
  const working: Working = { machine, scope, mergeContext, context: snapshot.context, nodes: snapshot._nodes, status: snapshot.status as 'active', queue: [], assignArgs: undefined };
  let changed = microstep(working, selectTransition(working, event), event);
  let current = event;
  let selectEventless = true;
  while (working.status === 'active') {
    let enabled: Transition | undefined = selectEventless ? eventlessTransition(working, current) : undefined;
    const eventless: boolean = enabled !== undefined;
    if (!eventless) {
      const next = working.queue.shift();
      if (!next) break;
      current = next;
      enabled = selectTransition(working, current);
    }
    const stepChanged = microstep(working, enabled, current);
    changed ||= stepChanged;
    // As xstate: after an eventless microstep that changed nothing, eventless transitions are not looked for again until an event is taken.
    selectEventless = !eventless || stepChanged;
  }
  return changed ? snapshotOf(working, snapshot) : snapshot;
}

/** A snapshot shaped as xstate's own, sharing the methods xstate gives every snapshot. */
function snapshotOf(working: Working, template: AnyMachineSnapshot): AnyMachineSnapshot {
  // In the same states, the state value and tags are the template's (most steps stay in the state they start in).
  const moved = working.nodes !== template._nodes && !sameNodes(template._nodes, working.nodes);
  const nodes = moved ? working.nodes : template._nodes;
  const view = moved ? viewOfNodes(nodes, working.status) : template;
  return {
    status: working.status,
    output: undefined,
    error: undefined,
    machine: working.machine,
    context: working.context,
    _nodes: nodes,
    value: view.value,
    tags: view.tags,
    children: template.children,
    historyValue: template.historyValue,
    matches: template.matches,
    hasTag: template.hasTag,
    can: template.can,
    getMeta: template.getMeta,
    toJSON: template.toJSON,
  } as AnyMachineSnapshot;
}

/** Whether two lists of active nodes hold the same nodes (in any order). */
function sameNodes(before: readonly AnyStateNode[], after: readonly AnyStateNode[]): boolean {
  if (before.length !== after.length) return false;
  for (const node of before) if (!after.includes(node)) return false;
  return true;
}

/**
 * Without parallel states the active nodes are the active leaf and its
 * ancestors, so the state value and tags they give are worked out once per
 * leaf (and once more for a finished call, which lists its nodes deepest
 * first): snapshots in the same state then share them, as they share a
 * snapshot's that stayed where it was.
 */
const views = new WeakMap<AnyStateNode, Map<string, { value: StateValue; tags: Set<string> }>>();

function viewOfNodes(nodes: readonly AnyStateNode[], status: string): { value: StateValue; tags: Set<string> } {
  const leaf = nodes.find(isAtomic);
  if (!leaf) return { value: {}, tags: new Set(nodes.flatMap((node) => node.tags)) };
  let byStatus = views.get(leaf);
  if (!byStatus) views.set(leaf, (byStatus = new Map()));
  let view = byStatus.get(status);
  if (!view) byStatus.set(status, (view = { value: stateValue(leaf), tags: new Set(nodes.flatMap((node) => node.tags)) }));
  return view;
}

/** With no parallel states the active nodes are one chain: "a", or { a: "b" } for a child b of a, and so on down. */
function stateValue(leaf: AnyStateNode): StateValue {
  let value: StateValue = leaf.key;
  for (let node = leaf.parent; node?.parent; node = node.parent) value = { [node.key]: value };
  return value;
}

/** A finished call's nodes as xstate lists them, deepest first: the same for every call that finishes in a state. */
const finishedOrders = new WeakMap<AnyStateNode, readonly AnyStateNode[]>();

function finishedOrder(nodes: readonly AnyStateNode[]): readonly AnyStateNode[] {
  const leaf = nodes.find(isAtomic);
  const sorted = () => [...nodes].sort((a, b) => b.order - a.order);
  if (!leaf) return sorted();
  let order = finishedOrders.get(leaf);
  if (!order) finishedOrders.set(leaf, (order = sorted()));
  return order;
}

const isAtomic = (node: AnyStateNode) => node.type === 'atomic' || node.type === 'final';

/**
 * As xstate's getTransitionData picks one: from the active leaf up to the
 * root, the first transition for the event whose guard holds. (xstate also
 * matches wildcard descriptors, which call machines do not use: see steppable.)
 */
function selectTransition(working: Working, event: EventObject): Transition | undefined {
  return firstEnabled(working, event, event.type);
}

/** The first eventless transition whose guard holds, from the active leaf up to the root. */
function eventlessTransition(working: Working, event: EventObject): Transition | undefined {
  return firstEnabled(working, event, EVENTLESS);
}

function firstEnabled(working: Working, event: EventObject, type: string): Transition | undefined {
  // and()/or()/not() read the machine and the context from the snapshot they are shown: the working call has both.
  const view = working as unknown as AnyMachineSnapshot;
  for (const leaf of working.nodes) {
    if (!isAtomic(leaf)) continue;
    for (const { transition, test } of candidates(working.machine, leaf, type)) {
      if (!test || test(working.context, event, view)) return transition;
    }
  }
  return undefined;
}

/** Stands for eventless transitions among event types: no event is named with an empty string. */
const EVENTLESS = '';

/**
 * The transitions xstate tries, in order, for an event in a leaf: the leaf's,
 * then its parent's, up to the root's, each with its guard made ready. They
 * depend only on the leaf and the event type, so they are listed once.
 */
const candidateLists = new WeakMap<AnyStateNode, Map<string, { transition: Transition; test: GuardTest | undefined }[]>>();

function candidates(machine: AnyStateMachine, leaf: AnyStateNode, type: string) {
  let byType = candidateLists.get(leaf);
  if (!byType) candidateLists.set(leaf, (byType = new Map()));
  let list = byType.get(type);
  if (!list) {
    list = [];
    for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) {
      const transitions = (type === EVENTLESS ? (node.always ?? []) : (node.transitions.get(type) ?? [])) as Transition[];
      for (const transition of transitions) list.push({ transition, test: transition.guard ? guardTest(machine, transition.guard) : undefined });
    }
    byType.set(type, list);
  }
  return list;
}

/** What a transition with a target enters does not depend on where the call is, so it is worked out once per transition. */
const entries = new WeakMap<Transition, { domain: AnyStateNode | undefined; toEnter: AnyStateNode[]; forDefaultEntry: Set<AnyStateNode> }>();

function entryOf(transition: Transition) {
  let entry = entries.get(transition);
  if (!entry) {
    const domain = transitionDomain(transition);
    const { toEnter, forDefaultEntry } = entrySet(transition, domain);
    entries.set(transition, (entry = { domain, toEnter: [...toEnter].sort((a, b) => a.order - b.order), forDefaultEntry }));
  }
  return entry;
}

/**
 * What a transition exits depends only on the active states, and without
 * parallel states those are the active leaf and its ancestors: so it is
 * worked out once per transition and leaf.
 */
const exitLists = new WeakMap<Transition, Map<AnyStateNode, AnyStateNode[]>>();

function exitsOf(transition: Transition, domain: AnyStateNode | undefined, active: readonly AnyStateNode[]): AnyStateNode[] {
  const leaf = active.find(isAtomic)!;
  let byLeaf = exitLists.get(transition);
  if (!byLeaf) exitLists.set(transition, (byLeaf = new Map()));
  let exits = byLeaf.get(leaf);
  if (!exits) byLeaf.set(leaf, (exits = exitSet(transition, domain, active)));
  return exits;
}

/** https://www.w3.org/TR/scxml/#microstepProcedure for the one transition a machine without parallel states takes; whether anything changed. */
function microstep(working: Working, transition: Transition | undefined, event: EventObject): boolean {
  if (!transition) return false;
  // Only a transition with a target can change the active states.
  const entry = transition.target?.length ? entryOf(transition) : undefined;
  const before = working.nodes;
  let assigned = false;
  if (entry) {
    const exits = exitsOf(transition, entry.domain, before);
    for (const node of exits) assigned = runActions(working, node.exit, event) || assigned;
    // As xstate keeps them, in a set: the exited removed, the entered added at the end (below).
    working.nodes = before.filter((node) => !exits.includes(node));
  }
  assigned = runActions(working, transition.actions, event) || assigned;
  let done = false;
  if (entry) {
    const { toEnter, forDefaultEntry } = entry;
    const nodes = working.nodes as AnyStateNode[];
    for (const node of toEnter) {
      if (!nodes.includes(node)) nodes.push(node);
      assigned = runActions(working, node.entry, event) || assigned;
      if (forDefaultEntry.has(node)) assigned = runActions(working, node.initial.actions, event) || assigned;
      if (node.type !== 'final') continue;
      const parent = node.parent;
      if (parent?.type === 'compound') working.queue.push({ type: `xstate.done.state.${parent.id}`, output: undefined } as EventObject);
      // A final state inside a state ends that state; a final state at the top ends the call.
      if (parent?.parent) continue;
      working.status = 'done';
      done = true;
    }
  }
  if (working.status === 'done') {
    // xstate sorts its list of active nodes in place here, so a finished call lists them deepest first.
    working.nodes = finishedOrder(working.nodes);
    for (const node of working.nodes) assigned = runActions(working, node.exit, event) || assigned;
  }
  return assigned || done || (entry !== undefined && !sameNodes(before, working.nodes));
}
