/**
 * What `npm run scenarios:check` (and the studio's analysis) says about a
 * scenario: its size, endings and the shortest route to each, the best and
 * worst score (exact, or a bound that says how far the search looked), why
 * the best route does not score 100, prepared replies no route ever offers,
 * and, when the best ending cannot be reached, where the way is blocked.
 */
import type { AnyMachineSnapshot } from 'xstate';
import { beatOf } from '../call/call';
import { endingOf, type CallEvent } from '../call/compile';
import type { CallRecord } from '../call/transcript';
import { exploreRoutes, type Exploration } from './routes';
import type { Ending, Scenario } from './scenario-schema';
import { DEFAULT_SCORE_LIMITS, searchScore, type ScoreExtreme, type ScoreSearchLimits } from './score-search';
import { allNodes, buildStateTree, enteredLeaf, isAtomic, resolveTarget, transitionsOf, type StateNodeInfo } from './state-tree';
import { describeGuard } from './describe';

/** Kept here too: it lived in this module before the score search needed it, and other code imports it from here. */
export { idealNotes } from './ideal-notes';

export interface EndingReport {
  state: string;
  ending: Ending;
  reached: boolean;
  shortest: string[];
}

export interface ScoreReport {
  score: number;
  route: string;
  exact: boolean;
  /** "exact: …" or "a bound (…)": how the figure was established. */
  basis: string;
}

/** A point the best route still loses, and the behaviour it belongs to. */
export interface LostPoint {
  competency: string;
  behaviour: string;
  lost: number;
  note: string;
}

export interface BlockedStep {
  /** The state the trainee can reach, on the way to the best ending. */
  state: string;
  /** The transition that would lead on, where it is written, and its guard in words. */
  at: string;
  target: string;
  guard: string;
}

export interface ScenarioReport {
  id: string;
  states: number;
  endings: EndingReport[];
  situations: number;
  routes: number;
  routesCapped: boolean;
  truncated: boolean;
  best: ScoreReport | null;
  worst: ScoreReport | null;
  /** Why the best route is not 100: every behaviour it loses points on. */
  whyNot100: LostPoint[];
  /** Prepared replies no reachable state ever offers, with where they are written. */
  unusedReplies: { id: string; at: string }[];
  /** When no route reaches the best ending: the reachable states on the way there whose way on never opens. */
  blocked: BlockedStep[];
}

export function describeEvent(event: CallEvent): string {
  if (event.type === 'SAY') return event.reply.replyId ?? `"${event.reply.text}"`;
  if (event.type === 'LOOKUP') return `LOOKUP ${event.section}`;
  if (event.type === 'ESCALATE_CALL') return 'ESCALATE';
  if (event.type === 'END_CALL') return 'HANG_UP';
  return event.type;
}

export function routeText(record: CallRecord): string {
  return record.transcript.flatMap((entry) => {
    if (entry.kind === 'trainee') return [entry.replyId ?? 'typed'];
    if (entry.kind === 'event' && (entry.event === 'escalate' || entry.event === 'lookup')) return [entry.section ? `LOOKUP ${entry.section}` : entry.event.toUpperCase()];
    return [];
  }).join(' → ');
}

function scoreReport(extreme: ScoreExtreme): ScoreReport | null {
  if (!extreme.found) return null;
  return { score: extreme.found.score, route: routeText(extreme.found.record), exact: extreme.exact, basis: extreme.basis };
}

export function whyNot100(extreme: ScoreExtreme): LostPoint[] {
  const scorecard = extreme.found?.scorecard;
  if (!scorecard) return [];
  const lost: LostPoint[] = [];
  if (scorecard.cap) lost.push({ competency: 'overall', behaviour: 'ending', lost: 100 - scorecard.cap.maxScore, note: scorecard.cap.reason });
  for (const competency of scorecard.competencies) {
    if (competency.score === null || competency.weight === 0) continue;
    for (const behaviour of competency.behaviours) {
      if (!behaviour.applicable || behaviour.earned >= behaviour.points) continue;
      const notes = behaviour.findings.filter((finding) => finding.points < 0).map((finding) => finding.note);
      lost.push({ competency: competency.title, behaviour: behaviour.title, lost: Math.round((behaviour.points - behaviour.earned) * 10) / 10, note: notes.join('; ') || 'points withheld' });
    }
  }
  return lost;
}

function leafOf(root: StateNodeInfo, value: unknown): StateNodeInfo | undefined {
  let node: StateNodeInfo | undefined = root;
  let rest = value;
  while (node && rest !== undefined) {
    if (typeof rest === 'string') return node.children.find((child) => child.key === rest);
    const [key, inner] = Object.entries(rest as Record<string, unknown>)[0] ?? [];
    node = node.children.find((child) => child.key === key);
    rest = inner;
  }
  return node;
}

