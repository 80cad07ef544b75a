/**
 * Guards and actions as xstate evaluates them in an inert scope (one that
 * runs no side effects and schedules nothing), for machine-step.ts: a call
 * machine's actions are assign, raise (now, or delayed, which schedules
 * nothing here) and cancel; its guards are named ones with params, and
 * and()/or()/not() around them.
 */
import { and, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';

/** What actions read and change: the machine, its scope, the context so far, and the events raised for this macrostep. */
export interface ActionsAt {
  machine: AnyStateMachine;
  scope: AnyActorScope;
  context: Record<string, unknown>;
  /** A new context from the old one and what an assign changes, as xstate's `{ ...context, ...changes }` gives. */
  mergeContext: MergeContext;
  /** Events raised for this macrostep, handled after the current microstep. */
  queue: EventObject[];
  /** The arguments an assign is called with, made at the first one. */
  assignArgs?: Record<string, unknown>;
}

export type MergeContext = (context: Record<string, unknown>, changes: Record<string, unknown>) => Record<string, unknown>;

export const mergeAnyContext: MergeContext = (context, changes) => Object.assign({}, context, changes);

type GuardFunction = ((args: { context: unknown; event: EventObject }, params: unknown) => boolean) & {
  check?: (snapshot: AnyMachineSnapshot, args: { context: unknown; event: EventObject }, guard: unknown) => boolean;
  guards?: unknown[];
};

/** xstate's own check of and(), told apart by identity: the one combination compile.ts makes (the scenario's own are checkGuard's). */
const checkAnd = (and([]) as GuardFunction).check;

/** A guard made ready to test: the context and event so far, and the snapshot view and()/or()/not() read. */
export type GuardTest = (context: unknown, event: EventObject, view: AnyMachineSnapshot) => boolean;

const guardTests = new WeakMap<AnyStateMachine, Map<unknown, GuardTest>>();

/**
 * A guard as xstate evaluates it (a named one from the machine's
 * implementations, with its params; and(), or(), not() by their own check),
 * looked up once per machine and guard rather than at every test: the
 * analyses test guards millions of times.
 */
export function guardTest(machine: AnyStateMachine, guard: unknown): GuardTest {
  let known = guardTests.get(machine);
  if (!known) guardTests.set(machine, (known = new Map()));
  let test = known.get(guard);
  if (!test) known.set(guard, (test = makeGuardTest(machine, guard)));
  return test;
}

function makeGuardTest(machine: AnyStateMachine, guard: unknown): GuardTest {
  const inline = typeof guard === 'function';
  const name = typeof guard === 'string' ? guard : (guard as { type: string }).type;
  const resolved = (inline ? guard : machine.implementations.guards[name]) as GuardFunction | undefined;
  if (!resolved) {
    return () => {
      throw new Error(`Guard '${name}' is not implemented.`);
    };
  }
  if (typeof resolved !== 'function') return guardTest(machine, resolved);
  const { check, guards } = resolved;
  // As xstate's checkAnd, without going through xstate's evaluateGuard: a trainee's every reply is guarded by one.
  if (check === checkAnd) {
    const inner = guards!.map((each) => guardTest(machine, each));
    return (context, event, view) => inner.every((test) => test(context, event, view));
  }
  // One arguments object per guard, filled again at each test: a guard reads it and lets it go, and the analyses test guards millions of times.
  const args: { context: unknown; event: EventObject } = { context: undefined, event: { type: '' } };
  if (check) {
    return (context, event, view) => {
      args.context = context;
      args.event = event;
      return check(view, args, resolved);
    };
  }
  return (context, event) => {
    args.context = context;
    args.event = event;
    return resolved(args, paramsOf(guard, context, event));
  };
}

function paramsOf(reference: unknown, context: unknown, event: EventObject): unknown {
  if (typeof reference !== 'object' || reference === null || !('params' in reference)) return undefined;
  const { params } = reference as { params: unknown };
  return typeof params === 'function' ? params({ context, event }) : params;
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

/** A state's or transition's actions, each looked up once: the list is the machine's own, so it stands for them. */
const resolvedLists = new WeakMap<readonly unknown[], ResolvedAction[]>();

function resolveActions(machine: AnyStateMachine, actions: readonly unknown[]): ResolvedAction[] {
  let resolved = resolvedLists.get(actions);
  if (!resolved) resolvedLists.set(actions, (resolved = actions.map((action) => resolveAction(machine, action))));
  return resolved;
}

/** Runs actions as xstate resolves them in an inert scope; whether any assigned to the context. */
export function runActions(working: ActionsAt, actions: readonly unknown[], event: EventObject): boolean {
  if (!actions.length) return false;
  const { machine, scope } = working;
  let assigned = false;
  for (const { kind, builtIn, params: paramsFor } of resolveActions(machine, actions)) {
    if (kind === 'none' || kind === 'cancel') continue;
    // A raise of a fixed event with no delay needs nothing worked out (a call raises several such each step).
    if (kind === 'raise' && typeof builtIn!.event !== 'function' && builtIn!.delay === undefined) {
      working.queue.push(builtIn!.event as EventObject);
      continue;
    }
    const params = paramsFor(working.context, event);
    if (kind === 'assign') {
      // Filled again for each assign rather than made anew (a step runs several): an assign reads it and lets it go.
      const args = (working.assignArgs ??= { context: undefined, event, spawn: noSpawning, self: scope.self, system: scope.system });
      args.context = working.context;
      args.event = event;
      working.context = working.mergeContext(working.context, assignment(builtIn!.assignment, args, params));
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

function assignment(assigner: unknown, args: unknown, params: unknown): Record<string, unknown> {
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
