import { useState, type FormEvent } from 'react';
import type { CallNotes } from '../../engine/call/transcript';

const FIELDS: { key: keyof CallNotes; label: string; hint: string }[] = [
  { key: 'who', label: 'Who', hint: 'Who called, who is affected' },
  { key: 'what', label: 'What', hint: 'What the problem or request is' },
  { key: 'when', label: 'When', hint: 'Dates and times that matter' },
  { key: 'where', label: 'Where', hint: 'Address, service or place concerned' },
  { key: 'why', label: 'Why', hint: 'Cause, or why it matters to the customer' },
  { key: 'action', label: 'Action taken', hint: 'What you did or promised, with amounts' },
];

/** Wrap-up notes; every change is kept as a draft, so nothing is lost before scoring. */
export function NotesForm({ initial, onChange, onSubmit, submitting }: { initial: CallNotes; onChange: (notes: CallNotes) => void; onSubmit: (notes: CallNotes) => void; submitting: boolean }) {
  const [notes, setNotes] = useState(initial);
  const update = (key: keyof CallNotes, value: string) => {
    const next = { ...notes, [key]: value };
    setNotes(next);
    onChange(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(notes);
  };
  return (
    <form className="notes card" onSubmit={submit} aria-labelledby="notes-heading">
      <h2 id="notes-heading">Call notes</h2>
      <p className="muted">Record the call as your supervisor would want to read it. The notes are scored for who, what, when, where, why and the action taken, and for amounts that match the account.</p>
      {FIELDS.map((field) => (
        <div key={field.key} className="field">
          <label htmlFor={`notes-${field.key}`}>{field.label}</label>
          <span id={`notes-${field.key}-hint`} className="muted hint">
            {field.hint}
          </span>
          <textarea id={`notes-${field.key}`} aria-describedby={`notes-${field.key}-hint`} rows={2} value={notes[field.key]} onChange={(event) => update(field.key, event.target.value)} />
        </div>
      ))}
      <button type="submit" className="primary large" disabled={submitting}>
        {submitting ? 'Scoring…' : 'Save notes and see my score'}
      </button>
    </form>
  );
}
