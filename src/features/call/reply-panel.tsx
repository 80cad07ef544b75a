import { useEffect } from 'react';
import type { PreparedReply } from '../../engine/scenario/scenario-schema';

function typingInField(target: EventTarget | null) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The prepared replies of the current beat, chosen by click or by keys 1 to 9 (a beat has at most nine, so each has a key). */
export function ReplyPanel({ replies, disabled, onChoose, note }: { replies: PreparedReply[]; disabled: boolean; onChoose: (id: string) => void; note?: string }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (disabled || event.altKey || event.ctrlKey || event.metaKey || typingInField(event.target)) return;
      const index = Number(event.key) - 1;
      const reply = Number.isInteger(index) ? replies[index] : undefined;
      if (reply && index < 9) {
        event.preventDefault();
        onChoose(reply.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [replies, disabled, onChoose]);

  return (
    <section className="replies card" aria-labelledby="replies-heading">
      <h2 id="replies-heading">Your reply</h2>
      {note && <p className="muted">{note}</p>}
      {replies.length === 0 ? (
        <p className="muted">No reply is expected right now.</p>
      ) : (
        <ol className="reply-list">
          {replies.map((reply, index) => (
            <li key={reply.id}>
              <button type="button" className="reply" disabled={disabled} onClick={() => onChoose(reply.id)} aria-keyshortcuts={String(index + 1)}>
                <kbd aria-hidden="true">{index + 1}</kbd>
                <span>{reply.text}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
