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
 * exploration takes in every library scenario.
 */
import { createEmptyActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type EventObject, type StateValue } from 'xstate';
import type { CallEvent, CallInput } from '../call/compile';

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

export function machineStepper(machine: AnyStateMachine): MachineStepper {
  const reference = xstateStepper(machine);
  if (!steppable(machine.root)) return reference;
  const scope = inertScope();
  return { initial: reference.initial, step: (snapshot, event) => macrostep(machine, scope, snapshot, event) };
}

/** Whether every state node is one this file knows how to step through. */
function steppable(node: AnyStateNode): boolean {
  const known = node.type === 'atomic' || node.type === 'compound' || node.type === 'final';
  const wildcards = [...node.transitions.keys()].some((descriptor) => descriptor === '*' || descriptor.endsWith('.*'));
  return known && !wildcards && !node.invoke.length && (node.type !== 'final' || node.output === undefined) && Object.values(node.states).every(steppable);
}

interface Transition {
  source: AnyStateNode;
  target?: readonly AnyStateNode[];
  actions: readonly unknown[];
  reenter: boolean;
  guard?: unknown;
}

/** The call as it moves through one macrostep: the snapshot's parts, changed in place. */
interface Working {
  machine: AnyStateMachine;
  scope: AnyActorScope;
  context: Record<string, unknown>;
  /** The active state nodes, in the order xstate keeps them (its _nodes). */
  nodes: Set<AnyStateNode>;
  status: 'active' | 'done';
  /** Events raised for this macrostep, handled after the current microstep. */
  queue: EventObject[];
}

/** https://www.w3.org/TR/scxml/#mainEventLoop, as xstate's macrostep runs it for one external event. */
function macrostep(machine: AnyStateMachine, scope: AnyActorScope, snapshot: AnyMachineSnapshot, event: EventObject): AnyMachineSnapshot {
  const working: Working = { machine, scope, context: snapshot.context, nodes: new Set(snapshot._nodes), status: snapshot.status as 'active', queue: [] };
  let changed = microstep(working, selectTransitions(working, event), event);
  let current = event;
  let selectEventless = true;
  while (working.status === 'active') {
    let enabled: Transition[] = selectEventless ? eventlessTransitions(working, current) : [];
    const eventless: boolean = enabled.length > 0;
    if (!eventless) {
      const next = working.queue.shift();
      if (!next) break;
      current = next;
      enabled = selectTransitions(working, current);
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
  const moved = !sameNodes(template._nodes, working.nodes);
  const nodes = moved ? [...working.nodes] : template._nodes;
  return {
    status: working.status,
    output: undefined,
    error: undefined,
    machine: working.machine,
    context: working.context,
    _nodes: nodes,
    value: moved ? stateValue(nodes) : template.value,
    tags: moved ? new Set(nodes.flatMap((node) => node.tags)) : template.tags,
    children: template.children,
    historyValue: template.historyValue,
    matches: template.matches,
    hasTag: template.hasTag,
    can: template.can,
    getMeta: template.getMeta,
    toJSON: template.toJSON,
  } as AnyMachineSnapshot;
}

function sameNodes(before: readonly AnyStateNode[], after: Set<AnyStateNode>): boolean {
  return before.length === after.size && before.every((node) => after.has(node));
}

/** With no parallel states the active nodes are one chain: "a", or { a: "b" } for a child b of a, and so on down. */
function stateValue(nodes: Iterable<AnyStateNode>): StateValue {
  const leaf = [...nodes].find(isAtomic);
  if (!leaf) return {};
  let value: StateValue = leaf.key;
  for (let node = leaf.parent; node?.parent; node = node.parent) value = { [node.key]: value };
  return value;
}

const isAtomic = (node: AnyStateNode) => node.type === 'atomic' || node.type === 'final';

/** What guards are shown of the call: a call machine's guards, and and()/or()/not() around them, read only these. */
function guardView(working: Working) {
  return { machine: working.machine, context: working.context } as unknown as AnyMachineSnapshot;
}

/**
 * As xstate's getTransitionData picks one: from the active leaf up to the
 * root, the first transition for the event whose guard holds. (xstate also
 * matches wildcard descriptors, which call machines do not use: see steppable.)
 */
function selectTransitions(working: Working, event: EventObject): Transition[] {
  const view = guardView(working);
  for (const leaf of working.nodes) {
    if (!isAtomic(leaf)) continue;
    for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) {
      for (const transition of (node.transitions.get(event.type) ?? []) as Transition[]) {
        if (!transition.guard || evaluateGuard(transition.guard, working.context, event, view)) return [transition];
      }
    }
  }
  return [];
}

/** The first eventless transition whose guard holds, from the active leaf up to the root. */
function eventlessTransitions(working: Working, event: EventObject): Transition[] {
  const view = guardView(working);
  for (const leaf of working.nodes) {
    if (!isAtomic(leaf)) continue;
    for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) {
      for (const transition of (node.always ?? []) as Transition[]) {
        if (transition.guard === undefined || evaluateGuard(transition.guard, working.context, event, view)) return [transition];
      }
    }
  }
  return [];
}

