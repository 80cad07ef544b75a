/**
 * A state's transitions by form, event by event, in the order they are
 * tried: the condition (guard), where the call goes, and what happens on
 * the way; or a shared handler used in that place.
 */
import { useState } from 'react';
import { SCENARIO_EVENTS } from '../../engine/vocabulary';
import { ItemBox, SelectField } from './form-fields';
import { ActionsEditor, GuardEditor } from './guard-editor';
import { setOptional, siblingsOf, stateAt, type Change, type ScenarioJson, type StateConfig, type TransitionConfig } from './scenario-document';

const EVENT_WORDS: Record<string, string> = {
  HEARD: 'After each trainee turn (HEARD)',
  SILENCE: 'When the trainee says nothing (SILENCE)',
  ESCALATE: 'When the trainee escalates (ESCALATE)',
  HANG_UP: 'When the call is hung up (HANG_UP)',
  always: 'At once, without waiting for a turn (always)',
};
type EventKey = (typeof SCENARIO_EVENTS)[number] | 'always';
const EVENT_KEYS: EventKey[] = [...SCENARIO_EVENTS, 'always'];
const STAY = '(stays in this state)';

function statePaths(states: Record<string, StateConfig> | undefined, prefix: string[] = []): string[] {
  return Object.entries(states ?? {}).flatMap(([name, state]) => [[...prefix, name].join('.'), ...statePaths(state.states, [...prefix, name])]);
}

/** Where a transition may go: a sibling by name, a child of the machine as ".child", or any state as "#id.path". */
function targetOptions(data: ScenarioJson, stateId: string) {
  const near = stateId ? siblingsOf(data, stateId).map((name) => ({ value: name, label: name })) : Object.keys(data.machine?.states ?? {}).map((name) => ({ value: `.${name}`, label: name }));
  const nearValues = new Set(near.map((option) => option.label));
  const far = statePaths(data.machine?.states)
    .filter((path) => path.includes('.') || !nearValues.has(path))
    .map((path) => ({ value: `#${data.id}.${path}`, label: `${path} (by id)` }));
  return [{ value: STAY, label: STAY }, ...near, ...far];
}

function eventList(state: StateConfig, event: EventKey): TransitionConfig[] {
  return (event === 'always' ? state.always : state.on?.[event]) ?? [];
}

export function TransitionsForm({ stateId, data, change }: { stateId: string; data: ScenarioJson; change: Change }) {
  const state = stateAt(data, stateId);
  const [adding, setAdding] = useState<EventKey>('HEARD');
  if (!state) return null;
  const handlers = Object.keys(data.handlers ?? {});
  const targets = targetOptions(data, stateId);

  const withList = (event: EventKey, mutate: (list: TransitionConfig[]) => void) =>
    change((copy) => {
      const target = stateAt(copy, stateId)!;
      const list = [...eventList(target, event)];
      mutate(list);
      if (event === 'always') setOptional(target, 'always', list);
      else {
        const on = { ...target.on, [event]: list };
        if (!list.length) delete on[event];
        setOptional(target, 'on', Object.keys(on).length ? on : undefined);
      }
    });

  return (
    <section aria-labelledby="transitions-heading">
      <h3 id="transitions-heading">Transitions</h3>
      <p className="muted">For each event the transitions are tried in order; the first whose condition holds is taken.</p>
      {EVENT_KEYS.filter((event) => eventList(state, event).length).map((event) => (
        <fieldset key={event} className="event-transitions">
          <legend>{EVENT_WORDS[event]}</legend>
          {eventList(state, event).map((transition, index) => {
            const name = `${event} transition ${index + 1}`;
            const set = (mutate: (transition: TransitionConfig) => void) => withList(event, (list) => mutate((list[index] = { ...list[index]! })));
            return (
              <ItemBox key={index} title={name} removeLabel={`Remove ${name}`} onRemove={() => withList(event, (list) => void list.splice(index, 1))}>
                {transition.use !== undefined ? (
                  <SelectField label={`${name}: shared handler`} value={transition.use} options={handlers} onChange={(use) => set((target) => void (target.use = use))} />
                ) : (
                  <>
                    <GuardEditor label={`${name}: taken when`} guard={transition.guard} data={data} onChange={(guard) => set((target) => setOptional(target, 'guard', guard))} />
                    <SelectField label={`${name}: goes to`} value={transition.target ?? STAY} options={targets} onChange={(goal) => set((target) => setOptional(target, 'target', goal === STAY ? undefined : goal))} />
                    <ActionsEditor legend={`${name}: on the way`} actions={transition.actions} data={data} onChange={(actions) => set((target) => setOptional(target, 'actions', actions))} />
                  </>
                )}
                {index > 0 && (
                  <button type="button" onClick={() => withList(event, (list) => void list.splice(index - 1, 2, list[index]!, list[index - 1]!))}>
                    Try {name} earlier
                  </button>
                )}
              </ItemBox>
            );
          })}
        </fieldset>
      ))}
      <div className="add-transition">
        <SelectField label="Add a transition for" value={adding} options={EVENT_KEYS.map((event) => ({ value: event, label: EVENT_WORDS[event]! }))} onChange={setAdding} />
        <button type="button" onClick={() => withList(adding, (list) => void list.push({ target: targets[1]?.value }))}>
          Add transition
        </button>
        {handlers.length > 0 && (
          <button type="button" onClick={() => withList(adding, (list) => void list.push({ use: handlers[0] }))}>
            Use a shared handler
          </button>
        )}
      </div>
    </section>
  );
}
