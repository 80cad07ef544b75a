import { usePreferences } from '../../lib/preferences';

interface Props {
  status: 'ringing' | 'live' | 'ended';
  onHold: boolean;
  onAnswer: () => void;
  onHoldToggle: () => void;
  onEscalate: () => void;
  onEnd: () => void;
}

export function CallControls({ status, onHold, onAnswer, onHoldToggle, onEscalate, onEnd }: Props) {
  const { volume, muted, speech, setVolume, setMuted, setSpeech } = usePreferences();
  const live = status === 'live';
  return (
    <section className="controls card" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Call controls</h2>
      <div className="control-row">
        {status === 'ringing' && (
          <button type="button" className="primary large answer" onClick={onAnswer} autoFocus>
            Answer
          </button>
        )}
        <button type="button" onClick={onHoldToggle} disabled={!live} aria-pressed={onHold}>
          {onHold ? 'Resume from hold' : 'Hold'}
        </button>
        <button type="button" onClick={onEscalate} disabled={!live}>
          Escalate or transfer
        </button>
        <button type="button" className="danger" onClick={onEnd} disabled={!live}>
          End call
        </button>
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
