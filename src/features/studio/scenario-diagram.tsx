/**
 * The statechart drawn with React Flow: zoom and pan, endings coloured by
 * outcome, unreachable and stuck states marked, a click selects a state.
 */
import { Background, BaseEdge, Controls, EdgeLabelRenderer, getBezierPath, MarkerType, Position, ReactFlow, type Edge, type EdgeProps, type FitViewOptions, type Node, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FileProblem } from '../../engine/scenario/scenario-loader';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { layOut, LayoutSuperseded } from './diagram-layout';
import { diagramOf, type DiagramNode } from './diagram-model';

const KIND_TEXT: Record<DiagramNode['kind'], string> = { state: '', group: 'group', resolved: 'ending: resolved', referred: 'ending: referred', lost: 'ending: lost' };
const TROUBLE_TEXT = { unreachable: 'never entered', stuck: 'stuck: no way on', error: 'has an error' } as const;

function NodeLabel({ node, playing }: { node: DiagramNode; playing: boolean }) {
  const notes = [playing ? 'the play-test is here' : '', KIND_TEXT[node.kind], node.best ? 'best' : '', node.beat ? `replies: ${node.beat}` : '', node.handlers.length ? `uses ${node.handlers.join(', ')}` : '', node.trouble ? TROUBLE_TEXT[node.trouble] : ''].filter(Boolean);
  return (
    <div className="diagram-node-label">
      <strong>{node.label}</strong>
      {notes.length > 0 && <span>{notes.join(' · ')}</span>}
    </div>
  );
}

/**
 * An edge whose guard label is plain HTML over the diagram. React Flow's own
 * SVG labels measure themselves one by one (getBBox), which at 200 states
 * blocked the page for seconds.
 */
function GuardEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, markerEnd }: EdgeProps) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      {label ? (
        <EdgeLabelRenderer>
          <div className="diagram-edge-label" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

const EDGE_TYPES = { guard: GuardEdge };

/** Below this zoom a state's name cannot be read; the opening view and a selected state never go smaller. */
const READABLE_ZOOM = 0.85;
/** How far right of the start (in layout pixels) the opening view reaches: the first few steps of the call. */
const OPENING_WIDTH = 700;

/**
 * The first steps of the call, left to right, to fit the opening view to:
 * fitting a whole scenario into the panel shrinks its names past reading,
 * and the trainer reads a call from its start. "Fit view" shows it all.
 */
function openingView(positions: Map<string, { x: number; y: number }>): FitViewOptions {
  const xs = [...positions.values()].map((position) => position.x);
  const start = Math.min(...xs);
  const nodes = [...positions].filter(([, position]) => position.x <= start + OPENING_WIDTH).map(([id]) => ({ id }));
  return { nodes, minZoom: READABLE_ZOOM, maxZoom: 1 };
}

/** `playing`: the state a play-test is in, marked and brought into view as the test moves on. */
export function ScenarioDiagram({ scenario, problems, raw, selected, playing = null, onSelect }: { scenario: Scenario; problems: FileProblem[]; raw: unknown; selected: string | null; playing?: string | null; onSelect: (state: DiagramNode) => void }) {
  // An edit that leaves the boxes and arrows as they were (a title, a line's words) keeps the same model, so the
  // diagram is neither laid out nor drawn again: at 200 states that took seconds per keystroke.
  const drawn = useRef<{ key: string; model: ReturnType<typeof diagramOf> } | null>(null);
  const model = useMemo(() => {
    const next = diagramOf(scenario, problems, raw);
    const key = JSON.stringify(next);
    if (drawn.current?.key !== key) drawn.current = { key, model: next };
    return drawn.current.model;
  }, [scenario, problems, raw]);
  const [positions, setPositions] = useState<Map<string, { x: number; y: number }> | null>(null);
  const [layoutMs, setLayoutMs] = useState<number | null>(null);
  const [laying, setLaying] = useState<{ states: number; seconds: number } | null>(null);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    let live = true;
    const started = performance.now();
    setLaying({ states: model.nodes.length, seconds: 0 });
    // The layout runs in a worker, so the page stays usable; the seconds say it has not stalled.
    const ticking = setInterval(() => setLaying({ states: model.nodes.length, seconds: Math.round((performance.now() - started) / 1000) }), 1000);
    layOut(model.nodes, model.edges)
      .then((laid) => {
        if (!live) return;
        setPositions(laid);
        setLayoutMs(Math.round(performance.now() - started));
        setFailure('');
      })
      .catch((error: unknown) => {
        if (live && !(error instanceof LayoutSuperseded)) setFailure(`Could not lay out the diagram: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        clearInterval(ticking);
        if (live) setLaying(null);
      });
    return () => {
      live = false;
      clearInterval(ticking);
    };
  }, [model]);

  const nodes: Node[] = useMemo(
    () =>
      model.nodes.map((node) => ({
        id: node.id,
        position: positions?.get(node.id) ?? { x: 0, y: 0 },
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
        data: { label: <NodeLabel node={node} playing={playing === node.id} /> },
        className: ['diagram-node', `kind-${node.kind}`, node.best ? 'best' : '', node.trouble ? `trouble-${node.trouble}` : '', selected === node.id ? 'selected-state' : '', playing === node.id ? 'playing-state' : ''].filter(Boolean).join(' '),
        ariaLabel: `State ${node.label}${node.kind !== 'state' ? `, ${KIND_TEXT[node.kind]}` : ''}${node.trouble ? `, ${TROUBLE_TEXT[node.trouble]}` : ''}${playing === node.id ? ', the play-test is here' : ''}`,
      })),
    [model, positions, selected, playing],
  );
  const flow = useRef<ReactFlowInstance | null>(null);
  // A state chosen in the forms or the problem list, or the one a play-test moved to, is brought into view, at a size that can be read.
  const inView = playing ?? selected;
  useEffect(() => {
    const node = inView && positions?.has(inView) ? flow.current?.getNode(inView) : undefined;
    if (!node || !flow.current) return;
    const zoom = Math.max(flow.current.getZoom(), READABLE_ZOOM);
    void flow.current.setCenter(node.position.x + (node.measured?.width ?? 0) / 2, node.position.y + (node.measured?.height ?? 0) / 2, { zoom, duration: 300 });
  }, [inView, positions]);
  const edges: Edge[] = useMemo(
    () => model.edges.map((edge) => ({ id: edge.id, type: 'guard', source: edge.source, target: edge.target, label: edge.label, markerEnd: { type: MarkerType.ArrowClosed }, className: 'diagram-edge' })),
    [model],
  );
  // Props that stay the same object while the drawing is unchanged: React Flow copies every changed prop into its
  // store, and each of the 200 nodes then renders again, on every keystroke in the forms.
  const opening = useMemo(() => (positions ? openingView(positions) : undefined), [positions]);
  const onInit = useCallback((instance: ReactFlowInstance) => void (flow.current = instance), []);
  const onNodeClick = useCallback(
    (_: unknown, node: Node) => {
      const found = model.nodes.find((candidate) => candidate.id === node.id);
      if (found) onSelect(found);
    },
    [model, onSelect],
  );

  return (
    <div className="studio-diagram" data-testid="studio-diagram" data-laid-out={positions ? 'yes' : 'no'} data-layout-ms={layoutMs ?? ''} aria-busy={laying ? 'true' : 'false'}>
      <p role="status" className={positions ? 'diagram-progress over-diagram' : 'diagram-progress'}>
        {failure || (laying ? `Laying out ${laying.states} states…${laying.seconds ? ` ${laying.seconds} s` : ''}${positions ? ' (the diagram shows the previous layout until then)' : ''}` : '')}
      </p>
      {positions && (
      <ReactFlow
        nodes={nodes}
        edges={edges}
        edgeTypes={EDGE_TYPES}
        fitView
        fitViewOptions={opening}
        onInit={onInit}
        minZoom={0.05}
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={onNodeClick}
        proOptions={{ hideAttribution: false }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
      )}
    </div>
  );
}
