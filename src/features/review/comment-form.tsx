import { useId, useState } from 'react';

/** A comment box; the text is kept and shown as text, never as HTML. */
export function CommentForm({ label, onSubmit, onDone }: { label: string; onSubmit: (text: string) => Promise<string | null>; onDone: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return setError('Write the comment first');
        void onSubmit(text.trim()).then((problem) => {
          if (problem) setError(problem);
          else {
            setText('');
            setError(null);
            onDone();
          }
        });
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={text} onChange={(event) => setText(event.target.value)} />
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit" className="button">
        Add comment
      </button>
    </form>
  );
}
