import { useState } from 'react';
import { usePreferences } from '../../lib/preferences';

/** Thinking time choices: off is how an assessed call runs; more is for practice. */
const THINKING = [
  { ms: 0, label: 'Off (as in an assessment)' },
  { ms: 15_000, label: '15 seconds more' },
  { ms: 30_000, label: '30 seconds more' },
  { ms: 60_000, label: 'A minute more' },
];

interface Props {
  status: 'ringing' | 'live' | 'ended';
  /** Outbound: the trainee places the call rather than answering it. */
  outbound?: boolean;
  onHold: boolean;
  onAnswer: () => void;
  onHoldToggle: () => void;
  onEscalate: () => void;
  onEnd: () => void;
  thinkingMs: number;
  onThinking: (ms: number) => void;
}

export function CallControls({ status, outbound = false, onHold, onAnswer, onHoldToggle, onEscalate, onEnd, thinkingMs, onThinking }: Props) {
  const { volume, muted, speech, setVolume, setMuted, setSpeech } = usePreferences();
  const live = status === 'live';
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="controls card" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Call controls</h2>
      <div className="control-row">
        {status === 'ringing' && (
          <button type="button" className="primary large answer" onClick={onAnswer} autoFocus>
            {outbound ? 'Place the call' : 'Answer'}
          </button>
        )}
        <button type="button" onClick={onHoldToggle} disabled={!live} aria-pressed={onHold}>
          {onHold ? 'Resume from hold' : 'Hold'}
        </button>
        <button type="button" onClick={onEscalate} disabled={!live}>
          Escalate or transfer
        </button>
        {confirming ? (
          <span role="group" aria-label="End the call?" className="confirm-end">
            <span>End the call now?</span>{' '}
            <button type="button" className="danger" onClick={() => { setConfirming(false); onEnd(); }} autoFocus>
              Yes, end the call
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep talking
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={!live}>
            End call
          </button>
        )}
      </div>
      <div className="control-row">
        <label>
          Thinking time before the customer notices silence{' '}
          <select value={thinkingMs} onChange={(event) => onThinking(Number(event.target.value))}>
            {THINKING.map((choice) => (
              <option key={choice.ms} value={choice.ms}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="control-row audio">
        <label>
          Volume{' '}
          <input type="range" min={0} max={1} step={0.05} value={volume} onChange={(event) => setVolume(Number(event.target.value))} />
        </label>
        <label>
          <input type="checkbox" checked={muted} onChange={(event) => setMuted(event.target.checked)} /> Mute
        </label>
        <label>
          <input type="checkbox" checked={speech} onChange={(event) => setSpeech(event.target.checked)} /> Read the customer aloud
        </label>
      </div>
    </section>
  );
}
