import { useEffect, type MouseEvent } from 'react';
import { Link } from 'wouter';
import { finishCmi5Launch, flush, startCmi5Launch, useCmi5Launch } from '../../lib/xapi/cmi5-session';

/**
 * Shown on every page while an LMS has launched the app (a lazy chunk, only
 * then): that the call is reported to the LMS, what was reported, and the
 * way back to the LMS, which first tells it the trainee is done.
 */
export function LmsLaunchBanner() {
  const view = useCmi5Launch();
  useEffect(() => {
    void startCmi5Launch();
  }, []);

  const finish = (event: MouseEvent) => {
    event.preventDefault();
    void finishCmi5Launch();
  };

  const leave = view.returnUrl ? (
    <a href={view.returnUrl} onClick={finish}>
      Return to the LMS
    </a>
  ) : (
    <button type="button" onClick={finish}>
      Finish and tell the LMS
    </button>
  );

  return (
    <section className={`notice lms-launch${view.status === 'failed' || view.sendProblem || view.notReported ? ' notice-warning' : ''}`} aria-label="Your LMS">
      {view.status === 'starting' && <p role="status">Connecting to your LMS…</p>}
      {view.status === 'failed' && (
        <>
          <p role="alert">Your LMS launched this app, but the launch could not start, so calls you take here are not reported to it. Launch it again from your LMS, or show your LMS administrator:</p>
          <ul>
            {view.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      )}
      {(view.status === 'ready' || view.status === 'finishing') && (
        <>
          <p role="status">
            {view.reported
              ? `Your call “${view.reported.scenarioTitle}” is reported to your LMS${view.reported.verdict ? `: ${view.reported.verdict}` : ''}.`
              : `Launched from your LMS${view.assigned ? ` for the call “${view.assigned.title}”` : ''}: the call you take is reported to it${view.launchMode && view.launchMode !== 'Normal' ? ` (${view.launchMode} mode: without a score)` : ''}.`}
            {view.reported?.note ? ` ${view.reported.note}` : ''}
            {view.waiting ? ` ${view.waiting === 1 ? '1 record' : `${view.waiting} records`} waiting to send.` : ''}
          </p>
          {view.assigned && !view.reported && (
            <p>
              <Link href={`/briefing/${encodeURIComponent(view.assigned.id)}`}>Open the briefing of the assigned call</Link>
            </p>
          )}
          {view.notReported && <p>{view.notReported}</p>}
          {view.sendProblem && (
            <p>
              Not sent yet: {view.sendProblem}.{' '}
              <button type="button" onClick={() => void (view.status === 'finishing' ? finishCmi5Launch() : flush())}>
                Try again
              </button>
            </p>
          )}
          <p>{view.status === 'finishing' && !view.sendProblem ? 'Telling your LMS you are done…' : leave}</p>
        </>
      )}
      {view.status === 'finished' && (
        <p role="status">
          You have finished this launch and your LMS has been told.{' '}
          {view.returnUrl ? <a href={view.returnUrl}>Return to the LMS</a> : 'You can close this window.'}
        </p>
      )}
    </section>
  );
}
