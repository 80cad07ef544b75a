import { useEffect, useState } from 'react';
import type { Call, CallView } from '../../engine/call/call';
import { formatClock } from '../../components/transcript-entry';

/** Re-renders every half second while the call is live, so the clocks move. */
function useTick(active: boolean) {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setTick((tick) => tick + 1), 500);
    return () => clearInterval(id);
  }, [active]);
}

/** Handle time since answering, and how long the line has been quiet. */
export function CallClock({ call, view }: { call: Call; view: CallView }) {
  useTick(view.status === 'live');
  const startedAt = call.context.startedAt;
  const now = view.status === 'ended' ? startedAt + (view.transcript.at(-1)?.at ?? 0) : call.clock.now();
  const answered = view.transcript.find((entry) => entry.kind === 'event' && entry.event === 'answer');
  const handle = answered ? now - startedAt - answered.at : 0;
  // The engine says when the silence began (the customer stopped speaking, or the trainee last acted) and stands it still while the trainee composes.
  const { silentSince, silenceUsed = 0, composing = false, thinkingMs = 0, lookupWait = false } = call.context;
  const counting = view.status === 'live' && !view.onHold;
  const quiet = counting ? silenceUsed + (composing ? 0 : Math.max(0, now - startedAt - silentSince)) : 0;
  const limit = call.scenario.timing.silenceMs + thinkingMs + (lookupWait ? call.scenario.timing.lookupWaitMs : 0);
  return (
    <div className="call-clock" aria-label="Call timers">
      <span>
        Handle time <strong>{formatClock(handle)}</strong>
      </span>
      <span className={quiet > limit * 0.6 ? 'warn' : undefined}>
        Silence <strong>{formatClock(quiet)}</strong>{' '}
        <span className="muted">{composing ? '(paused while you compose)' : `(the customer notices at ${formatClock(limit)}${lookupWait ? ', waiting while you look it up' : ''})`}</span>
      </span>
    </div>
  );
}
