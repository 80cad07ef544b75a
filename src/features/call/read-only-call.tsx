import { useEffect, useRef } from 'react';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import type { StoredSession } from '../../lib/session-store';
import { CallTranscript } from './call-transcript';
import type { ReadOnlyReason } from './use-call-session';

const WHY: Record<ReadOnlyReason, { message: string; action: string }> = {
  openElsewhere: { message: 'This call is open in another tab.', action: 'Take it over here' },
  takenOver: { message: 'This call was taken over in another tab, so this tab stopped.', action: 'Take it back here' },
  newerElsewhere: { message: 'Another tab saved newer work on this call, so this tab stopped rather than overwrite it.', action: 'Continue here from the newest copy' },
};

/** A call another tab is taking: its transcript as stored, and the way to take it over here. */
export function ReadOnlyCall({ session, scenario, reason, onTakeOver }: { session: StoredSession; scenario: Scenario; reason: ReadOnlyReason; onTakeOver: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const { message, action } = WHY[reason];
  useEffect(() => button.current?.focus(), [reason]);
  return (
    <div className="call-page">
      <div className="call-header">
        <h1>
          {scenario.title} <span className="muted">with {scenario.persona.name}</span>
        </h1>
      </div>
      <div className="notice notice-warning read-only-banner" role="alert">
        <p>
          <strong>{message}</strong> Only one tab can take a call, so nothing here is saved. {reason === 'openElsewhere' && 'Take it over here?'}
        </p>
        <button ref={button} type="button" className="primary" onClick={onTakeOver}>
          {action}
        </button>
      </div>
      <CallTranscript transcript={session.record.transcript} customerName={scenario.persona.name} />
    </div>
  );
}
