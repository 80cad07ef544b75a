/**
 * Form editing for the selected state: whether it is a step or an ending
 * (outcome, title, best), what the customer says on entering, the beat of
 * prepared replies it offers, and its transitions; adding and deleting
 * states. The empty id stands for the whole call (transitions every state
 * shares, such as escalation). Each change goes through the studio's one
 * edit path, so it is undoable like any other.
 */
import { locatePath } from '../../engine/scenario/json-source';
import { AddByName, CheckField, SelectField, TextField } from './form-fields';
import { ActionsEditor } from './guard-editor';
import { RepliesForm } from './replies-form';
import { allStateIds, setOptional, stateAt, type Change, type ScenarioJson, type StateConfig } from './scenario-document';
import { TransitionsForm } from './transitions-form';

const NO_BEAT = '(none: the trainee does not speak here)';

function pathOf(id: string): string {
  return ['machine', ...id.split('.').filter(Boolean).flatMap((key) => ['states', key])].join('.');
}

function AddState({ parentId, data, change, onSelect }: { parentId: string; data: ScenarioJson; change: Change; onSelect: (id: string) => void }) {
  const taken = Object.keys(stateAt(data, parentId)?.states ?? {});
  const add = (name: string, ending: boolean) => {
    change((copy) => {
      const parent = stateAt(copy, parentId)!;
      const state: StateConfig = ending ? { type: 'final', meta: { ending: { outcome: 'resolved', title: name } } } : { meta: { beat: name } };
      parent.states = { ...parent.states, [name]: state };
      if (!ending) (copy.replies ??= {})[name] ??= [];
    });
    onSelect(parentId ? `${parentId}.${name}` : name);
  };
  return (
    <div className="add-state">
      <AddByName label="New step named" taken={taken} button="Add a step" onAdd={(name) => add(name, false)} />
      {!parentId && <AddByName label="New ending named" taken={taken} button="Add an ending" onAdd={(name) => add(name, true)} />}
    </div>
  );
}

