/**
 * Loads a stored session and runs its call: a new call, or a saved one
 * brought back by replay. Every change is written to storage at once, so a
 * reload, a closed tab or a crash loses nothing.
 *
 * Only the tab holding the call's lock runs and saves it; another tab on
 * the same call shows it read-only until the trainee takes it over there.
 * A tab whose write storage refuses (newer work is stored) stops too.
 */
import { useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Call, viewOf, type CallView } from '../../engine/call/call';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { holdCall, releaseCall } from '../../lib/call-lock';
import { loadScenario } from '../../lib/scenarios';
import { loadSession, onSaveRefused, saveSession, type StoredSession } from '../../lib/session-store';
import { listenToOtherTabs } from '../../lib/storage/tab-channel';
import { unsavedMark, type UnsavedMark } from '../../lib/storage/unsaved-marks';

/** Why a tab shows a call without running it. */
export type ReadOnlyReason = 'openElsewhere' | 'takenOver' | 'newerElsewhere';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'missing'; reason: string }
  | { kind: 'scored'; session: StoredSession }
  | { kind: 'readOnly'; session: StoredSession; scenario: Scenario; reason: ReadOnlyReason; takeOver: () => void; unsaved?: UnsavedMark }
  | { kind: 'ready'; session: StoredSession; scenario: Scenario; call: Call; resumedExactly: boolean; unsaved?: UnsavedMark };

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

const RELOAD_CARRY_OVER_MS = 60_000;

function runCall(stored: StoredSession, scenario: Scenario): { call: Call; resumedExactly: boolean } {
  if (stored.saved.snapshot === null) return { call: new Call(scenario, { seed: stored.saved.seed }), resumedExactly: true };
  // A reload takes seconds, and the quiet before it was call time: count up to a minute since the last save, not a night away.
  const sinceSave = Date.now() - Date.parse(stored.updatedAt);
  const resumed = Call.resume(scenario, stored.saved, { carryOverMs: Number.isFinite(sinceSave) ? Math.min(RELOAD_CARRY_OVER_MS, Math.max(0, sinceSave)) : 0 });
  return { call: resumed.call, resumedExactly: resumed.exact };
}

export function useCallSession(sessionId: string): SessionState {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const [takeOvers, setTakeOvers] = useState(0);
  const takeOver = useCallback(() => setTakeOvers((count) => count + 1), []);

  useEffect(() => {
    let call: Call | null = null;
    let cancelled = false;
    const stopListening: (() => void)[] = [];
    const stopCall = () => {
      const running = call;
      call = null;
      running?.stop();
    };
    const showReadOnly = async (reason: ReadOnlyReason) => {
      stopCall();
      const stored = await loadSession(sessionId);
      const scenario = stored && (await loadScenario(stored.scenarioId));
      if (cancelled || !stored || !scenario) return;
      setState(stored.status === 'scored' ? { kind: 'scored', session: stored } : { kind: 'readOnly', session: stored, scenario, reason, takeOver, unsaved: unsavedMark(sessionId) });
    };

    void (async () => {
      const lock = await holdCall(sessionId, { takeOver: takeOvers > 0 });
      const stored = await loadSession(sessionId);
      const scenario = stored ? await loadScenario(stored.scenarioId) : undefined;
      // Read before this tab's first write, which clears it.
      const unsaved = unsavedMark(sessionId);
      if (cancelled) return;
      if (!stored) return setState({ kind: 'missing', reason: 'This call is not in this browser’s storage.' });
      if (!scenario) return setState({ kind: 'missing', reason: `The scenario “${stored.scenarioTitle}” is no longer installed.` });
      if (stored.status === 'scored') return setState({ kind: 'scored', session: stored });
      if (!lock) {
        // Follow what the other tab stores, so this one shows the call as it goes on.
        stopListening.push(listenToOtherTabs((message) => message.type === 'saved' && message.summary.id === sessionId && void showReadOnly('openElsewhere')));
        return setState({ kind: 'readOnly', session: stored, scenario, reason: 'openElsewhere', takeOver, unsaved });
      }
      lock.onLost(() => !cancelled && void showReadOnly('takenOver'));
      stopListening.push(onSaveRefused((id) => id === sessionId && !cancelled && void showReadOnly('newerElsewhere')));
      const running = runCall(stored, scenario);
      call = running.call;
      let session = stored;
      call.subscribe((view) => {
        if (call) session = persist(session, call, view);
      });
      // Save the first snapshot too, so an immediate reload resumes rather than restarts.
      session = persist(session, call, call.view);
      // Leaving the page saves the clock as it stands, so the quiet time since the last turn still counts after a reload.
      const saveOnLeave = () => {
        if (call && call.view.status !== 'ended') session = persist(session, call, call.view);
      };
      window.addEventListener('pagehide', saveOnLeave);
      stopListening.push(() => window.removeEventListener('pagehide', saveOnLeave));
      setState({ kind: 'ready', session, scenario, call, resumedExactly: running.resumedExactly, unsaved });
    })();
    return () => {
      cancelled = true;
      stopCall();
      for (const stop of stopListening) stop();
      releaseCall(sessionId);
    };
  }, [sessionId, takeOvers, takeOver]);

  return state;
}

/** The call's view, re-rendered whenever the customer machine changes. */
export function useCallView(call: Call): CallView {
  const snapshot = useSelector(call.actor, (current) => current);
  return useMemo(() => viewOf(call.scenario, snapshot), [call.scenario, snapshot]);
}
