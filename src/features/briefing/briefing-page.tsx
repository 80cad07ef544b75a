import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { LEVEL_NAMES } from '../../components/levels';
import { silenceSeconds } from '../../components/pace';
import { preloadClassifier } from '../../lib/classifier-loader';
import { usePreferences } from '../../lib/preferences';
import { findSummary, isDraftId, loadScenario, summaryById } from '../../lib/scenarios';
import type { ScenarioSummary } from '../../lib/scenario-summary';
import { startSession } from '../../lib/session-store';

/** A shipped scenario's summary at once; a studio draft's once read from this browser (undefined meanwhile, null if none). */
function useSummary(scenarioId: string): ScenarioSummary | null | undefined {
  const [draft, setDraft] = useState<{ id: string; summary: ScenarioSummary | null } | null>(null);
  const drafted = isDraftId(scenarioId);
  useEffect(() => {
    if (!drafted) return;
    let live = true;
    void findSummary(scenarioId)
      .catch(() => undefined)
      .then((summary) => live && setDraft({ id: scenarioId, summary: summary ?? null }));
    return () => {
      live = false;
    };
  }, [scenarioId, drafted]);
  if (!drafted) return summaryById(scenarioId) ?? null;
  return draft?.id === scenarioId ? draft.summary : undefined;
}

export function BriefingPage({ scenarioId }: { scenarioId: string }) {
  const scenario = useSummary(scenarioId);
  // Fetch the scenario's script while the trainee reads, so the call starts at once.
  useEffect(() => {
    void loadScenario(scenarioId);
  }, [scenarioId]);
  const traineeName = usePreferences((state) => state.traineeName);
  const [, navigate] = useLocation();
  const [starting, setStarting] = useState(false);
  const [chosenMode, setMode] = useState<'prepared' | 'open' | null>(null);
  const mode = chosenMode ?? (scenario?.replyMode === 'open' ? 'open' : 'prepared');
  // Typed replies need the language model: load it while the trainee reads and the phone rings, so the first reply does not wait for it.
  useEffect(() => {
    if (mode === 'open') preloadClassifier();
  }, [mode]);

  if (scenario === undefined) {
    return (
      <p className="loading" role="status">
        Reading the draft from this browser…
      </p>
    );
  }
  if (!scenario) {
    return (
      <section>
        <h1>Scenario not found</h1>
        <p>
          {isDraftId(scenarioId) ? `There is no draft “${scenarioId}” in this browser that loads: open it in the studio to see why. ` : `There is no scenario called “${scenarioId}”. `}
          <Link href="/">Choose another call</Link>.
        </p>
      </section>
    );
  }

  const start = async () => {
    setStarting(true);
    const session = await startSession(scenario, traineeName || 'Anonymous trainee', scenario.replyMode === 'either' ? mode : scenario.replyMode);
    navigate(`/call/${session.id}`);
  };

  return (
    <section aria-labelledby="briefing" className="briefing">
      <p className="breadcrumb">
        <Link href="/">Scenarios</Link> / Briefing
      </p>
      <h1 id="briefing">{scenario.title}</h1>
      {isDraftId(scenarioId) && (
        <p className="notice">
          <strong>Draft from the studio</strong>, only in this browser: the call and its scorecard are real, but the scenario is not part of the library. <Link href="/studio">Back to the studio</Link>
        </p>
      )}
      <p className="subtitle">
        Level {scenario.level} ({LEVEL_NAMES[scenario.level]}) · about {scenario.expectedMinutes} minutes
      </p>
      <div className="card">
        <h2>What you know before you answer</h2>
        <p className="briefing-text">{scenario.briefing}</p>
      </div>
      <div className="card">
        <h2>On your desk</h2>
        <ul>
          <li>The customer’s account record ({scenario.account.holder}, account {scenario.account.number}): open its tabs during the call to look things up.</li>
          <li>A call-notes form for who, what, when, where, why and the action taken, to complete at wrap-up.</li>
          <li>Hold, escalate and end-call controls. This customer notices {silenceSeconds(scenario.silenceMs)} of silence (longer if you give yourself thinking time on the call), and loses patience on hold.</li>
        </ul>
        <h3>Keyboard</h3>
        <ul className="keys">
          <li>
            <kbd>1</kbd>–<kbd>9</kbd> choose the reply with that number
          </li>
          <li>
            <kbd>Enter</kbd> answer the ringing phone (when the Answer button has focus)
          </li>
          <li>
            <kbd>Tab</kbd> moves through every control
          </li>
        </ul>
      </div>
      {scenario.replyMode === 'either' ? (
        <fieldset className="card reply-mode">
          <legend>How will you reply?</legend>
          <label>
            <input type="radio" name="reply-mode" value="prepared" checked={mode === 'prepared'} onChange={() => setMode('prepared')} /> Choose from prepared replies
          </label>
          <label>
            <input type="radio" name="reply-mode" value="open" checked={mode === 'open'} onChange={() => setMode('open')} /> Type or say my own words
          </label>
        </fieldset>
      ) : (
        <p className="notice">{scenario.replyMode === 'open' ? 'In this call you reply in your own words: there are no prepared replies.' : 'In this call you choose from prepared replies.'}</p>
      )}
      <button type="button" className="primary large" onClick={start} disabled={starting}>
        {starting ? 'Connecting…' : 'Start the call'}
      </button>
    </section>
  );
}
