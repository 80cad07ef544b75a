import { useState } from 'react';
import { MoodPanel } from '../../components/mood-panel';
import { TranscriptLine } from '../../components/transcript-entry';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import type { TranscriptEntry } from '../../engine/call/transcript';

/** Steps through the call one entry at a time, with the customer's mood at each step. */
export function CallReplay({ transcript, scenario }: { transcript: TranscriptEntry[]; scenario: Scenario }) {
  const [step, setStep] = useState(0);
  if (!transcript.length) return null;
  const entry = transcript[step]!;
  return (
    <section className="replay card" aria-labelledby="replay-heading">
      <h2 id="replay-heading">Step-by-step replay</h2>
      <div className="control-row">
        <button type="button" onClick={() => setStep(0)} disabled={step === 0}>
          First
        </button>
        <button type="button" onClick={() => setStep(step - 1)} disabled={step === 0}>
          Previous
        </button>
        <span role="status">
          Step {step + 1} of {transcript.length}
        </span>
        <button type="button" onClick={() => setStep(step + 1)} disabled={step === transcript.length - 1}>
          Next
        </button>
        <button type="button" onClick={() => setStep(transcript.length - 1)} disabled={step === transcript.length - 1}>
          Last
        </button>
      </div>
      <div className="replay-body">
        <TranscriptLine entry={entry} customerName={scenario.persona.name} />
        <MoodPanel name={`${scenario.persona.name} at this point`} mood={entry.mood} headingId="replay-mood" />
      </div>
    </section>
  );
}
