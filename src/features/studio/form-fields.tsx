/**
 * The studio's form controls. Each writes its value back at once, except the
 * list fields, which commit when the trainer leaves them (a half-typed
 * "a, " would otherwise lose its comma as the text is re-read).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { MOOD_DIMENSIONS, type MoodCondition, type MoodDelta } from '../../engine/mood';

export function TextField({ label, value, onChange, multiline = false, placeholder }: { label: string; value: string | undefined; onChange: (value: string) => void; multiline?: boolean; placeholder?: string }) {
  return (
    <label className="form-field">
      <span>{label}</span>
      {multiline ? (
        <textarea value={value ?? ''} rows={2} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input type="text" value={value ?? ''} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
      )}
    </label>
  );
}

/** An empty box means "not set" (undefined), so an optional number can be taken out again. */
export function NumberField({ label, value, onChange, min, max, step, placeholder }: { label: string; value: number | undefined; onChange: (value: number | undefined) => void; min?: number; max?: number; step?: number; placeholder?: string }) {
  return (
    <label className="form-field number-field">
      <span>{label}</span>
      <input type="number" value={value ?? ''} min={min} max={max} step={step} placeholder={placeholder} onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))} />
    </label>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange }: { label: string; value: T | undefined; options: readonly (T | { value: T; label: string })[]; onChange: (value: T) => void }) {
  const listed = options.map((option) => (typeof option === 'string' ? { value: option, label: option } : option));
  const known = value === undefined || listed.some((option) => option.value === value);
  return (
    <label className="form-field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value as T)}>
        {value === undefined && <option value="">choose…</option>}
        {!known && <option value={value}>{value} (not defined)</option>}
        {listed.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CheckField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check-field">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {label}
    </label>
  );
}

/** A set of names chosen by check box, each with an optional description. */
export function ChoiceList({ legend, options, chosen, onChange, describe, labelOf, className }: { legend: string; options: readonly string[]; chosen: readonly string[]; onChange: (chosen: string[]) => void; describe?: (option: string) => string; labelOf?: (option: string) => string; className?: string }) {
  const id = useId();
  if (!options.length) return <p className="muted">{legend}: none defined yet.</p>;
  return (
    <fieldset className={`choice-list ${className ?? ''}`}>
      <legend>{legend}</legend>
      {options.map((option, index) => (
        <label key={option} title={describe?.(option)}>
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            aria-describedby={describe ? `${id}-${index}` : undefined}
            onChange={(event) => onChange(event.target.checked ? [...chosen, option] : chosen.filter((other) => other !== option))}
          />{' '}
          {labelOf?.(option) ?? option}
          {describe && (
            <span id={`${id}-${index}`} className="visually-hidden">
              {describe(option)}
            </span>
          )}
        </label>
      ))}
    </fieldset>
  );
}

/** Words or lines as a list: one per line, committed when the box loses focus. */
export function ListField({ label, value, onChange, hint }: { label: string; value: readonly string[] | undefined; onChange: (value: string[]) => void; hint?: string }) {
  const joined = (value ?? []).join('\n');
  const [draft, setDraft] = useState(joined);
  useEffect(() => setDraft(joined), [joined]);
  const commit = () => {
    const items = draft.split('\n').map((item) => item.trim()).filter(Boolean);
    if (items.join('\n') !== joined) onChange(items);
  };
  return (
    <label className="form-field">
      <span>
        {label} <span className="muted">({hint ?? 'one per line'})</span>
      </span>
      <textarea value={draft} rows={Math.max(2, Math.min(6, draft.split('\n').length))} onChange={(event) => setDraft(event.target.value)} onBlur={commit} />
    </label>
  );
}

/** Mood bounds such as "anger at least 50": an empty box leaves that bound out. */
export function MoodBoundsField({ legend, value, onChange }: { legend: string; value: MoodCondition | undefined; onChange: (value: MoodCondition | undefined) => void }) {
  const set = (dimension: (typeof MOOD_DIMENSIONS)[number], key: 'atLeast' | 'below', bound: number | undefined) => {
    const next: MoodCondition = structuredClone(value ?? {});
    const entry = { ...next[dimension], [key]: bound };
    if (bound === undefined) delete entry[key];
    if (Object.keys(entry).length) next[dimension] = entry;
    else delete next[dimension];
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <fieldset className="mood-fields">
      <legend>{legend}</legend>
      {MOOD_DIMENSIONS.map((dimension) => (
        <span key={dimension} className="mood-bound">
          <NumberField label={`${dimension} at least`} value={value?.[dimension]?.atLeast} min={0} max={100} onChange={(bound) => set(dimension, 'atLeast', bound)} />
          <NumberField label={`${dimension} below`} value={value?.[dimension]?.below} min={0} max={100} onChange={(bound) => set(dimension, 'below', bound)} />
        </span>
      ))}
    </fieldset>
  );
}

/** Mood changes such as "anger -10": an empty box leaves that dimension unchanged. */
export function MoodDeltaField({ legend, value, onChange, placeholders }: { legend: string; value: MoodDelta | undefined; onChange: (value: MoodDelta | undefined) => void; placeholders?: MoodDelta }) {
  return (
    <fieldset className="mood-fields">
      <legend>{legend}</legend>
      {MOOD_DIMENSIONS.map((dimension) => (
        <NumberField
          key={dimension}
          label={dimension}
          value={value?.[dimension]}
          min={-100}
          max={100}
          placeholder={placeholders?.[dimension] !== undefined ? String(placeholders[dimension]) : undefined}
          onChange={(delta) => {
            const next: MoodDelta = { ...value, [dimension]: delta };
            if (delta === undefined) delete next[dimension];
            onChange(Object.keys(next).length ? next : undefined);
          }}
        />
      ))}
    </fieldset>
  );
}

/** A titled group with a remove button, for one item of a list. */
export function ItemBox({ title, onRemove, removeLabel, children }: { title: ReactNode; onRemove?: () => void; removeLabel?: string; children: ReactNode }) {
  return (
    <fieldset className="item-box">
      <legend>{title}</legend>
      {children}
      {onRemove && (
        <button type="button" className="link-button danger" onClick={onRemove}>
          {removeLabel ?? 'Remove'}
        </button>
      )}
    </fieldset>
  );
}

/** A name for a new item, checked before it is added: ids are letters, digits, "-" or "_". */
export function AddByName({ label, taken, onAdd, button }: { label: string; taken: readonly string[]; onAdd: (name: string) => void; button: string }) {
  const [name, setName] = useState('');
  const problem = !name ? '' : !/^[a-zA-Z][a-zA-Z0-9_-]*$/.test(name) ? 'Use letters, digits, "-" or "_", starting with a letter.' : taken.includes(name) ? `"${name}" is already used.` : '';
  const id = useId();
  return (
    <form
      className="add-by-name"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name || problem) return;
        onAdd(name);
        setName('');
      }}
    >
      <label>
        {label} <input type="text" value={name} onChange={(event) => setName(event.target.value)} aria-describedby={id} aria-invalid={problem ? true : undefined} />
      </label>{' '}
      <button type="submit" disabled={!name || !!problem}>
        {button}
      </button>
      <span id={id} className="field-problem" role="status">
        {problem}
      </span>
    </form>
  );
}
