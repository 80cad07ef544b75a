/**
 * Loads a stored session and runs its call: a new call, or a saved one
 * brought back by replay. Every change is written to storage at once, so a
 * reload, a closed tab or a crash loses nothing.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useMemo, useState } from 'react';
import { Call, viewOf, type CallView } from '../../engine/call/call';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { loadScenario } from '../../lib/scenarios';
import { loadSession, saveSession, type StoredSession } from '../../lib/session-store';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'missing'; reason: string }
  | { kind: 'ready'; session: StoredSession; scenario: Scenario; call: Call; resumedExactly: boolean };

function persist(session: StoredSession, call: Call, view: CallView): StoredSession {
  const next: StoredSession = {
    ...session,
    updatedAt: new Date().toISOString(),
    status: view.status === 'ended' ? 'wrapUp' : 'live',
    saved: call.save(),
    record: call.record(session.notes),
  };
  void saveSession(next);
  return next;
}

export function useCallSession(sessionId: string): SessionState {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    let call: Call | null = null;
    let cancelled = false;
    void loadSession(sessionId).then(async (stored) => {
      const scenario = stored ? await loadScenario(stored.scenarioId) : undefined;
      if (cancelled) return;
      if (!stored) return setState({ kind: 'missing', reason: 'This call is not in this browser’s storage.' });
      if (!scenario) return setState({ kind: 'missing', reason: `The scenario “${stored.scenarioTitle}” is no longer installed.` });
      let resumedExactly = true;
      if (stored.saved.snapshot === null) {
        call = new Call(scenario, { seed: stored.saved.seed });
      } else {
        const resumed = Call.resume(scenario, stored.saved);
        call = resumed.call;
        resumedExactly = resumed.exact;
      }
      let session = stored;
      call.subscribe((view) => {
        session = persist(session, call!, view);
      });
      // Save the first snapshot too, so an immediate reload resumes rather than restarts.
      session = persist(session, call, call.view);
      setState({ kind: 'ready', session, scenario, call, resumedExactly });
    });
    return () => {
      cancelled = true;
      call?.stop();
    };
  }, [sessionId]);

  return state;
}

/** The call's view, re-rendered whenever the customer machine changes. */
export function useCallView(call: Call): CallView {
  const snapshot = useSelector(call.actor, (current) => current);
  return useMemo(() => viewOf(call.scenario, snapshot), [call.scenario, snapshot]);
}
