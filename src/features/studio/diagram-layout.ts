/**
 * Automatic layout of the diagram with elkjs (layered, left to right), loaded
 * only when the studio draws its first diagram.
 */
import type { DiagramEdge, DiagramNode } from './diagram-model';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 64;

type Elk = { layout: (graph: unknown) => Promise<{ children?: { id: string; x?: number; y?: number }[] }> };
let elk: Promise<Elk> | null = null;

function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((module) => {
    const ELK = (module as unknown as { default: new () => Elk }).default;
    return new ELK();
  });
  return elk;
}

export async function layOut(nodes: DiagramNode[], edges: DiagramEdge[]): Promise<Map<string, { x: number; y: number }>> {
  const engine = await loadElk();
  const ids = new Set(nodes.map((node) => node.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '30',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: nodes.map((node) => ({ id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target).map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
  const laid = await engine.layout(graph);
  return new Map((laid.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
}
