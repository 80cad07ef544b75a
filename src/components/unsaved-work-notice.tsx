import { useEffect, useState } from 'react';
import { downloadSession, findInOtherTabs, type StoredSession } from '../lib/session-store';
import { unsavedMark, type UnsavedMark } from '../lib/storage/unsaved-marks';

const REASON = { full: 'the browser’s storage was full', unavailable: 'the browser was not letting the trainer save data' } as const;

function lines(count: number) {
  return count === 1 ? '1 line' : `${count} lines`;
}

/**
 * After a storage failure and a reload, says what of a call never reached
 * storage, and offers the whole call for download when another open tab
 * still holds it. Says nothing when `shown` is already the whole call.
 * A page that writes the session as it opens (the call) reads the note
 * first and passes it in, since a successful write clears it.
 */
export function UnsavedWorkNotice({ sessionId, shown, note }: { sessionId: string; shown: StoredSession | null; note?: UnsavedMark }) {
  const [mark] = useState(() => note ?? unsavedMark(sessionId));
  const complete = !!mark && !!shown && shown.record.transcript.length >= mark.heldEntries && shown.status === mark.heldStatus;
  const [held, setHeld] = useState<StoredSession | undefined | null>(null);
  useEffect(() => {
    if (!mark || complete) return;
    let live = true;
    void findInOtherTabs(sessionId).then((session) => live && setHeld(session));
    return () => {
      live = false;
    };
  }, [sessionId, mark, complete]);

  if (!mark || complete) return null;
  const storedEntries = shown?.record.transcript.length ?? 0;
  const missing = Math.max(0, mark.heldEntries - storedEntries);
  const since = new Date(mark.since).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        <strong>
          {shown
            ? `The last ${lines(missing)} of this call never reached the browser’s storage, because ${REASON[mark.reason]} (from ${since}).`
            : `This call never reached the browser’s storage, because ${REASON[mark.reason]} (from ${since}).`}
        </strong>{' '}
        {shown && `What you see here is the last copy that was saved, with ${lines(storedEntries)} of the ${mark.heldEntries} the call had.`}
        {mark.heldStatus === 'scored' && shown?.status !== 'scored' && ' Its notes and scorecard were not saved either.'}
      </p>
      {held === null ? (
        <p role="status">Looking for another open tab that still has the whole call…</p>
      ) : held ? (
        <p>
          Another open tab still has the whole call.{' '}
          <button type="button" onClick={() => downloadSession(held)}>
            Download the whole call
          </button>
        </p>
      ) : (
        <p>No open tab still has the rest of it, so those lines are lost.</p>
      )}
    </div>
  );
}
