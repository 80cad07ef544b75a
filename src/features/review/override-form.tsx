import { useId, useState, type FormEvent } from 'react';
import type { OverrideTarget } from '../../engine/records/review-log';
import type { AddEntry } from './add-entry';

/** Replaces a computed score; the reason is required and kept with who and when. */
export function OverrideForm({ target, label, max, current, onAdd, onDone }: { target: OverrideTarget; label: string; max: number; current: number | null; onAdd: AddEntry; onDone: () => void }) {
  const [score, setScore] = useState(current === null ? '' : String(current));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { score: useId(), reason: useId(), error: useId() };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(score);
    if (score.trim() === '' || !Number.isFinite(value)) return setError(`Enter a score from 0 to ${max}`);
    if (!reason.trim()) return setError('Give a reason: the trainee and other supervisors will see it');
    const problem = await onAdd({ kind: 'override', target, score: value, reason: reason.trim() }, `${label} overridden to ${value}`);
    if (problem) setError(problem);
    else onDone();
  };
  return (
    <form className="override-form" onSubmit={(event) => void submit(event)} aria-label={`Override ${label}`} noValidate>
      <label htmlFor={ids.score}>
        New score for {label} (0–{max})
      </label>
      <input id={ids.score} type="number" min={0} max={max} step="any" value={score} onChange={(event) => setScore(event.target.value)} aria-describedby={error ? ids.error : undefined} autoFocus />
      <label htmlFor={ids.reason}>Reason (required)</label>
      <textarea id={ids.reason} value={reason} rows={2} onChange={(event) => setReason(event.target.value)} aria-describedby={error ? ids.error : undefined} />
      {error && (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="control-row">
        <button type="submit" className="button primary">
          Override
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
