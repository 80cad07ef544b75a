/**
 * Route exploration walks situations breadth-first as @xstate/graph does, so
 * the shortest route it finds into a state is the one @xstate/graph's
 * getShortestPaths finds, over the same events and situations, and with the
 * same limit on how many situations are looked at.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getShortestPaths } from '@xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import { compileScenario, type CallEvent, type CallInput } from '../../src/engine/call/compile';
import { callStepper, decisiveLookups, eventsFor, routeToState, situationKey } from '../../src/engine/scenario/routes';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import { allNodes, buildStateTree } from '../../src/engine/scenario/state-tree';
import { loadScenarioFile } from '../helpers/play';

const LIBRARY = readdirSync('scenarios')
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => join('scenarios', name));

function graphRoute(scenario: Scenario, into: (snapshot: AnyMachineSnapshot) => boolean, limit: number): CallEvent[] | null {
  const { initial, step } = callStepper(compileScenario(scenario));
  let expanded = 0;
  const paths = getShortestPaths({ getInitialSnapshot: (_scope: unknown, input: CallInput) => initial(input), transition: step } as never, {
    events: eventsFor(scenario, decisiveLookups(scenario)),
    serializeState: situationKey(scenario),
    serializeEvent: (event: CallEvent) => (event.type === 'SAY' ? `SAY:${event.reply.replyId}` : JSON.stringify(event)),
    input: { seed: 'explore' },
    toState: into,
    stopWhen: (snapshot: AnyMachineSnapshot) => into(snapshot) || ++expanded > limit,
  } as never);
  return paths.length ? paths[0]!.steps.slice(1).map((step) => step.event as CallEvent) : null;
}

describe('the shortest route into a state', () => {
  it.each(LIBRARY)('%s: is the one @xstate/graph finds, within a limit that most searches meet and a tight one', (file) => {
    const scenario = loadScenarioFile(file);
    const states = allNodes(buildStateTree(scenario)).filter((node) => node.parent && !node.children.length);
    for (const state of states) {
      const path = state.path.join('.');
      const into = (snapshot: AnyMachineSnapshot) => snapshot.matches(state.path.reduceRight<unknown>((inner, key) => (inner === null ? key : { [key]: inner }), null) as never);
      for (const limit of [400, 60]) expect(routeToState(scenario, path, limit), `${path} within ${limit}`).toEqual(graphRoute(scenario, into, limit));
    }
  }, 60_000);
});
