/**
 * Checks beyond the shape of a scenario: every name it uses exists, every
 * state is reachable and has a way out, and every state can still end.
 * Each problem carries the path inside the file where it was written.
 */
import { ENGINE_LINES } from '../call/call-context';
import { categoryAskedBy, isHarmful } from '../acts';
import { containsPhrase } from '../text';
import type { ActionRef, GuardRef, Scenario, StateConfig } from './scenario-schema';
import { ACCOUNT_SECTIONS, ENGINE_STATES } from '../vocabulary';
import { checklistRow } from '../scoring/checklist';
import {
  allNodes,
  buildStateTree,
  enteredLeaf,
  isAtomic,
  resolveTarget,
  transitionsOf,
  type StateNodeInfo,
} from './state-tree';

export interface Problem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export function checkScenario(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const error = (path: string, message: string) => problems.push({ path, message, severity: 'error' });
  const warn = (path: string, message: string) => problems.push({ path, message, severity: 'warning' });
  const root = buildStateTree(scenario);
  const nodes = allNodes(root);
  const known = (kind: string, name: string, names: string[]) =>
    `${kind} "${name}" is not defined; expected one of: ${names.length ? names.join(', ') : '(none defined)'}`;

  const facts = Object.keys(scenario.facts);
  const lines = [...new Set([...Object.keys(scenario.lines), ...Object.keys(ENGINE_LINES)])];
  const resolutions = Object.keys(scenario.policy.resolutions);
  const beats = Object.keys(scenario.replies);
  const sections: string[] = [...ACCOUNT_SECTIONS, ...Object.keys(scenario.account.sections)];
  const checkSection = (section: string, path: string) => {
    if (!sections.includes(section)) error(path, known('account section', section, sections));
  };
  const setFlags = new Set<string>();
  const usedLines = new Set<string>();
  const usedBeats = new Set<string>();

  const checkGuard = (guard: GuardRef, path: string) => {
    if (guard.type === 'knows') {
      guard.params.facts.forEach((fact, i) => {
        if (!facts.includes(fact)) error(`${path}.params.facts[${i}]`, known('fact', fact, facts));
      });
    } else if (guard.type === 'flagged' && !scenario.flags.includes(guard.params.flag)) {
      error(`${path}.params.flag`, known('flag', guard.params.flag, scenario.flags));
    } else if (guard.type === 'offered' && guard.params.resolution && !resolutions.includes(guard.params.resolution)) {
      error(`${path}.params.resolution`, known('resolution', guard.params.resolution, resolutions));
    } else if (guard.type === 'lookedUp') {
      checkSection(guard.params.section, `${path}.params.section`);
    } else if (guard.type === 'all' || guard.type === 'any') {
      guard.params.of.forEach((inner, i) => checkGuard(inner, `${path}.params.of[${i}]`));
    } else if (guard.type === 'not') {
      checkGuard(guard.params.guard, `${path}.params.guard`);
    }
  };
  const checkActions = (actions: ActionRef[] | undefined, path: string) =>
    actions?.forEach((action, i) => {
      const at = `${path}[${i}]`;
      if (action.type === 'say') {
        usedLines.add(action.params.line);
        if (!lines.includes(action.params.line)) error(`${at}.params.line`, known('line', action.params.line, lines));
      } else if (action.type === 'reveal' && !facts.includes(action.params.fact)) {
        error(`${at}.params.fact`, known('fact', action.params.fact, facts));
      } else if (action.type === 'flag') {
        setFlags.add(action.params.flag);
        if (!scenario.flags.includes(action.params.flag)) error(`${at}.params.flag`, known('flag', action.params.flag, scenario.flags));
      }
    });

  // Targets, guards and actions of every transition; remember each resolved edge.
  const edges = new Map<StateNodeInfo, Set<StateNodeInfo>>();
  for (const node of nodes) {
    for (const { transition, at } of transitionsOf(node)) {
      if (transition.guard) checkGuard(transition.guard, `${at}.guard`);
      checkActions(transition.actions, `${at}.actions`);
      if (transition.target === undefined) continue;
      const target = resolveTarget(root, node, transition.target);
      if (typeof target === 'string') error(`${at}.target`, target);
      else edges.set(node, (edges.get(node) ?? new Set()).add(enteredLeaf(target)));
    }
  }

  for (const node of nodes) {
    const { config, at } = node;
    checkActions(config.entry, `${at}.entry`);
    checkActions(config.exit, `${at}.exit`);
    if (node.parent === root && (ENGINE_STATES as readonly string[]).includes(node.key)) {
      error(at, `"${node.key}" is a state the engine adds to every call; choose another name`);
    }
    if (node.children.length && !node.children.some((child) => child.key === config.initial)) {
      error(`${at}.initial`, config.initial === undefined
        ? `a state with child states needs "initial"; expected one of: ${node.children.map((c) => c.key).join(', ')}`
        : known('child state', config.initial, node.children.map((c) => c.key)));
    }
    if (!node.children.length && node.parent && config.initial !== undefined) {
      error(`${at}.initial`, 'only a state with child states can have "initial"');
    }
    if (config.meta?.beat !== undefined) {
      usedBeats.add(config.meta.beat);
      if (!beats.includes(config.meta.beat)) error(`${at}.meta.beat`, known('beat', config.meta.beat, beats));
    }
    checkFinal(node, root, error);
  }

  checkReplies(scenario, usedBeats, error, warn);
  scenario.validity.facts.forEach((fact, i) => {
    if (!facts.includes(fact)) error(`validity.facts[${i}]`, known('fact', fact, facts));
  });
  scenario.validity.lookups.forEach((section, i) => checkSection(section, `validity.lookups[${i}]`));
  for (const section of Object.keys(scenario.account.sections)) {
    if ((ACCOUNT_SECTIONS as readonly string[]).includes(section)) error(`account.sections.${section}`, `"${section}" is a section every account already has; choose another id`);
  }
  scenario.glossary.forEach((entry, i) => {
    if (entry.neutral && scenario.jargon.some((word) => word.toLowerCase() === entry.term.toLowerCase())) {
      error(`glossary[${i}].neutral`, `"${entry.term}" is also in the jargon list; a word is either jargon to this customer or neutral, not both`);
    }
  });
  checkChecklist(scenario, error, warn);
  if (!scenario.machine.on?.ESCALATE) {
    error('machine.on.ESCALATE', 'the trainee can escalate at any moment, so the machine must say where ESCALATE goes');
  }
  const endings = nodes.filter((node) => node.config.meta?.ending);
  if (!endings.some((node) => node.config.meta?.ending?.best)) {
    error('machine.states', 'no ending is marked "best": true, so no call can reach the best outcome');
  }
  for (const flag of scenario.flags) {
    if (!setFlags.has(flag)) warn('flags', `flag "${flag}" is never set by a "flag" action`);
  }
  for (const line of Object.keys(scenario.lines)) {
    if (!usedLines.has(line) && !(line in ENGINE_LINES)) warn(`lines.${line}`, `line "${line}" is never said`);
  }
  if (!problems.some((p) => p.severity === 'error')) checkGraph(root, nodes, edges, error);
  return problems;
}

