/**
 * Automatic layout of the diagram with elkjs (layered, left to right), in a
 * Web Worker: at 200 states elk needs seconds, and on the page's own thread
 * those seconds froze the studio. The worker starts when the studio draws its
 * first diagram.
 */
import ElkConstructor, { type ELK, type ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramEdge, DiagramNode } from './diagram-model';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 64;

/** A layout older than this is abandoned when a newer one is asked for: restarting the worker is quicker than waiting. */
const ABANDON_AFTER_MS = 300;

export class LayoutSuperseded extends Error {
  constructor() {
    super('A newer layout was asked for');
    this.name = 'LayoutSuperseded';
  }
}

interface Job {
  started: number;
  reject: (error: Error) => void;
}

let engine: ELK | null = null;
const running = new Set<Job>();
/** Most edits leave the graph's shape alone (a reply's text, a mood effect): its layout is the one already made or on its way. */
let latest: { shape: string; positions: Promise<Map<string, { x: number; y: number }>> } | null = null;

function startEngine(): ELK {
  return new ElkConstructor({ workerFactory: () => new Worker(new URL('./diagram-layout-worker.ts', import.meta.url), { type: 'module', name: 'diagram layout' }) });
}

function abandonStaleWork(now: number) {
  if (!engine || ![...running].some((job) => now - job.started > ABANDON_AFTER_MS)) return;
  engine.terminateWorker();
  engine = null;
  for (const job of running) job.reject(new LayoutSuperseded());
  running.clear();
}

/** Positions of the nodes' top-left corners; rejects with LayoutSuperseded when a newer layout made this one moot. */
export function layOut(nodes: DiagramNode[], edges: DiagramEdge[]): Promise<Map<string, { x: number; y: number }>> {
  const ids = new Set(nodes.map((node) => node.id));
  const graph: ElkNode = {
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
  const shape = JSON.stringify(graph);
  if (latest?.shape === shape) return latest.positions;
  const now = performance.now();
  abandonStaleWork(now);
  engine ??= startEngine();
  const positions = new Promise<Map<string, { x: number; y: number }>>((resolve, reject) => {
    const job: Job = { started: now, reject };
    running.add(job);
    engine!.layout(graph).then(
      (laid) => {
        running.delete(job);
        resolve(new Map((laid.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }])));
      },
      (error: unknown) => {
        running.delete(job);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  latest = { shape, positions };
  // A failed layout is not kept: the same shape asked again tries again.
  positions.catch(() => {
    if (latest?.positions === positions) latest = null;
  });
  return positions;
}