export function StateForm({ text, data, stateId, change, onSelect, onShowJson }: { text: string; data: ScenarioJson; stateId: string | null; change: Change; onSelect: (id: string | null) => void; onShowJson: (line: number) => void }) {
  const topStates = Object.keys(data.machine?.states ?? {});
  // Nested states are listed too, so a state picked in the diagram is always one the chooser knows.
  const chooser = (
    <div className="state-chooser">
      <SelectField label="Edit state" value={stateId ?? undefined} options={[{ value: '', label: 'The whole call (every state)' }, ...allStateIds(data).map((id) => ({ value: id, label: id }))]} onChange={(id) => onSelect(id)} />
    </div>
  );
  if (stateId === null) {
    return (
      <div className="state-form">
        {chooser}
        <p className="muted">Select a state in the diagram or above (or a problem in the list) to edit it here, or add one.</p>
        <AddState parentId="" data={data} change={change} onSelect={onSelect} />
      </div>
    );
  }
  const state = stateAt(data, stateId);
  if (!state) return <div className="state-form">{chooser}<p>State “{stateId}” is not in the file any more.</p></div>;
  const isRoot = stateId === '';
  const isTop = !stateId.includes('.');
  const ending = state.type === 'final';
  const line = locatePath(text, pathOf(stateId)).line;
  const set = (mutate: (state: StateConfig) => void) => change((copy) => mutate(stateAt(copy, stateId)!));
  const beats = Object.keys(data.replies ?? {});
  const name = isRoot ? 'the whole call' : stateId;

  return (
    <div className="state-form">
      {chooser}
      <h2>{isRoot ? 'The whole call' : `State ${stateId}`}</h2>
      <p>
        <button type="button" className="link-button" onClick={() => onShowJson(line)}>
          Show in JSON (line {line})
        </button>
      </p>
      {isRoot ? (
        <>
          <p className="muted">Transitions here apply in every state (for example escalation, or hanging up when anger is too high).</p>
          <SelectField label="The call starts in" value={data.machine?.initial} options={topStates} onChange={(initial) => change((copy) => void (copy.machine!.initial = initial))} />
        </>
      ) : (
        <>
          {isTop && (
            <SelectField
              label="Kind of state"
              value={ending ? 'ending' : 'step'}
              options={[{ value: 'step', label: 'a step of the call' }, { value: 'ending', label: 'an ending (the call ends here)' }] as const}
              onChange={(kind) =>
                set((target) => {
                  if (kind === 'ending') {
                    target.type = 'final';
                    target.meta = { ending: { outcome: 'resolved', title: stateId } };
                    delete target.on;
                    delete target.always;
                    delete target.states;
                    delete target.initial;
                  } else {
                    delete target.type;
                    setOptional(target, 'meta', undefined);
                  }
                })
              }
            />
          )}
          {ending && (
            <fieldset className="ending-form">
              <legend>Ending</legend>
              <SelectField
                label="Outcome"
                value={state.meta?.ending?.outcome}
                options={[{ value: 'resolved', label: 'resolved' }, { value: 'referred', label: 'referred (transferred)' }, { value: 'lost', label: 'lost' }] as const}
                onChange={(outcome) => set((target) => void (target.meta = { ...target.meta, ending: { title: '', ...target.meta?.ending, outcome } }))}
              />
              <TextField label="Ending title" value={state.meta?.ending?.title} onChange={(title) => set((target) => void (target.meta = { ...target.meta, ending: { outcome: 'resolved', ...target.meta?.ending, title } }))} />
              <CheckField
                label="The best ending (a perfect call ends here)"
                checked={!!state.meta?.ending?.best}
                onChange={(best) =>
                  set((target) => {
                    const next = { outcome: 'resolved' as const, title: stateId, ...target.meta?.ending, best: best || undefined };
                    if (!best) delete next.best;
                    target.meta = { ...target.meta, ending: next };
                  })
                }
              />
            </fieldset>
          )}
          <ActionsEditor legend="On entering, the customer" actions={state.entry} data={data} onChange={(entry) => set((target) => setOptional(target, 'entry', entry))} />
          {!ending && (
            <SelectField
              label="Prepared replies offered here (beat)"
              value={state.meta?.beat ?? NO_BEAT}
              options={[NO_BEAT, ...beats]}
              onChange={(beat) =>
                set((target) => {
                  const meta = { ...target.meta, beat: beat === NO_BEAT ? undefined : beat };
                  if (!meta.beat) delete meta.beat;
                  setOptional(target, 'meta', Object.keys(meta).length ? meta : undefined);
                })
              }
            />
          )}
          {!ending && !state.meta?.beat && (
            <AddByName
              label="New beat named"
              taken={beats}
              button="Add a beat here"
              onAdd={(beat) =>
                change((copy) => {
                  (copy.replies ??= {})[beat] = [];
                  const target = stateAt(copy, stateId)!;
                  target.meta = { ...target.meta, beat };
                })
              }
            />
          )}
        </>
      )}
      {!ending && <TransitionsForm stateId={stateId} data={data} change={change} />}
      {!ending && state.meta?.beat && <RepliesForm beat={state.meta.beat} data={data} change={change} />}
      <h3>States</h3>
      <AddState parentId={isRoot ? '' : stateId.split('.').slice(0, -1).join('.')} data={data} change={change} onSelect={onSelect} />
      {!isRoot && (
        <p>
          <button
            type="button"
            className="link-button danger"
            onClick={() => {
              change((copy) => {
                const parent = stateAt(copy, stateId.split('.').slice(0, -1).join('.'))!;
                delete parent.states![stateId.split('.').at(-1)!];
              });
              onSelect(null);
            }}
          >
            Delete state {name}
          </button>{' '}
          <span className="muted">(Undo brings it back)</span>
        </p>
      )}
    </div>
  );
}