function checkFinal(node: StateNodeInfo, root: StateNodeInfo, error: (path: string, message: string) => void) {
  const { config, at } = node;
  const final = config.type === 'final';
  if (final && node.parent !== root) error(`${at}.type`, 'an ending must be a top-level state, so that reaching it ends the call');
  if (final && !config.meta?.ending) error(`${at}.meta.ending`, 'a final state needs meta.ending: { outcome, title }');
  if (!final && config.meta?.ending) error(`${at}.meta.ending`, 'only a final state ("type": "final") can be an ending');
  if (final) {
    for (const key of ['on', 'always', 'states'] as const satisfies (keyof StateConfig)[]) {
      if (config[key]) error(`${at}.${key}`, 'a final state ends the call, so it cannot have transitions or child states');
    }
  }
}

/** Each checklist row once, and only rows a call can show. */
function checkChecklist(scenario: Scenario, error: (path: string, message: string) => void, warn: (path: string, message: string) => void) {
  scenario.checklist.forEach((id, i) => {
    if (scenario.checklist.indexOf(id) !== i) error(`checklist[${i}]`, `row "${id}" is listed twice`);
    else if (!checklistRow(id)?.competencies.length) warn(`checklist[${i}]`, `row "${id}" names no competency a call can show, so no call of this scenario counts towards it`);
  });
}

