/**
 * Guards and actions by form, from the fixed vocabulary only: a guard is
 * picked by kind and then given its facts, acts, flag, section, resolution
 * or mood bounds; "all", "any" and "not" nest other guards.
 */
import { ACT_DEFINITIONS, ACT_LABELS, DIALOGUE_ACTS, type DialogueAct } from '../../engine/acts';
import { describeGuard } from '../../engine/scenario/describe';
import { ACCOUNT_SECTIONS } from '../../engine/vocabulary';
import { ChoiceList, ItemBox, MoodBoundsField, MoodDeltaField, SelectField } from './form-fields';
import { factIds, lineIds, resolutionIds, type ActionRef, type GuardRef, type ScenarioJson } from './scenario-document';

const GUARD_KINDS = [
  { value: 'none', label: 'always (no condition)' },
  { value: 'said', label: 'the trainee said certain acts' },
  { value: 'knows', label: 'the trainee has learned facts' },
  { value: 'offered', label: 'the trainee offered a resolution' },
  { value: 'mood', label: 'the mood is within bounds' },
  { value: 'verified', label: 'the caller is verified' },
  { value: 'lookedUp', label: 'the trainee looked up an account section' },
  { value: 'flagged', label: 'a flag is set' },
  { value: 'disclosed', label: 'the last turn revealed account details' },
  { value: 'all', label: 'all of several conditions' },
  { value: 'any', label: 'any of several conditions' },
  { value: 'not', label: 'not (a condition)' },
] as const;
type GuardKind = (typeof GUARD_KINDS)[number]['value'];

export function sectionIds(data: ScenarioJson): string[] {
  return [...ACCOUNT_SECTIONS, ...Object.keys(data.account?.sections ?? {})];
}

function newGuard(kind: GuardKind, data: ScenarioJson): GuardRef | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'said':
      return { type: 'said', params: { anyOf: [] } };
    case 'knows':
      return { type: 'knows', params: { facts: factIds(data).slice(0, 1) } };
    case 'offered':
      return { type: 'offered', params: { correct: true } };
    case 'mood':
      return { type: 'mood', params: {} };
    case 'lookedUp':
      return { type: 'lookedUp', params: { section: sectionIds(data)[0]! } };
    case 'flagged':
      return { type: 'flagged', params: { flag: data.flags?.[0] ?? '' } };
    case 'verified':
    case 'disclosed':
      return { type: kind };
    case 'all':
    case 'any':
      return { type: kind, params: { of: [{ type: 'verified' }] } };
    case 'not':
      return { type: 'not', params: { guard: { type: 'verified' } } };
  }
}

const SAID_KEYS = [
  ['anyOf', 'Any of these acts'],
  ['allOf', 'All of these acts'],
  ['noneOf', 'None of these acts'],
] as const;

