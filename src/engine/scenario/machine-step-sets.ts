/**
 * Which states a transition leaves and which it enters, by xstate's rules
 * (SCXML's, for machines without parallel or history states), for
 * machine-step.ts. They follow xstate's getTransitionDomain, computeExitSet
 * and computeEntrySet.
 */
import type { AnyStateNode } from 'xstate';

/** A transition as xstate resolves it from the machine's config. */
export interface Transition {
  source: AnyStateNode;
  target?: readonly AnyStateNode[];
  actions: readonly unknown[];
  reenter: boolean;
  guard?: unknown;
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
export function transitionDomain(transition: Transition): AnyStateNode | undefined {
  const targets = transition.target ?? [];
  if (!transition.reenter && targets.every((target) => target === transition.source || isDescendant(target, transition.source))) return transition.source;
  const [head, ...tail] = [...targets, transition.source];
  for (const ancestor of properAncestors(head!, undefined)) {
    if (tail.every((node) => isDescendant(node, ancestor))) return ancestor;
  }
  return transition.reenter ? undefined : transition.source.machine.root;
}

/** The active states a transition leaves, deepest and latest first. */
export function exitSet(transition: Transition, domain: AnyStateNode | undefined, active: Iterable<AnyStateNode>): AnyStateNode[] {
  const exits = new Set<AnyStateNode>();
  if (transition.reenter && transition.source === domain) exits.add(domain);
  for (const node of active) if (isDescendant(node, domain)) exits.add(node);
  return [...exits].sort((a, b) => b.order - a.order);
}

/** The states a transition enters: its targets, their ancestors within the domain, and the initial states below them. */
export function entrySet(transition: Transition, domain: AnyStateNode | undefined) {
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
