import { useId, useState } from 'react';
import { useReviewer } from './reviewer';

/** Who signs the review entries made here. Asked once, remembered in this browser. */
export function ReviewerName() {
  const { name, setName } = useReviewer();
  const [draft, setDraft] = useState(name);
  const [editing, setEditing] = useState(!name);
  const id = useId();
  if (!editing) {
    return (
      <p className="reviewer-name">
        Reviewing as <strong>{name}</strong>.{' '}
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          Change
        </button>
      </p>
    );
  }
  return (
    <form className="reviewer-name" onSubmit={(event) => { event.preventDefault(); if (draft.trim()) { setName(draft); setEditing(false); } }}>
      <label htmlFor={id}>Your name, to sign comments, overrides and verdicts</label>{' '}
      <input id={id} value={draft} onChange={(event) => setDraft(event.target.value)} autoComplete="name" />{' '}
      <button type="submit" className="button" disabled={!draft.trim()}>
        Save
      </button>
    </form>
  );
}
