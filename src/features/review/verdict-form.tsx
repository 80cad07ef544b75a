import { useId, useState } from 'react';
import { SCENARIO_SUMMARIES } from '../../lib/scenarios';
import type { AddEntry } from './add-entry';

/** Pass, or another attempt at a scenario the supervisor picks. */
export function VerdictForm({ onAdd, currentScenarioId }: { onAdd: AddEntry; currentScenarioId: string }) {
  const [verdict, setVerdict] = useState<'pass' | 'retry'>('pass');
  const [retry, setRetry] = useState(currentScenarioId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { retry: useId(), text: useId() };
  return (
    <section className="verdict" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">Verdict</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const change = verdict === 'pass' ? { kind: 'verdict' as const, verdict, ...(text.trim() ? { text: text.trim() } : {}) } : { kind: 'verdict' as const, verdict, retryScenarioId: retry, ...(text.trim() ? { text: text.trim() } : {}) };
          void onAdd(change, verdict === 'pass' ? 'Verdict: pass' : 'Verdict: another attempt').then((problem) => setError(problem));
        }}
      >
        <fieldset>
          <legend>This call</legend>
          <label>
            <input type="radio" name="verdict" checked={verdict === 'pass'} onChange={() => setVerdict('pass')} /> Pass
          </label>
          <label>
            <input type="radio" name="verdict" checked={verdict === 'retry'} onChange={() => setVerdict('retry')} /> Needs another attempt
          </label>
        </fieldset>
        {verdict === 'retry' && (
          <p>
            <label htmlFor={ids.retry}>Scenario to retry</label>{' '}
            <select id={ids.retry} value={retry} onChange={(event) => setRetry(event.target.value)}>
              {SCENARIO_SUMMARIES.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.title}
                </option>
              ))}
            </select>
          </p>
        )}
        <p>
          <label htmlFor={ids.text}>Note to the trainee (optional)</label>
          <textarea id={ids.text} rows={2} value={text} onChange={(event) => setText(event.target.value)} />
        </p>
        {error && <p className="field-error" role="alert">{error}</p>}
        <button type="submit" className="button primary">
          Give verdict
        </button>
      </form>
    </section>
  );
}
