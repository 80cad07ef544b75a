/**
 * Shared handlers: transitions written once in `handlers` and placed in many
 * states' lists with { "use": "<name>" }. The loader expands them before
 * anything else reads the machine, so the checks, the compiled machine and
 * route exploration all see ordinary transitions; `writtenAt` remembers where
 * each transition was written in the file, so a problem in a shared handler
 * is reported there and not at a path the file does not have.
 */
import type { Problem } from './scenario-checks';
import type { Scenario, StateConfig, TransitionConfig, TransitionsConfig } from './scenario-schema';

const writtenAt = new WeakMap<TransitionConfig, string>();

/** Where a transition is written in the scenario file, when the loader expanded it. */
export function transitionWrittenAt(transition: TransitionConfig): string | undefined {
  return writtenAt.get(transition);
}

export function expandHandlers(scenario: Scenario): { scenario: Scenario; problems: Problem[] } {
  const problems: Problem[] = [];
  const names = Object.keys(scenario.handlers);
  for (const [name, list] of Object.entries(scenario.handlers)) {
    list.forEach((transition, i) => {
      const at = `handlers.${name}[${i}]`;
      writtenAt.set(transition, at);
      if (transition.use !== undefined) problems.push({ path: `${at}.use`, message: 'a shared handler cannot use another one; write its transitions out', severity: 'error' });
    });
  }
  const used = new Set<string>();

  const expand = (list: TransitionsConfig | undefined, at: string): TransitionsConfig | undefined => {
    if (!list) return list;
    return list.flatMap((transition, i) => {
      const here = `${at}[${i}]`;
      if (transition.use === undefined) {
        if (!writtenAt.has(transition)) writtenAt.set(transition, here);
        return [transition];
      }
      const { use, ...rest } = transition;
      if (Object.keys(rest).length) {
        problems.push({ path: `${here}.use`, message: `"use" inserts the handler's transitions as they are; move ${Object.keys(rest).map((key) => `"${key}"`).join(', ')} into the handler or into a transition of its own`, severity: 'error' });
      }
      const shared = scenario.handlers[use];
      if (!shared) {
        problems.push({ path: `${here}.use`, message: `handler "${use}" is not defined; expected one of: ${names.length ? names.join(', ') : '(none defined in "handlers")'}`, severity: 'error' });
        return [];
      }
      used.add(use);
      return shared.filter((inner) => inner.use === undefined);
    });
  };

  const expandState = (state: StateConfig, at: string): StateConfig => {
    const out: StateConfig = { ...state };
    if (state.on) {
      out.on = Object.fromEntries(Object.entries(state.on).map(([event, list]) => [event, expand(list, `${at}.on.${event}`)]));
    }
    if (state.always) out.always = expand(state.always, `${at}.always`);
    if (state.states) {
      out.states = Object.fromEntries(Object.entries(state.states).map(([key, child]) => [key, expandState(child, `${at}.states.${key}`)]));
    }
    return out;
  };

  const machine = expandState(scenario.machine as StateConfig, 'machine') as Scenario['machine'];
  for (const name of names) {
    if (!used.has(name)) problems.push({ path: `handlers.${name}`, message: `handler "${name}" is not used by any state; add { "use": "${name}" } to a transition list`, severity: 'warning' });
  }
  return { scenario: { ...scenario, machine }, problems };
}

/** The handlers a state's lists use, by event, as written in the file (for the diagram and the studio). */
export function handlersUsedBy(state: StateConfig): { event: string; handler: string }[] {
  const uses: { event: string; handler: string }[] = [];
  for (const [event, list] of Object.entries(state.on ?? {})) list?.forEach((transition) => transition.use && uses.push({ event, handler: transition.use }));
  state.always?.forEach((transition) => transition.use && uses.push({ event: 'always', handler: transition.use }));
  return uses;
}