type GuardFunction = ((args: { context: unknown; event: EventObject }, params: unknown) => boolean) & {
  check?: (snapshot: AnyMachineSnapshot, args: { context: unknown; event: EventObject }, guard: unknown) => boolean;
};

/** As xstate evaluates a guard: a named one from the machine's implementations, with its params; and(), or(), not() by their own check. */
function evaluateGuard(guard: unknown, context: unknown, event: EventObject, view: AnyMachineSnapshot): boolean {
  const inline = typeof guard === 'function';
  const name = typeof guard === 'string' ? guard : (guard as { type: string }).type;
  const resolved = (inline ? guard : view.machine.implementations.guards[name]) as GuardFunction | undefined;
  if (!resolved) throw new Error(`Guard '${name}' is not implemented.`);
  if (typeof resolved !== 'function') return evaluateGuard(resolved, context, event, view);
  const args = { context, event };
  if (resolved.check) return resolved.check(view, args, resolved);
  return resolved(args, paramsOf(guard, context, event));
}

function paramsOf(reference: unknown, context: unknown, event: EventObject): unknown {
  if (typeof reference !== 'object' || reference === null || !('params' in reference)) return undefined;
  const { params } = reference as { params: unknown };
  return typeof params === 'function' ? params({ context, event }) : params;
}

