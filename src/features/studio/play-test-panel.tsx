/**
 * Play-testing the scenario being written: from the ring or from any state
 * (reached by the shortest route there), with mood, flags, facts, look-ups
 * and verification set by hand, one prepared reply or typed sentence at a
 * time, a step back at any point, and the scorecard the call would get.
 */
import { useEffect, useMemo, useState } from 'react';
import { MOOD_DIMENSIONS } from '../../engine/mood';
import { routeToState } from '../../engine/scenario/routes';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { accountSections } from '../../engine/scenario/account';
import { TranscriptLine } from '../../components/transcript-entry';
import { buildCall, handSetOf, scorecardOf, statePath, type HandSet, type PlayTest } from './play-test';
import { SentenceTester } from './sentence-tester';

const FROM_THE_RING: PlayTest = { start: [], handSet: null, steps: [{ type: 'ANSWER' }] };

function toggle(list: string[], item: string, on: boolean) {
  return on ? [...new Set([...list, item])] : list.filter((other) => other !== item);
}

function HandSetForm({ scenario, value, onApply }: { scenario: Scenario; value: HandSet; onApply: (value: HandSet) => void }) {
  const [draft, setDraft] = useState(value);
  return (
    <details className="hand-set">
      <summary>Set mood, flags, facts and look-ups by hand</summary>
      <div className="mood-inputs">
        {MOOD_DIMENSIONS.map((dimension) => (
          <label key={dimension}>
            {dimension}{' '}
            <input type="number" min={0} max={100} value={draft.mood[dimension]} onChange={(event) => setDraft({ ...draft, mood: { ...draft.mood, [dimension]: Math.max(0, Math.min(100, Number(event.target.value))) } })} />
          </label>
        ))}
      </div>
      <label>
        <input type="checkbox" checked={draft.verified} onChange={(event) => setDraft({ ...draft, verified: event.target.checked })} /> caller verified
      </label>
      {scenario.flags.length > 0 && (
        <p>
          Flags:{' '}
          {scenario.flags.map((flag) => (
            <label key={flag}>
              <input type="checkbox" checked={draft.flags.includes(flag)} onChange={(event) => setDraft({ ...draft, flags: toggle(draft.flags, flag, event.target.checked) })} /> {flag}{' '}
            </label>
          ))}
        </p>
      )}
      <p>
        Facts told:{' '}
        {Object.keys(scenario.facts).map((fact) => (
          <label key={fact}>
            <input type="checkbox" checked={draft.revealed.includes(fact)} onChange={(event) => setDraft({ ...draft, revealed: toggle(draft.revealed, fact, event.target.checked) })} /> {fact}{' '}
          </label>
        ))}
      </p>
      <p>
        Looked up:{' '}
        {accountSections(scenario.account).map((section) => (
          <label key={section}>
            <input type="checkbox" checked={draft.lookedUp.includes(section)} onChange={(event) => setDraft({ ...draft, lookedUp: toggle(draft.lookedUp, section, event.target.checked) })} /> {section}{' '}
          </label>
        ))}
      </p>
      <button type="button" onClick={() => onApply(draft)}>
        Apply and play on from here
      </button>
    </details>
  );
}

/** `onPlaying` hears which state the test is in after every step (null once the panel closes), for the diagram to mark. */
export function PlayTestPanel({ scenario, leaves, onPlaying }: { scenario: Scenario; leaves: string[]; onPlaying?: (state: string | null) => void }) {
  const [test, setTest] = useState<PlayTest>(FROM_THE_RING);
  const [message, setMessage] = useState('');
  const call = useMemo(() => {
    try {
      return buildCall(scenario, test);
    } catch {
      return buildCall(scenario, FROM_THE_RING);
    }
  }, [scenario, test]);
  const view = call.view;
  const now = statePath(call.actor.getSnapshot().value);
  useEffect(() => onPlaying?.(now), [now, onPlaying]);
  useEffect(() => () => onPlaying?.(null), [onPlaying]);
  const scorecard = view.status === 'ended' ? scorecardOf(scenario, call) : null;
  const step = (event: PlayTest['steps'][number]) => setTest({ ...test, steps: [...test.steps, event] });

  const startAt = (path: string) => {
    if (!path) {
      setTest(FROM_THE_RING);
      setMessage('Started from the ring.');
      return;
    }
    const route = routeToState(scenario, path);
    if (!route) setMessage(`No route of prepared replies reaches "${path}".`);
    else {
      setTest({ start: route, handSet: null, steps: [] });
      setMessage(`Started in "${path}" after ${route.length} steps.`);
    }
  };

  return (
    <section className="play-test" aria-labelledby="play-test-heading">
      <h2 id="play-test-heading">Play-test</h2>
      <div className="toolbar">
        <label>
          Start in{' '}
          <select onChange={(event) => startAt(event.target.value)} defaultValue="">
            <option value="">the ring (answer first)</option>
            {leaves.map((leaf) => (
              <option key={leaf} value={leaf}>
                {leaf}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={test.steps.length === 0} onClick={() => setTest({ ...test, steps: test.steps.slice(0, -1) })}>
          Step back
        </button>
        <button type="button" onClick={() => startAt('')}>
          Restart
        </button>
      </div>
      <p role="status" className="muted">
        {message} Now in <strong>{now}</strong> ({view.status}); mood {MOOD_DIMENSIONS.map((dimension) => `${dimension} ${Math.round(view.mood[dimension])}`).join(', ')}.
      </p>
      {view.status === 'live' && (
        <HandSetForm key={JSON.stringify(test)} scenario={scenario} value={handSetOf(call)} onApply={(handSet) => setTest({ start: [...test.start, ...test.steps], handSet, steps: [] })} />
      )}
      {view.status === 'ringing' && (
        <button type="button" onClick={() => step({ type: 'ANSWER' })}>
          Answer
        </button>
      )}
      {view.status === 'live' && (
        <>
          <ol className="reply-list">
            {view.replies.map((reply) => (
              <li key={reply.id}>
                <button type="button" className="reply" onClick={() => step({ type: 'SAY', reply: { text: reply.text, acts: reply.acts, replyId: reply.id, ...(reply.offers ? { offers: reply.offers } : {}), ...(reply.asks ? { asks: reply.asks } : {}), ...(reply.disclosesAccount ? { disclosesAccount: true } : {}) } })}>
                  <span>{reply.text}</span> <span className="muted">({reply.quality}: {reply.acts.join(', ')})</span>
                </button>
              </li>
            ))}
          </ol>
          <div className="toolbar">
            <button type="button" onClick={() => step({ type: 'ESCALATE_CALL' })}>
              Escalate
            </button>
            <button type="button" onClick={() => step({ type: 'END_CALL' })}>
              Hang up
            </button>
          </div>
          <SentenceTester scenario={scenario} call={call} onSay={(reply) => step({ type: 'SAY', reply })} />
        </>
      )}
      <ol className="transcript" aria-label="Play-test transcript">
        {view.transcript.map((entry, index) => (
          <li key={index}>
            <TranscriptLine entry={entry} customerName={scenario.persona.name} />
          </li>
        ))}
      </ol>
      {scorecard && (
        <div className="card" aria-live="polite">
          <h3>
            Scorecard: {scorecard.overall} ({scorecard.level}), ended {view.ending?.detail.title}
          </h3>
          <ul>
            {scorecard.competencies.map((competency) => (
              <li key={competency.id}>
                {competency.title}: {competency.score ?? 'not assessed'}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
