/**
 * Loops a trainee would meet: a state where a reply carrying the very act the
 * state listens for leaves the customer saying the same line again, and a
 * line said more than twice on the best route. Both are found by playing the
 * scenario, not by reading it, so shared handlers and engine reactions count.
 */
import { createActor, type AnyMachineSnapshot } from 'xstate';
import { isHarmful, type DialogueAct } from '../acts';
import { preparedToTrainee, viewOf } from '../call/call';
import type { CallContext } from '../call/call-context';
import { compileScenario, type CallEvent } from '../call/compile';
import { findBestRoute } from './routes';
import type { GuardRef, Scenario } from './scenario-schema';
import { allNodes, buildStateTree, transitionsOf } from './state-tree';

export interface LoopFinding {
  /** The state the customer was in, as a dotted path. */
  state: string;
  message: string;
}

/** The most times any line may be said on the best route before it reads as a loop. */
export const MOST_REPEATS = 2;

function actsListenedFor(guard: GuardRef | undefined): DialogueAct[] {
  if (!guard) return [];
  if (guard.type === 'said') return [...(guard.params.anyOf ?? []), ...(guard.params.allOf ?? [])] as DialogueAct[];
  if (guard.type === 'all' || guard.type === 'any') return guard.params.of.flatMap(actsListenedFor);
  return [];
}

function statePath(snapshot: AnyMachineSnapshot): string {
  const walk = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => [key, ...walk(child)]);
  return walk(snapshot.value).join('.');
}

/** Each customer line with its words: a line said again in other words (another variant) is no loop. */
function linesOf(snapshot: AnyMachineSnapshot): { line: string; text: string }[] {
  return (snapshot.context as CallContext).transcript.flatMap((entry) => (entry.kind === 'customer' ? [{ line: entry.line, text: entry.text }] : []));
}

export function findLoops(scenario: Scenario): LoopFinding[] {
  const best = findBestRoute(scenario);
  if (!best.found) return [];
  const machine = compileScenario(scenario);
  const listening = new Map<string, Set<DialogueAct>>();
  for (const node of allNodes(buildStateTree(scenario))) {
    const acts = transitionsOf(node).flatMap(({ transition }) => actsListenedFor(transition.guard)).filter((act) => !isHarmful(act));
    listening.set(node.key, new Set(acts));
  }
  const findings: LoopFinding[] = [];
  const seen = new Set<string>();
  const actor = createActor(machine, { input: { seed: 'loops' } });
  actor.start();
  for (const event of best.events) {
    const before = actor.getSnapshot() as AnyMachineSnapshot;
    const view = viewOf(scenario, before);
    const here = statePath(before);
    if (view.status === 'live' && !seen.has(here)) {
      seen.add(here);
      const leaf = here.split('.').at(-1)!;
      const wanted = listening.get(leaf) ?? new Set();
      for (const reply of view.replies.filter((candidate) => candidate.acts.some((act) => wanted.has(act)))) {
        const say: CallEvent = { type: 'SAY', reply: preparedToTrainee(reply) };
        const probe = createActor(machine, { input: { seed: 'loops' }, snapshot: actor.getPersistedSnapshot() });
        probe.start();
        probe.send(say);
        const once = probe.getSnapshot() as AnyMachineSnapshot;
        // A reply that ends the call cannot be said again, nor loop.
        if (once.status === 'active') {
          const firstLines = linesOf(once).slice(linesOf(before).length);
          probe.send(say);
          const twice = probe.getSnapshot() as AnyMachineSnapshot;
          const secondLines = linesOf(twice).slice(linesOf(once).length);
          const repeated = secondLines.find((second) => firstLines.some((first) => first.line === second.line && first.text === second.text));
          if (repeated && statePath(twice) === statePath(once) && twice.status === 'active') {
            findings.push({ state: here, message: `"${reply.id}" (${reply.acts.join(', ')}) said twice leaves the customer repeating the line "${repeated.line}" word for word (give it another variant, or move the call on)` });
          }
        }
        probe.stop();
      }
    }
    actor.send(event);
  }
  const counts = new Map<string, number>();
  for (const { line } of linesOf(actor.getSnapshot() as AnyMachineSnapshot)) counts.set(line, (counts.get(line) ?? 0) + 1);
  for (const [line, count] of counts) {
    if (count > MOST_REPEATS) findings.push({ state: 'best route', message: `the line "${line}" is said ${count} times` });
  }
  actor.stop();
  return findings;
}
