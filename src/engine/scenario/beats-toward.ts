/**
 * How far each beat of a scenario is from one of its endings, in
 * transitions: the beats of the route a call took to that ending, nearest
 * first. Beats on a branch that cannot reach it (a referral, when the call
 * was resolved here) are left out. Used to take coaching examples from the
 * part of the scenario the trainee was in.
 */
import type { Scenario } from './scenario-schema';
import { allNodes, buildStateTree, enteredLeaf, isAtomic, resolveTarget, transitionsOf, type StateNodeInfo } from './state-tree';

/** The beat a state offers replies for: its own, or its nearest parent's. */
function beatOf(node: StateNodeInfo): string | undefined {
  for (let at: StateNodeInfo | null = node; at; at = at.parent) if (at.config.meta?.beat) return at.config.meta.beat;
  return undefined;
}

const memory = new WeakMap<Scenario, Map<string, ReadonlyMap<string, number>>>();

export function beatsToward(scenario: Scenario, endingState: string): ReadonlyMap<string, number> {
  let byEnding = memory.get(scenario);
  if (!byEnding) memory.set(scenario, (byEnding = new Map()));
  const known = byEnding.get(endingState);
  if (known) return known;
  const root = buildStateTree(scenario);
  const leaves = allNodes(root).filter(isAtomic);
  // Edges reversed: for each leaf, the leaves that can step into it (a parent's transitions are its children's).
  const into = new Map<StateNodeInfo, StateNodeInfo[]>(leaves.map((leaf) => [leaf, []]));
  for (const leaf of leaves) {
    for (let node: StateNodeInfo | null = leaf; node && node !== root; node = node.parent) {
      for (const { transition } of transitionsOf(node)) {
        if (transition.target === undefined) continue;
        const target = resolveTarget(root, node, transition.target);
        if (typeof target !== 'string') into.get(enteredLeaf(target))?.push(leaf);
      }
    }
  }
  const steps = new Map<StateNodeInfo, number>();
  const ending = leaves.find((leaf) => leaf.path.join('.') === endingState || leaf.key === endingState);
  const queue = ending ? [ending] : [];
  if (ending) steps.set(ending, 0);
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const from of into.get(next) ?? []) {
      if (steps.has(from)) continue;
      steps.set(from, steps.get(next)! + 1);
      queue.push(from);
    }
  }
  const beats = new Map<string, number>();
  for (const [node, distance] of steps) {
    const beat = beatOf(node);
    if (beat && (beats.get(beat) ?? Infinity) > distance) beats.set(beat, distance);
  }
  byEnding.set(endingState, beats);
  return beats;
}
