/**
 * Form editing for the selected state: its prepared replies (text, quality,
 * acts from the fixed vocabulary with each act's definition beside it) and
 * a jump to where the state is written. Each change rewrites the file's text
 * through the studio's one edit path, so it is undoable like any other.
 */
import { useMemo } from 'react';
import { ACT_DEFINITIONS, ACT_LABELS, DIALOGUE_ACTS, isHarmful, type DialogueAct } from '../../engine/acts';
import { describeGuard } from '../../engine/scenario/describe';
import { locatePath, parseJsonText } from '../../engine/scenario/json-source';
import type { PreparedReply, Scenario, StateConfig } from '../../engine/scenario/scenario-schema';
import type { DiagramNode } from './diagram-model';

type Json = { replies?: Record<string, PreparedReply[]>; machine?: StateConfig };

function stateAt(data: Json, id: string): StateConfig | undefined {
  let node: StateConfig | undefined = data.machine;
  for (const key of id.split('.')) node = node?.states?.[key];
  return node;
}

export function StateForm({ text, selected, scenario, onEdit, onShowJson }: { text: string; selected: DiagramNode | null; scenario: Scenario | null; onEdit: (text: string) => void; onShowJson: (line: number) => void }) {
  const parsed = useMemo(() => parseJsonText(text), [text]);
  if (!selected) return <p className="muted">Select a state in the diagram (or a problem in the list) to edit it here.</p>;
  if (!parsed.ok) return <p>The file is not valid JSON right now; fix it in the JSON tab first ({parsed.problems[0]?.message}).</p>;
  const data = parsed.data as Json;
  const state = stateAt(data, selected.id);
  if (!state) return <p>State “{selected.id}” is not in the file any more.</p>;
  const beat = state.meta?.beat;
  const replies = beat ? (data.replies?.[beat] ?? []) : [];
  const change = (mutate: (copy: Json) => void) => {
    const copy = structuredClone(data);
    mutate(copy);
    onEdit(`${JSON.stringify(copy, null, 2)}\n`);
  };
  const updateReply = (index: number, patch: Partial<PreparedReply>) =>
    change((copy) => {
      const list = copy.replies![beat!]!;
      list[index] = { ...list[index]!, ...patch };
    });
  const line = locatePath(text, selected.at).line;
  const written = scenario ? stateAt(scenario as unknown as Json, selected.id) : undefined;
  const transitions = Object.entries(written?.on ?? {}).flatMap(([event, list]) => (list ?? []).map((transition) => `${event}: ${describeGuard(transition.guard)} → ${transition.target ?? '(stays)'}`));

  return (
    <div className="state-form">
      <h2>State {selected.id}</h2>
      <p>
        <button type="button" className="link-button" onClick={() => onShowJson(line)}>
          Show in JSON (line {line})
        </button>
      </p>
      {transitions.length > 0 && (
        <>
          <h3>Transitions</h3>
          <ul>
            {transitions.map((transition, i) => (
              <li key={i}>{transition}</li>
            ))}
          </ul>
        </>
      )}
      {!beat ? (
        <p className="muted">This state offers no prepared replies (no meta.beat).</p>
      ) : (
        <>
          <h3>Prepared replies of beat “{beat}”</h3>
          {replies.map((reply, index) => (
            <fieldset key={`${reply.id}-${index}`} className="reply-form">
              <legend>{reply.id}</legend>
              <label>
                Text
                <textarea value={reply.text} rows={2} onChange={(event) => updateReply(index, { text: event.target.value })} />
              </label>
              <label>
                Quality{' '}
                <select value={reply.quality} onChange={(event) => updateReply(index, { quality: event.target.value as PreparedReply['quality'] })}>
                  <option value="good">good</option>
                  <option value="mediocre">mediocre</option>
                  <option value="harmful">harmful</option>
                </select>
              </label>
              <fieldset className="act-picker">
                <legend>Acts</legend>
                {DIALOGUE_ACTS.map((act: DialogueAct) => (
                  <label key={act} title={ACT_DEFINITIONS[act]} className={isHarmful(act) ? 'harmful-act' : undefined}>
                    <input
                      type="checkbox"
                      checked={reply.acts.includes(act)}
                      aria-describedby={`act-${act}-${index}`}
                      onChange={(event) => updateReply(index, { acts: event.target.checked ? [...reply.acts, act] : reply.acts.filter((other) => other !== act) })}
                    />{' '}
                    {ACT_LABELS[act]}
                    <span id={`act-${act}-${index}`} className="visually-hidden">
                      {ACT_DEFINITIONS[act]}
                    </span>
                  </label>
                ))}
              </fieldset>
            </fieldset>
          ))}
        </>
      )}
    </div>
  );
}
