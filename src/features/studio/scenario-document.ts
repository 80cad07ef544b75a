/**
 * The scenario file as the forms see it: the parsed JSON, loosely typed
 * (a draft may be half-written), and one way to change it. A change copies
 * the data, lets the form mutate the copy, and writes the whole file back as
 * two-space JSON through the studio's one edit path, so it is undoable.
 */
import type { ActionRef, GuardRef, PreparedReply, Scenario, StateConfig, TransitionConfig } from '../../engine/scenario/scenario-schema';
import { parseJsonText, type ParsedJson } from '../../engine/scenario/json-source';

type Loose<T> = { [K in keyof T]?: T[K] };

export type ScenarioJson = Loose<Omit<Scenario, 'machine' | 'replies' | 'account' | 'policy' | 'persona'>> & {
  machine?: StateConfig & { initial?: string; states?: Record<string, StateConfig> };
  replies?: Record<string, PreparedReply[]>;
  account?: Loose<Scenario['account']>;
  policy?: Loose<Scenario['policy']>;
  persona?: Loose<Scenario['persona']>;
};

export type Change = (mutate: (copy: ScenarioJson) => void) => void;

export type { ActionRef, GuardRef, StateConfig, TransitionConfig };

export function changedText(data: ScenarioJson, mutate: (copy: ScenarioJson) => void): string {
  const copy = structuredClone(data);
  mutate(copy);
  return `${JSON.stringify(copy, null, 2)}\n`;
}

/** A state by its dotted id ("resolution.offer"); the empty id is the machine itself. */
export function stateAt(data: ScenarioJson, id: string): StateConfig | undefined {
  let node: StateConfig | undefined = data.machine;
  if (!id) return node;
  for (const key of id.split('.')) node = node?.states?.[key];
  return node;
}

/** Every state's dotted id, parents before their children, in file order. */
export function allStateIds(data: ScenarioJson): string[] {
  const ids: string[] = [];
  const walk = (node: StateConfig | undefined, prefix: string) => {
    for (const [key, child] of Object.entries(node?.states ?? {})) {
      ids.push(prefix + key);
      walk(child, `${prefix}${key}.`);
    }
  };
  walk(data.machine, '');
  return ids;
}

/** The states beside this one, which a transition names without a prefix. */
export function siblingsOf(data: ScenarioJson, id: string): string[] {
  const parent = stateAt(data, id.split('.').slice(0, -1).join('.'));
  return Object.keys(parent?.states ?? {});
}

/** Leaves an optional field out rather than writing it empty. */
export function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined | '') {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete target[key];
  else target[key] = value;
}

export function factIds(data: ScenarioJson): string[] {
  return Object.keys(data.facts ?? {});
}

export function lineIds(data: ScenarioJson): string[] {
  return Object.keys(data.lines ?? {});
}

export function resolutionIds(data: ScenarioJson): string[] {
  return Object.keys(data.policy?.resolutions ?? {});
}

/** A new id not yet used: base, base-2, base-3… */
export function freshId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function beatStates(states: Record<string, StateConfig> | undefined, beat: string, prefix: string[] = []): string[] {
  return Object.entries(states ?? {}).flatMap(([name, state]) => [...(state.meta?.beat === beat ? [[...prefix, name].join('.')] : []), ...beatStates(state.states, beat, [...prefix, name])]);
}

export type FormTab = 'scenario' | 'customer' | 'account' | 'state' | 'json';

/** The form where a problem at this path is fixed: a state's own form, the form of the replies' state, or the part of the file it is in. */
export function formForProblem(data: ScenarioJson | null, path: string | undefined): { tab: FormTab; state?: string } {
  if (!data || !path) return { tab: 'json' };
  const state = /^machine((?:\.states\.[^.[]+)*)/.exec(path);
  if (state) return { tab: 'state', state: state[1]!.replace(/^\.states\./, '').replace(/\.states\./g, '.') };
  const beat = /^replies\.([^.[]+)/.exec(path)?.[1];
  if (beat) {
    const found = beatStates(data.machine?.states, beat)[0];
    return found === undefined ? { tab: 'json' } : { tab: 'state', state: found };
  }
  const top = /^[^.[]+/.exec(path)?.[0] ?? '';
  if (['facts', 'lines', 'moodEffects'].includes(top)) return { tab: 'customer' };
  if (['account', 'policy', 'validity'].includes(top)) return { tab: 'account' };
  if (['handlers', '$schema'].includes(top) || !top) return { tab: 'json' };
  return { tab: 'scenario' };
}

/** The last text parsed and its answer: the forms and the live check read the same text, and at 200 states a parse costs about 20 ms a keystroke. */
let lastParsed: { text: string; parsed: ParsedJson } | null = null;

/** parseJsonText, once per text however many parts of the studio ask; its data is shared, so copy it before changing it (changedText does). */
export function parsedStudioText(text: string): ParsedJson {
  if (lastParsed?.text !== text) lastParsed = { text, parsed: parseJsonText(text) };
  return lastParsed.parsed;
}