/** https://www.w3.org/TR/scxml/#microstepProcedure for the one transition a machine without parallel states takes; whether anything changed. */
function microstep(working: Working, transitions: Transition[], event: EventObject): boolean {
  if (!transitions.length) return false;
  if (transitions.length > 1) throw new Error('machine-step: more than one transition at once needs parallel states');
  const transition = transitions[0]!;
  // Only a transition with a target can change the active states.
  const before = transition.target?.length ? [...working.nodes] : null;
  let assigned = false;
  const run = (actions: readonly unknown[]) => {
    assigned = runActions(working, actions, event) || assigned;
  };
  const domain = transition.target?.length ? transitionDomain(transition) : undefined;
  if (transition.target?.length) {
    for (const node of exitSet(transition, domain, working.nodes)) {
      run(node.exit);
      working.nodes.delete(node);
    }
  }
  run(transition.actions);
  let done = false;
  if (transition.target?.length) {
    const { toEnter, forDefaultEntry } = entrySet(transition, domain);
    for (const node of [...toEnter].sort((a, b) => a.order - b.order)) {
      working.nodes.add(node);
      run(node.entry);
      if (forDefaultEntry.has(node)) run(node.initial.actions);
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
    working.nodes = new Set([...working.nodes].sort((a, b) => b.order - a.order));
    run([...working.nodes].flatMap((node) => node.exit));
  }
  return assigned || done || (before !== null && !sameNodes(before, working.nodes));
}

/** Whether `child` is below `parent` (anywhere); with no parent, whether it is the root. */
function isDescendant(child: AnyStateNode, parent: AnyStateNode | undefined): boolean {
  let marker = child;
  while (marker.parent && marker.parent !== parent) marker = marker.parent;
  return marker.parent === parent;
}

function properAncestors(node: AnyStateNode, upTo: AnyStateNode | undefined): AnyStateNode[] {
  const ancestors: AnyStateNode[] = [];
  if (upTo === node) return ancestors;
  for (let ancestor = node.parent; ancestor && ancestor !== upTo; ancestor = ancestor.parent) ancestors.push(ancestor);
  return ancestors;
}

/** The state a transition happens within: nothing outside it is exited or entered. */
function transitionDomain(transition: Transition): AnyStateNode | undefined {
  const targets = transition.target ?? [];
  if (!transition.reenter && targets.every((target) => target === transition.source || isDescendant(target, transition.source))) return transition.source;
  const [head, ...tail] = [...targets, transition.source];
  for (const ancestor of properAncestors(head!, undefined)) {
    if (tail.every((node) => isDescendant(node, ancestor))) return ancestor;
  }
  return transition.reenter ? undefined : transition.source.machine.root;
}

/** The active states a transition leaves, deepest and latest first. */
function exitSet(transition: Transition, domain: AnyStateNode | undefined, active: Set<AnyStateNode>): AnyStateNode[] {
  const exits = new Set<AnyStateNode>();
  if (transition.reenter && transition.source === domain) exits.add(domain);
  for (const node of active) if (isDescendant(node, domain)) exits.add(node);
  return [...exits].sort((a, b) => b.order - a.order);
}

/** The states a transition enters: its targets, their ancestors within the domain, and the initial states below them. */
function entrySet(transition: Transition, domain: AnyStateNode | undefined) {
  const toEnter = new Set<AnyStateNode>();
  const forDefaultEntry = new Set<AnyStateNode>();
  const addAncestors = (ancestors: AnyStateNode[], reentrancyDomain: AnyStateNode | undefined) => {
    for (const ancestor of ancestors) if (!reentrancyDomain || isDescendant(ancestor, reentrancyDomain)) toEnter.add(ancestor);
  };
  const addDescendants = (node: AnyStateNode) => {
    if (node.type !== 'compound') return;
    const initial = node.initial.target[0]!;
    toEnter.add(initial);
    forDefaultEntry.add(initial);
    addDescendants(initial);
    addAncestors(properAncestors(initial, node), undefined);
  };
  const targets = transition.target ?? [];
  for (const target of targets) {
    if (transition.source !== target || transition.source !== domain || transition.reenter) {
      toEnter.add(target);
      forDefaultEntry.add(target);
    }
    addDescendants(target);
  }
  for (const target of targets) addAncestors(properAncestors(target, domain), !transition.source.parent && transition.reenter ? undefined : domain);
  return { toEnter, forDefaultEntry };
}

type BuiltInAction = ((...args: never[]) => void) & {
  type: string;
  resolve?: unknown;
  assignment?: unknown;
  event?: unknown;
  delay?: unknown;
};

/** An action as the machine lists it, looked up once: what it does, and its params when they are fixed. */
interface ResolvedAction {
  kind: 'assign' | 'raise' | 'cancel' | 'none';
  builtIn?: BuiltInAction;
  params: (context: unknown, event: EventObject) => unknown;
}

const resolvedActions = new WeakMap<AnyStateMachine, Map<unknown, ResolvedAction>>();

function resolveAction(machine: AnyStateMachine, action: unknown): ResolvedAction {
  let known = resolvedActions.get(machine);
  if (!known) resolvedActions.set(machine, (known = new Map()));
  let resolved = known.get(action);
  if (resolved) return resolved;
  const inline = typeof action === 'function';
  const name = typeof action === 'string' ? action : (action as { type: string }).type;
  const builtIn = (inline ? action : machine.implementations.actions[name]) as BuiltInAction | undefined;
  const fixedParams = inline ? undefined : paramsOf(action, undefined, undefined as never);
  const dynamicParams = typeof action === 'object' && action !== null && typeof (action as { params?: unknown }).params === 'function';
  const params = dynamicParams ? (context: unknown, event: EventObject) => paramsOf(action, context, event) : () => fixedParams;
  // A plain action function is only handed to the scope's executor, which here runs nothing.
  if (!builtIn || !('resolve' in builtIn)) resolved = { kind: 'none', params };
  else if (builtIn.type === 'xstate.assign') resolved = { kind: 'assign', builtIn, params };
  else if (builtIn.type === 'xstate.raise') resolved = { kind: 'raise', builtIn, params };
  else if (builtIn.type === 'xstate.cancel') resolved = { kind: 'cancel', builtIn, params };
  else throw new Error(`machine-step: the built-in action ${builtIn.type} is not supported`);
  known.set(action, resolved);
  return resolved;
}

/** Runs actions as xstate resolves them in an inert scope; whether any assigned to the context. */
function runActions(working: Working, actions: readonly unknown[], event: EventObject): boolean {
  const { machine, scope } = working;
  let assigned = false;
  for (const action of actions) {
    const { kind, builtIn, params: paramsFor } = resolveAction(machine, action);
    if (kind === 'none' || kind === 'cancel') continue;
    const params = paramsFor(working.context, event);
    if (kind === 'assign') {
      const args = { context: working.context, event, spawn: noSpawning, self: scope.self, system: scope.system };
      working.context = Object.assign({}, working.context, assignment(builtIn!.assignment, args, params));
      assigned = true;
    } else {
      const args = { context: working.context, event, self: scope.self, system: scope.system };
      const raised = typeof builtIn!.event === 'function' ? builtIn!.event(args, params) : builtIn!.event;
      // A delayed event would be scheduled, and an inert scope schedules nothing; only an immediate one is handled now.
      if (typeof resolveDelay(machine, builtIn!.delay, args, params) !== 'number') working.queue.push(raised as EventObject);
    }
  }
  return assigned;
}

function assignment(assigner: unknown, args: Record<string, unknown>, params: unknown): Record<string, unknown> {
  if (typeof assigner === 'function') return assigner(args, params);
  const partial: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(assigner as Record<string, unknown>)) partial[key] = typeof value === 'function' ? value(args, params) : value;
  return partial;
}

function resolveDelay(machine: AnyStateMachine, delay: unknown, args: unknown, params: unknown): unknown {
  const configured = typeof delay === 'string' ? (machine.implementations.delays as Record<string, unknown>)[delay] : delay;
  return typeof configured === 'function' ? configured(args, params) : configured;
}

function noSpawning(): never {
  throw new Error('machine-step: a call machine does not spawn actors');
}
