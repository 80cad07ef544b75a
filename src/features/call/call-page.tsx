import { useCallback, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Call } from '../../engine/call/call';
import type { Classifier } from '../../engine/classifier/classify';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import type { CallNotes } from '../../engine/call/transcript';
import type { AccountSection } from '../../engine/vocabulary';
import { downloadSession, saveSession, useStorageStatus, type StoredSession } from '../../lib/session-store';
import { UnsavedWorkNotice } from '../../components/unsaved-work-notice';
import { AccountPanel } from './account-panel';
import { CallClock } from './call-clock';
import { CallControls } from './call-controls';
import { CallTranscript } from './call-transcript';
import { MoodPanel } from '../../components/mood-panel';
import { NotesForm } from './notes-form';
import { ReadOnlyCall } from './read-only-call';
import { ReplyPanel } from './reply-panel';
import { HeardAs } from './heard-as';
import { TypedReplyPanel } from './typed-reply-panel';
import { useCallAudio } from './use-call-audio';
import { useCallSession, useCallView } from './use-call-session';

export function CallPage({ sessionId }: { sessionId: string }) {
  const state = useCallSession(sessionId);
  if (state.kind === 'loading') return <p role="status">Connecting the call…</p>;
  if (state.kind === 'missing') {
    return (
      <section>
        <h1>Call not found</h1>
        <UnsavedWorkNotice sessionId={sessionId} shown={null} />
        <p>{state.reason}</p>
        <p>
          <Link href="/">Choose a call</Link> or look in <Link href="/history">your history</Link>.
        </p>
      </section>
    );
  }
  if (state.kind === 'scored') {
    return (
      <section>
        <h1>This call has been scored</h1>
        <p>
          <Link href={`/results/${sessionId}`}>See its scorecard</Link>, or <Link href="/">choose another call</Link>.
        </p>
      </section>
    );
  }
  return (
    <>
      <UnsavedWorkNotice sessionId={sessionId} shown={state.session} note={state.unsaved} />
      {state.kind === 'readOnly' ? (
        <ReadOnlyCall session={state.session} scenario={state.scenario} reason={state.reason} onTakeOver={state.takeOver} />
      ) : (
        <LiveCall session={state.session} scenario={state.scenario} call={state.call} resumedExactly={state.resumedExactly} />
      )}
    </>
  );
}

function LiveCall({ session, scenario, call, resumedExactly }: { session: StoredSession; scenario: Scenario; call: Call; resumedExactly: boolean }) {
  const view = useCallView(call);
  const [, navigate] = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const notesDraft = useRef<CallNotes>(session.notes);
  useCallAudio(view, scenario.persona, scenario.direction);

  const choose = useCallback((replyId: string) => call.choose(replyId), [call]);
  const sayTyped = useCallback((classifier: Classifier, text: string) => call.sayTyped(classifier, text), [call]);
  const lookup = useCallback((section: AccountSection) => call.send({ type: 'LOOKUP', section }), [call]);
  const composing = useCallback((now: boolean) => {
    if (call.view.status === 'live') call.send({ type: 'COMPOSING', composing: now });
  }, [call]);

  const storageFailed = useStorageStatus((storage) => storage.status !== 'ok');

  const saveNotes = (notes: CallNotes) => {
    notesDraft.current = notes;
    void saveSession({ ...session, saved: call.save(), record: call.record(notes), notes, status: 'wrapUp', updatedAt: new Date().toISOString() });
  };

  const score = async (notes: CallNotes) => {
    setSubmitting(true);
    const { scoreCall } = await import('../../engine/scoring/scorer');
    const record = call.record(notes);
    const scored = { ...session, saved: call.save(), record, notes, status: 'scored' as const, scorecard: scoreCall(scenario, record), updatedAt: new Date().toISOString() };
    const outcome = await saveSession(scored);
    // Team records: loaded only now, and a no-op unless an LRS is set in settings.
    if (outcome !== 'refused') void import('../../lib/xapi/send-scored-call').then((module) => module.sendScoredCall(scored));
    // Refused: another tab holds newer work, and this page has turned read-only to say so.
    if (outcome !== 'refused') navigate(`/results/${session.id}`);
  };

  const download = () => downloadSession({ ...session, saved: call.save(), record: call.record(notesDraft.current), notes: notesDraft.current, updatedAt: new Date().toISOString() });

  const ended = view.status === 'ended';
  const outbound = scenario.direction === 'outbound';
  const replyNote = view.status === 'ringing' ? (outbound ? 'Place the call first.' : 'Answer the call first.') : view.onHold ? 'The customer is on hold and cannot hear you.' : undefined;

  return (
    <div className="call-page">
      <div className="call-header">
        <h1>
          {scenario.title} <span className="muted">with {scenario.persona.name}</span>
        </h1>
        <p className="call-status" role="status">
          {view.status === 'ringing' ? (outbound ? `Ready to call ${scenario.persona.name}` : 'The phone is ringing…') : ended ? `Call ended: ${view.ending?.detail.title}` : view.onHold ? 'On hold' : 'On the call'}
        </p>
        <CallClock call={call} view={view} />
        {storageFailed && (
          <button type="button" onClick={download}>
            Download this call
          </button>
        )}
      </div>
      {!resumedExactly && (
        <p className="notice" role="status">
          This call was resumed from its last saved point. The scenario has changed since it was started, so the customer's waiting timers start again from your next move.
        </p>
      )}
      <div className="call-grid">
        <div className="call-main">
          <CallTranscript transcript={view.transcript} customerName={scenario.persona.name} />
          {ended ? (
            <NotesForm initial={notesDraft.current} onChange={saveNotes} onSubmit={score} submitting={submitting} />
          ) : session.replyMode === 'open' ? (
            <>
              <HeardAs transcript={view.transcript} live={view.status === 'live' && !view.onHold} onMisheard={() => call.send({ type: 'MISHEARD' })} />
              <TypedReplyPanel disabled={view.status !== 'live' || view.onHold} onSend={sayTyped} onComposing={composing} note={replyNote} lang={scenario.persona.voice.lang} />
            </>
          ) : (
            <ReplyPanel replies={view.replies} disabled={view.status !== 'live' || view.onHold} onChoose={choose} note={replyNote} />
          )}
        </div>
        <aside className="call-side" aria-label="Customer and account">
          <MoodPanel name={scenario.persona.name} mood={view.mood} />
          {!ended && (
            <CallControls
              status={view.status}
              outbound={outbound}
              onHold={view.onHold}
              onAnswer={() => call.answer()}
              onHoldToggle={() => call.send({ type: view.onHold ? 'RESUME' : 'HOLD' })}
              onEscalate={() => call.send({ type: 'ESCALATE_CALL' })}
              onEnd={() => call.send({ type: 'END_CALL' })}
              thinkingMs={call.context.thinkingMs ?? 0}
              onThinking={(ms) => call.send({ type: 'SET_THINKING', ms })}
            />
          )}
          <AccountPanel scenario={scenario} onLookup={lookup} />
        </aside>
      </div>
    </div>
  );
}
