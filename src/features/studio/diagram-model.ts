/**
 * The statechart as boxes and arrows: every state the scenario writes, each
 * transition labelled with its event and guard in words, endings by
 * outcome, and the states the checker found unreachable or stuck.
 */
import { describeGuard } from '../../engine/scenario/describe';
import { handlersUsedBy } from '../../engine/scenario/handlers';
import type { FileProblem } from '../../engine/scenario/scenario-loader';
import type { Scenario, StateConfig } from '../../engine/scenario/scenario-schema';
import { allNodes, buildStateTree, resolveTarget, transitionsOf } from '../../engine/scenario/state-tree';

export type StateKind = 'state' | 'group' | 'resolved' | 'referred' | 'lost';

export interface DiagramNode {
  id: string;
  label: string;
  /** Where the state is written, e.g. machine.states.venting. */
  at: string;
  kind: StateKind;
  beat?: string;
  best?: boolean;
  handlers: string[];
  trouble?: 'unreachable' | 'stuck' | 'error';
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  at: string;
}

export const ANYWHERE = '(any state)';

/** The state config as written in the file, before shared handlers are expanded. */
function writtenState(raw: unknown, path: string[]): StateConfig | undefined {
  let node = (raw as { machine?: StateConfig } | null)?.machine;
  for (const key of path) node = node?.states?.[key];
  return node;
}

export function diagramOf(scenario: Scenario, problems: FileProblem[], raw: unknown = null): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const root = buildStateTree(scenario);
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (const node of allNodes(root)) {
    if (!node.parent) continue;
    const ending = node.config.meta?.ending;
    const mine = problems.filter((problem) => problem.severity === 'error' && problem.path === node.at);
    nodes.push({
      id: node.path.join('.'),
      label: node.path.join('.'),
      at: node.at,
      kind: ending ? ending.outcome : node.children.length ? 'group' : 'state',
      ...(node.config.meta?.beat ? { beat: node.config.meta.beat } : {}),
      ...(ending?.best ? { best: true } : {}),
      handlers: [...new Set(handlersUsedBy(writtenState(raw, node.path) ?? {}).map((use) => use.handler))],
      ...(mine.some((problem) => /never be entered/.test(problem.message)) ? { trouble: 'unreachable' as const } : mine.some((problem) => /no way out|no ending can be reached/.test(problem.message)) ? { trouble: 'stuck' as const } : mine.length ? { trouble: 'error' as const } : {}),
    });
    if (node.children.length && node.config.initial) {
      edges.push({ id: `${node.at}.initial`, source: node.path.join('.'), target: [...node.path, node.config.initial].join('.'), label: 'starts in', at: `${node.at}.initial` });
    }
  }
  const hasMachineEdges = transitionsOf(root).some(({ transition }) => transition.target !== undefined);
  if (hasMachineEdges) nodes.push({ id: ANYWHERE, label: ANYWHERE, at: 'machine.on', kind: 'state', handlers: [] });
  for (const node of allNodes(root)) {
    for (const { transition, at } of transitionsOf(node)) {
      if (transition.target === undefined) continue;
      const target = resolveTarget(root, node, transition.target);
      if (typeof target === 'string') continue;
      const event = at.startsWith('handlers.') ? `via ${at.split('.')[1]!.replace(/\[.*$/, '')}` : at.includes('.always[') ? 'always' : (/\.on\.([A-Z_]+)\[/.exec(at)?.[1] ?? '');
      edges.push({
        id: `${node.path.join('.') || 'machine'}:${at}:${edges.length}`,
        source: node.parent ? node.path.join('.') : ANYWHERE,
        target: target.path.join('.'),
        label: `${event}${transition.guard ? `: ${describeGuard(transition.guard)}` : ''}`,
        at,
      });
    }
  }
  return { nodes, edges };
}
