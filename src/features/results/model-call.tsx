import { useState } from 'react';
import { TranscriptLine } from '../../components/transcript-entry';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import type { TranscriptEntry } from '../../engine/call/transcript';

/** The scenario's best route as a call, loaded on request (route search is too heavy for the first page). */
export function ModelCall({ scenario }: { scenario: Scenario }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; transcript: TranscriptEntry[] | null }>({ kind: 'idle' });
  const show = async () => {
    setState({ kind: 'loading' });
    const { modelCall } = await import('../../engine/call/model-call');
    setState({ kind: 'ready', transcript: modelCall(scenario) });
  };
  return (
    <section className="card model-call" aria-labelledby="model-call-heading">
      <h2 id="model-call-heading">A model call</h2>
      {state.kind === 'idle' && (
        <button type="button" onClick={() => void show()}>
          Show a call that reaches the best ending
        </button>
      )}
      {state.kind === 'loading' && <p role="status">Working out the best route…</p>}
      {state.kind === 'ready' &&
        (state.transcript ? (
          <ol className="lines" aria-label="Model call">
            {state.transcript.map((entry, index) => (
              <li key={index}>
                <TranscriptLine entry={entry} customerName={scenario.persona.name} />
              </li>
            ))}
          </ol>
        ) : (
          <p>No route of prepared replies reaches the best ending of this scenario.</p>
        ))}
    </section>
  );
}
