/**
 * Stepping a compiled call machine without running it: the analyses (route
 * exploration, the score search) play hundreds of thousands of steps, and
 * xstate's transition() builds a new actor for each, which also starts a call
 * from nothing every time. One inert scope (as @xstate/graph uses) serves
 * every step; the actions the machine would hand back are not wanted here.
 */
import { createEmptyActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { CallEvent, CallInput } from '../call/compile';

export interface MachineStepper {
  initial: (input: CallInput) => AnyMachineSnapshot;
  step: (snapshot: AnyMachineSnapshot, event: CallEvent) => AnyMachineSnapshot;
}

export function machineStepper(machine: AnyStateMachine): MachineStepper {
  const self = createEmptyActor();
  const scope = { self, logger: () => {}, id: '', sessionId: '', defer: () => {}, system: self.system, stopChild: () => {}, emit: () => {}, actionExecutor: () => {} } as unknown as AnyActorScope;
  return {
    initial: (input) => machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot,
    step: (snapshot, event) => machine.transition(snapshot, event as never, scope) as AnyMachineSnapshot,
  };
}