export function GuardEditor({ label, guard, data, onChange }: { label: string; guard: GuardRef | undefined; data: ScenarioJson; onChange: (guard: GuardRef | undefined) => void }) {
  const kind: GuardKind = guard?.type ?? 'none';
  return (
    <div className="guard-editor">
      <SelectField label={label} value={kind} options={GUARD_KINDS} onChange={(next) => onChange(newGuard(next, data))} />
      {guard && <p className="muted guard-words">Reads: {describeGuard(guard)}</p>}
      {guard?.type === 'said' && (
        <>
          {SAID_KEYS.map(([key, legend]) => (
            <details key={key} open={key === 'anyOf' || !!guard.params[key]?.length}>
              <summary>
                {legend} ({guard.params[key]?.length ?? 0} chosen)
              </summary>
              <ChoiceList
                legend={legend}
                options={DIALOGUE_ACTS}
                chosen={guard.params[key] ?? []}
                labelOf={(act) => ACT_LABELS[act as DialogueAct]}
                describe={(act) => ACT_DEFINITIONS[act as DialogueAct]}
                className="act-picker"
                onChange={(acts) => {
                  const params = { ...guard.params, [key]: acts };
                  if (!acts.length) delete params[key];
                  onChange({ type: 'said', params });
                }}
              />
            </details>
          ))}
        </>
      )}
      {guard?.type === 'knows' && <ChoiceList legend="Facts the trainee has learned" options={factIds(data)} chosen={guard.params.facts} onChange={(facts) => onChange({ type: 'knows', params: { facts } })} />}
      {guard?.type === 'offered' && (
        <SelectField
          label="Which resolution"
          value={guard.params.resolution ?? (guard.params.correct === false ? '(a wrong one)' : guard.params.correct === true ? '(a correct one)' : '(any)')}
          options={['(a correct one)', '(a wrong one)', '(any)', ...resolutionIds(data)]}
          onChange={(choice) => onChange({ type: 'offered', params: choice === '(a correct one)' ? { correct: true } : choice === '(a wrong one)' ? { correct: false } : choice === '(any)' ? {} : { resolution: choice } })}
        />
      )}
      {guard?.type === 'mood' && <MoodBoundsField legend="Mood bounds" value={guard.params} onChange={(params) => onChange({ type: 'mood', params: params ?? {} })} />}
      {guard?.type === 'lookedUp' && <SelectField label="Account section" value={guard.params.section} options={sectionIds(data)} onChange={(section) => onChange({ type: 'lookedUp', params: { section } })} />}
      {guard?.type === 'flagged' && <SelectField label="Flag" value={guard.params.flag || undefined} options={data.flags ?? []} onChange={(flag) => onChange({ type: 'flagged', params: { flag } })} />}
      {(guard?.type === 'all' || guard?.type === 'any') && (
        <div className="nested-guards">
          {guard.params.of.map((inner, index) => (
            <ItemBox
              key={index}
              title={`Condition ${index + 1}`}
              onRemove={guard.params.of.length > 1 ? () => onChange({ type: guard.type, params: { of: guard.params.of.filter((_, other) => other !== index) } }) : undefined}
              removeLabel={`Remove condition ${index + 1}`}
            >
              <GuardEditor
                label={`Condition ${index + 1}`}
                guard={inner}
                data={data}
                onChange={(next) => onChange({ type: guard.type, params: { of: guard.params.of.map((other, i) => (i === index ? (next ?? { type: 'verified' }) : other)) } })}
              />
            </ItemBox>
          ))}
          <button type="button" onClick={() => onChange({ type: guard.type, params: { of: [...guard.params.of, { type: 'verified' }] } })}>
            Add a condition
          </button>
        </div>
      )}
      {guard?.type === 'not' && (
        <div className="nested-guards">
          <GuardEditor label="Not this condition" guard={guard.params.guard} data={data} onChange={(next) => onChange(next ? { type: 'not', params: { guard: next } } : undefined)} />
        </div>
      )}
    </div>
  );
}

const ACTION_KINDS = [
  { value: 'say', label: 'the customer says a line' },
  { value: 'reveal', label: 'the customer volunteers a fact' },
  { value: 'mood', label: 'the mood moves' },
  { value: 'flag', label: 'set a flag' },
] as const;

function newAction(kind: ActionRef['type'], data: ScenarioJson): ActionRef {
  switch (kind) {
    case 'say':
      return { type: 'say', params: { line: lineIds(data)[0] ?? '' } };
    case 'reveal':
      return { type: 'reveal', params: { fact: factIds(data)[0] ?? '' } };
    case 'mood':
      return { type: 'mood', params: {} };
    case 'flag':
      return { type: 'flag', params: { flag: data.flags?.[0] ?? '' } };
  }
}

export function ActionsEditor({ legend, actions, data, onChange }: { legend: string; actions: ActionRef[] | undefined; data: ScenarioJson; onChange: (actions: ActionRef[] | undefined) => void }) {
  const list = actions ?? [];
  const set = (index: number, action: ActionRef) => onChange(list.map((other, i) => (i === index ? action : other)));
  return (
    <fieldset className="actions-editor">
      <legend>{legend}</legend>
      {list.length === 0 && <p className="muted">Nothing happens.</p>}
      {list.map((action, index) => (
        <div key={index} className="action-row">
          <SelectField label={`${legend}, ${index + 1}`} value={action.type} options={ACTION_KINDS} onChange={(kind) => set(index, newAction(kind, data))} />
          {action.type === 'say' && <SelectField label="Line" value={action.params.line || undefined} options={lineIds(data)} onChange={(line) => set(index, { type: 'say', params: { line } })} />}
          {action.type === 'reveal' && <SelectField label="Fact" value={action.params.fact || undefined} options={factIds(data)} onChange={(fact) => set(index, { type: 'reveal', params: { fact } })} />}
          {action.type === 'flag' && <SelectField label="Flag" value={action.params.flag || undefined} options={data.flags ?? []} onChange={(flag) => set(index, { type: 'flag', params: { flag } })} />}
          {action.type === 'mood' && <MoodDeltaField legend="Mood change" value={action.params} onChange={(params) => set(index, { type: 'mood', params: params ?? {} })} />}
          <button type="button" className="link-button danger" onClick={() => onChange(list.length > 1 ? list.filter((_, i) => i !== index) : undefined)}>
            Remove {legend.toLowerCase()}, {index + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...list, newAction('say', data)])}>
        Add to {legend.toLowerCase()}
      </button>
    </fieldset>
  );
}