function unusedReplies(scenario: Scenario, snapshots: AnyMachineSnapshot[]) {
  // A beat offers all its replies wherever it is reached, so the beats reached are what count.
  const beats = new Set(snapshots.map(beatOf));
  const offered = new Set([...beats].flatMap((beat) => (beat ? (scenario.replies[beat] ?? []).map((reply) => reply.id) : [])));
  return Object.entries(scenario.replies).flatMap(([beat, replies]) =>
    replies.flatMap((reply, i) => (offered.has(reply.id) ? [] : [{ id: reply.id, at: `replies.${beat}[${i}]` }])),
  );
}

/**
 * The reachable states from which the best ending could be reached if guards
 * allowed, and the transitions out of them towards it that no prepared reply
 * ever takes: that is where the way to the best ending is blocked.
 */
export function blockedSteps(scenario: Scenario, snapshots: AnyMachineSnapshot[]): BlockedStep[] {
  const root = buildStateTree(scenario);
  const leaves = allNodes(root).filter(isAtomic);
  const reached = new Set(snapshots.map((snapshot) => leafOf(root, snapshot.value)).filter((leaf): leaf is StateNodeInfo => Boolean(leaf)));
  const edges = new Map<StateNodeInfo, { to: StateNodeInfo; at: string; guard: string }[]>();
  for (const leaf of leaves) {
    const out: { to: StateNodeInfo; at: string; guard: string }[] = [];
    for (let node: StateNodeInfo | null = leaf; node && node !== root; node = node.parent) {
      for (const { transition, at } of transitionsOf(node)) {
        if (transition.target === undefined) continue;
        const target = resolveTarget(root, node, transition.target);
        if (typeof target !== 'string') out.push({ to: enteredLeaf(target), at, guard: describeGuard(transition.guard) });
      }
    }
    edges.set(leaf, out);
  }
  const toBest = new Set(leaves.filter((leaf) => leaf.config.meta?.ending?.best));
  for (let grew = true; grew; ) {
    grew = false;
    for (const leaf of leaves) {
      if (!toBest.has(leaf) && edges.get(leaf)!.some((edge) => toBest.has(edge.to))) {
        toBest.add(leaf);
        grew = true;
      }
    }
  }
  return [...reached]
    .filter((leaf) => toBest.has(leaf))
    .flatMap((leaf) =>
      edges.get(leaf)!
        .filter((edge) => toBest.has(edge.to) && !reached.has(edge.to))
        .map((edge) => ({ state: leaf.path.join('.'), at: edge.at, target: edge.to.path.join('.'), guard: edge.guard })),
    );
}

export interface ReportOptions {
  exploration?: Exploration;
  limits?: ScoreSearchLimits;
}

export function reportScenario(scenario: Scenario, { exploration = exploreRoutes(scenario), limits = DEFAULT_SCORE_LIMITS }: ReportOptions = {}): ScenarioReport {
  const nodes = allNodes(buildStateTree(scenario)).filter((node) => node.parent);
  const endings = nodes
    .filter((node) => node.config.type === 'final')
    .map((node): EndingReport => {
      const found = exploration.endings.get(node.key);
      return { state: node.key, ending: node.config.meta!.ending!, reached: Boolean(found), shortest: found?.shortest.map(describeEvent) ?? [] };
    });
  for (const [state, found] of exploration.endings) {
    if (!endings.some((ending) => ending.state === state)) {
      endings.push({ state, ending: endingOf(scenario, state)!, reached: true, shortest: found.shortest.map(describeEvent) });
    }
  }
  // Route exploration's finished calls are real routes: a perfect one among them settles the best at once.
  const seeds = [...exploration.endings.values()].flatMap((ending) => ending.finals);
  const best = searchScore(scenario, 'best', { limits, seeds });
  const worst = searchScore(scenario, 'worst', { limits, seeds });
  const bestReached = endings.some((ending) => ending.ending.best && ending.reached);
  return {
    id: scenario.id,
    states: nodes.length,
    endings,
    situations: exploration.situations,
    routes: exploration.routes,
    routesCapped: exploration.routesCapped,
    truncated: exploration.truncated,
    best: scoreReport(best),
    worst: scoreReport(worst),
    whyNot100: whyNot100(best),
    unusedReplies: unusedReplies(scenario, exploration.snapshots),
    blocked: bestReached ? [] : blockedSteps(scenario, exploration.snapshots),
  };
}
