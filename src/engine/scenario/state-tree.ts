/**
 * The scenario's states as a tree, with XState's rules for resolving a
 * transition target, so that a wrong target can be reported with the file
 * path of the transition rather than as an exception from deep in XState.
 */
import { transitionWrittenAt } from './handlers';
import type { Scenario, StateConfig, TransitionConfig } from './scenario-schema';

export interface StateNodeInfo {
  key: string;
  /** Keys from the top level down; empty for the root. */
  path: string[];
  id: string;
  /** Where this state is written in the scenario file, e.g. machine.states.venting. */
  at: string;
  config: StateConfig;
  parent: StateNodeInfo | null;
  children: StateNodeInfo[];
}

export interface TransitionInfo {
  source: StateNodeInfo;
  at: string;
  transition: TransitionConfig;
}

export function buildStateTree(scenario: Scenario): StateNodeInfo {
  const root: StateNodeInfo = {
    key: scenario.id,
    path: [],
    id: scenario.id,
    at: 'machine',
    config: { ...scenario.machine } as StateConfig,
    parent: null,
    children: [],
  };
  const grow = (node: StateNodeInfo) => {
    for (const [key, config] of Object.entries(node.config.states ?? {})) {
      const path = [...node.path, key];
      const child: StateNodeInfo = {
        key,
        path,
        id: config.id ?? [scenario.id, ...path].join('.'),
        at: `${node.at}.states.${key}`,
        config,
        parent: node,
        children: [],
      };
      node.children.push(child);
      grow(child);
    }
  };
  grow(root);
  return root;
}

export function allNodes(root: StateNodeInfo): StateNodeInfo[] {
  return [root, ...root.children.flatMap(allNodes)];
}

export function isAtomic(node: StateNodeInfo): boolean {
  return node.children.length === 0 && node.parent !== null;
}

export function transitionsOf(node: StateNodeInfo): TransitionInfo[] {
  const { on, always } = node.config;
  const listed: TransitionInfo[] = [];
  for (const [event, list] of Object.entries(on ?? {})) {
    list?.forEach((transition, i) => listed.push({ source: node, at: transitionWrittenAt(transition) ?? `${node.at}.on.${event}[${i}]`, transition }));
  }
  always?.forEach((transition, i) => listed.push({ source: node, at: transitionWrittenAt(transition) ?? `${node.at}.always[${i}]`, transition }));
  return listed;
}

function byPath(from: StateNodeInfo, path: string): StateNodeInfo | undefined {
  let node: StateNodeInfo | undefined = from;
  for (const key of path.split('.')) node = node?.children.find((child) => child.key === key);
  return node;
}

/** XState's rules: "#id" anywhere, ".child" below the source, otherwise a sibling of the source. */
export function resolveTarget(root: StateNodeInfo, source: StateNodeInfo, target: string): StateNodeInfo | string {
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const found = allNodes(root).find((node) => node.id === id);
    if (found) return found;
    // A copied scenario whose id was changed by hand still points at the original's states.
    const [first, ...rest] = id.split('.');
    const renamed = rest.length && first !== root.id ? allNodes(root).find((node) => node.id === [root.id, ...rest].join('.')) : undefined;
    return renamed
      ? `no state has the id "${id}"; this scenario's id is "${root.id}", so did you mean "#${renamed.id}"? (\`npm run scenario:rename -- <file> <new-id>\` renames an id and all its #targets)`
      : `no state has the id "${id}"`;
  }
  const keys = (node: StateNodeInfo) => node.children.map((child) => child.key).join(', ');
  if (target.startsWith('.')) {
    return byPath(source, target.slice(1)) ?? `"${source.key}" has no child state "${target.slice(1)}"; expected one of: ${keys(source)}`;
  }
  if (!source.parent) return `a transition on the machine itself must target ".state" or "#id", not "${target}"`;
  return (
    byPath(source.parent, target) ??
    `"${target}" is not a sibling of "${source.key}"; expected one of: ${keys(source.parent)}, or "#id" for a state elsewhere`
  );
}

/** The atomic state actually entered when a transition targets `node`. */
export function enteredLeaf(node: StateNodeInfo): StateNodeInfo {
  if (!node.children.length) return node;
  const initial = node.children.find((child) => child.key === node.config.initial) ?? node.children[0]!;
  return enteredLeaf(initial);
}