function checkReplies(
  scenario: Scenario,
  usedBeats: Set<string>,
  error: (path: string, message: string) => void,
  warn: (path: string, message: string) => void,
) {
  const seen = new Map<string, string>();
  const resolutions = Object.keys(scenario.policy.resolutions);
  for (const [beat, replies] of Object.entries(scenario.replies)) {
    if (!usedBeats.has(beat)) warn(`replies.${beat}`, `beat "${beat}" is not used by any state's meta.beat`);
    replies.forEach((reply, i) => {
      const at = `replies.${beat}[${i}]`;
      const previous = seen.get(reply.id);
      if (previous) error(`${at}.id`, `reply id "${reply.id}" is already used at ${previous}`);
      seen.set(reply.id, at);
      if (reply.offers && !resolutions.includes(reply.offers)) {
        error(`${at}.offers`, `resolution "${reply.offers}" is not defined; expected one of: ${resolutions.join(', ') || '(none defined)'}`);
      }
      reply.asks?.forEach((fact, j) => {
        const asked = scenario.facts[fact];
        if (!asked) error(`${at}.asks[${j}]`, `fact "${fact}" is not defined; expected one of: ${Object.keys(scenario.facts).join(', ')}`);
        else if (!reply.acts.some((act) => categoryAskedBy(act) === asked.category)) {
          error(`${at}.asks[${j}]`, `fact "${fact}" is a "${asked.category}" fact, but the reply's acts ask no "${asked.category}" question`);
        }
      });
      const term = scenario.jargon.find((word) => containsPhrase(reply.text, word));
      if (term && !reply.acts.includes('jargon')) warn(`${at}.acts`, `the reply says "${term}", which is in this scenario's jargon list, but is not labelled jargon`);
      const harmful = reply.acts.some(isHarmful);
      if (reply.quality === 'harmful' && !harmful && !reply.disclosesAccount) {
        error(`${at}.quality`, 'a harmful reply needs at least one harmful act (blame, negativeWording, jargon, dismissal, interrupting, overTalking), or "disclosesAccount": true for a security breach');
      }
      if (reply.quality === 'good' && harmful) error(`${at}.quality`, 'a good reply cannot perform a harmful act');
    });
    if (!replies.some((reply) => reply.quality === 'good')) error(`replies.${beat}`, 'each beat needs at least one good reply');
    if (!replies.some((reply) => reply.quality !== 'good')) error(`replies.${beat}`, 'each beat needs a mediocre or harmful reply as well as good ones');
    else if (!replies.some((reply) => reply.quality === 'harmful')) warn(`replies.${beat}`, 'this beat has no harmful reply to tempt the trainee');
  }
}

/**
 * Every state reachable, every non-final state with a way out, and a way from
 * every state to an ending. Transitions written on the machine itself (such as
 * ESCALATE) are left out: they are emergency exits, not the scenario's flow.
 */
function checkGraph(
  root: StateNodeInfo,
  nodes: StateNodeInfo[],
  edges: Map<StateNodeInfo, Set<StateNodeInfo>>,
  error: (path: string, message: string) => void,
) {
  const leaves = nodes.filter(isAtomic);
  const outgoing = (leaf: StateNodeInfo) => {
    const targets = new Set<StateNodeInfo>();
    for (let node: StateNodeInfo | null = leaf; node && node !== root; node = node.parent) {
      edges.get(node)?.forEach((target) => targets.add(target));
    }
    targets.delete(leaf);
    return targets;
  };
  const initial = root.children.find((child) => child.key === root.config.initial);
  if (!initial) {
    error('machine.initial', `"${root.config.initial}" is not a top-level state`);
    return;
  }
  // The machine's own transitions can fire from anywhere, so they count for reaching a state.
  const reachable = new Set([enteredLeaf(initial), ...(edges.get(root) ?? [])]);
  for (const leaf of reachable) outgoing(leaf).forEach((next) => reachable.add(next));
  const canEnd = new Set(leaves.filter((leaf) => leaf.config.type === 'final'));
  for (let grew = true; grew; ) {
    grew = false;
    for (const leaf of leaves) {
      if (!canEnd.has(leaf) && [...outgoing(leaf)].some((next) => canEnd.has(next))) {
        canEnd.add(leaf);
        grew = true;
      }
    }
  }
  for (const leaf of leaves) {
    if (!reachable.has(leaf)) error(leaf.at, `state "${leaf.path.join('.')}" can never be entered`);
    else if (leaf.config.type !== 'final' && outgoing(leaf).size === 0) {
      error(leaf.at, `state "${leaf.path.join('.')}" has no way out: add a transition to another state`);
    } else if (!canEnd.has(leaf)) {
      error(leaf.at, `from state "${leaf.path.join('.')}" no ending can be reached`);
    }
  }
}
