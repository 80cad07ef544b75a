import { useEffect, useId, useState, type FormEvent } from 'react';
import { checkConnection } from '../../lib/xapi/lrs-client';
import { endpointProblem, useLrsSettings } from '../../lib/xapi/lrs-settings';
import { flushOutbox, loadOutboxState, outboxSummary, retryAll, useOutbox } from '../../lib/xapi/outbox';
import { startOutboxSender } from '../../lib/xapi/outbox-sender';

/**
 * Team records: the LRS this browser sends scored calls and reviews to, and
 * the state of the queue waiting for it. The key and secret stay in this
 * browser; the LRS decides what they may read and write.
 */
export function LrsSettingsSection() {
  const saved = useLrsSettings();
  const outbox = useOutbox();
  const [draft, setDraft] = useState({ endpoint: saved.endpoint, key: saved.key, secret: saved.secret, enabled: saved.enabled });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [checking, setChecking] = useState(false);
  const ids = { endpoint: useId(), key: useId(), secret: useId(), problem: useId() };

  useEffect(() => {
    void loadOutboxState();
    startOutboxSender();
  }, []);

  const problem = draft.enabled ? endpointProblem(draft.endpoint) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      setMessage({ text: problem, error: true });
      return;
    }
    saved.save(draft);
    if (!draft.enabled) {
      setMessage({ text: 'Saved. Team records are off: calls stay in this browser.', error: false });
      return;
    }
    setChecking(true);
    try {
      const connected = await checkConnection(draft);
      setMessage({ text: `Saved. ${connected}.`, error: false });
      if (useOutbox.getState().waiting) void flushOutbox(draft);
    } catch (error) {
      setMessage({ text: `Saved, but ${(error as Error).message}. Records wait in this browser until it answers.`, error: true });
    } finally {
      setChecking(false);
    }
  };

  const sendNow = async () => {
    await retryAll();
    if (saved.enabled && saved.endpoint) await flushOutbox(saved);
  };

  return (
    <section className="card settings-section" aria-labelledby="lrs-heading">
      <h2 id="lrs-heading">Team records (xAPI)</h2>
      <p>
        Send scored calls and reviews to your team’s Learning Record Store, so a supervisor can review them from another computer. Ask your
        administrator for the endpoint and a key: trainees need a key that may write statements, supervisors one that may also read them.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p>
          <label>
            <input type="checkbox" checked={draft.enabled} onChange={(event) => setDraft({ ...draft, enabled: event.target.checked })} /> Send records to the
            LRS
          </label>
        </p>
        <div className="field">
          <label htmlFor={ids.endpoint}>LRS endpoint</label>
          <input
            id={ids.endpoint}
            type="url"
            inputMode="url"
            placeholder="https://lrs.example.org/xAPI/"
            value={draft.endpoint}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? ids.problem : undefined}
            onChange={(event) => setDraft({ ...draft, endpoint: event.target.value })}
          />
          {problem && draft.endpoint && (
            <p id={ids.problem} className="field-error">
              {problem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.key}>Key</label>
          <input id={ids.key} autoComplete="username" value={draft.key} onChange={(event) => setDraft({ ...draft, key: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.secret}>Secret</label>
          <input id={ids.secret} type="password" autoComplete="current-password" value={draft.secret} onChange={(event) => setDraft({ ...draft, secret: event.target.value })} />
        </div>
        <div className="control-row">
          <button type="submit" className="button primary" disabled={checking}>
            {checking ? 'Checking the LRS…' : 'Save'}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {message && <p className={message.error ? 'notice notice-warning' : 'notice'}>{message.text}</p>}
      </div>
      <h3>Waiting to send</h3>
      <p role="status" aria-live="polite" className="outbox-state">
        {outbox.sending ? 'Sending… ' : ''}
        {outboxSummary(outbox)}
        {!outbox.durable && ' (this browser cannot store them: they are kept only while this tab is open)'}
      </p>
      {outbox.problem && (outbox.waiting > 0 || outbox.rejected > 0) && <p className="muted">Last try: {outbox.problem}</p>}
      {(outbox.waiting > 0 || outbox.rejected > 0) && saved.enabled && (
        <button type="button" className="button" onClick={() => void sendNow()} disabled={outbox.sending}>
          Send now
        </button>
      )}
    </section>
  );
}
