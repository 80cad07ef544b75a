import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { deleteSession, downloadSession, listSessions, saveSession, type StoredSession } from '../../lib/session-store';

const STATUS_TEXT: Record<StoredSession['status'], string> = { live: 'In progress', wrapUp: 'Notes not finished', scored: 'Scored' };

export function HistoryPage() {
  const [sessions, setSessions] = useState<StoredSession[] | null>(null);
  const [removed, setRemoved] = useState<StoredSession | null>(null);

  useEffect(() => {
    void listSessions().then(setSessions);
  }, []);

  const remove = async (session: StoredSession) => {
    await deleteSession(session.id);
    setRemoved(session);
    setSessions((current) => current?.filter((s) => s.id !== session.id) ?? null);
  };
  const undo = async () => {
    if (!removed) return;
    await saveSession(removed);
    setRemoved(null);
    setSessions(await listSessions());
  };

  return (
    <section aria-labelledby="history-heading">
      <h1 id="history-heading">Your calls</h1>
      {removed && (
        <div className="notice" role="status">
          Deleted the call “{removed.scenarioTitle}” of {new Date(removed.startedAt).toLocaleString()}.{' '}
          <button type="button" className="link-button" onClick={undo}>
            Undo
          </button>
        </div>
      )}
      {sessions === null ? (
        <p role="status">Loading your calls…</p>
      ) : sessions.length === 0 ? (
        <p className="empty">
          No calls yet. <Link href="/">Choose a scenario</Link> to take your first call.
        </p>
      ) : (
        <table className="history-table">
          <caption>Most recent first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Trainee</th>
              <th scope="col">Scenario</th>
              <th scope="col">Status</th>
              <th scope="col">Score</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>{new Date(session.startedAt).toLocaleString()}</td>
                <td>{session.traineeName}</td>
                <td>{session.scenarioTitle}</td>
                <td>{STATUS_TEXT[session.status]}</td>
                <td>{session.scorecard ? `${session.scorecard.overall} (${session.scorecard.level})` : '—'}</td>
                <td className="actions">
                  {session.status === 'scored' ? (
                    <Link href={`/results/${session.id}`}>Scorecard</Link>
                  ) : (
                    <Link href={`/call/${session.id}`}>Continue</Link>
                  )}
                  <button type="button" className="link-button" onClick={() => downloadSession(session)}>
                    Download
                  </button>
                  <button type="button" className="link-button danger" onClick={() => remove(session)} aria-label={`Delete the call ${session.scenarioTitle} of ${new Date(session.startedAt).toLocaleString()}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
