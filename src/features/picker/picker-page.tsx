import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { RUBRIC } from '../../engine/scoring/rubric';
import { usePreferences } from '../../lib/preferences';
import { SCENARIO_PROBLEMS, SCENARIO_SUMMARIES } from '../../lib/scenarios';
import type { ScenarioSummary } from '../../lib/scenario-summary';
import { bestScores, bestScoresReadEarly, rememberedBestScores } from '../../lib/storage/best-scores';
import { LEVEL_NAMES } from '../../components/levels';
import { paceText } from '../../components/pace';
import { NameForm } from './name-form';
import { filterScenarios, NO_FILTERS, recommendNext, settingsOf, type Recommendation, type ScenarioFilters } from './recommend';
import { ScenarioFiltersForm } from './scenario-filters';
import { useCompetencyStandings } from './use-competency-standings';

// The studio's drafts are a trainer's concern: their list loads after the picker, apart from the trainee's first page.
const DraftList = lazy(() => import('./draft-list').then((module) => ({ default: module.DraftList })));

function focusCompetencies(scenario: ScenarioSummary): string[] {
  return RUBRIC.competencies
    .map((competency) => ({ title: competency.title, weight: scenario.weights[competency.id] ?? 1 }))
    .filter((competency) => competency.weight > 1)
    .sort((a, b) => b.weight - a.weight)
    .map((competency) => competency.title);
}

const SCENARIO_IDS = SCENARIO_SUMMARIES.map((scenario) => scenario.id);

/** The trainee's best scores, and whether storage has answered (until then they may be the last visit's). */
function useBestScores(traineeName: string): { best: Record<string, number>; answered: boolean } {
  // At the first render when the app read them while it started (the picker opened by address); else the
  // last visit's, shown until this visit's read answers.
  const early = useRef(bestScoresReadEarly(traineeName, SCENARIO_IDS));
  const [best, setBest] = useState<Record<string, number>>(() => early.current ?? rememberedBestScores(traineeName, SCENARIO_IDS) ?? {});
  const [answered, setAnswered] = useState(early.current !== null);
  const readEarly = useRef(early.current !== null && Object.keys(early.current).length > 0);
  useEffect(() => {
    if (readEarly.current) {
      readEarly.current = false;
      return;
    }
    let live = true;
    void bestScores(traineeName, SCENARIO_IDS)
      .then(
        (scores) => live && setBest(scores),
        // A failed read is an answer too: what waits on it goes ahead (the storage status already says what failed).
        () => undefined,
      )
      .then(() => live && setAnswered(true));
    return () => {
      live = false;
    };
  }, [traineeName]);
  return { best, answered };
}

function competencyTitle(id: string): string {
  return RUBRIC.competencies.find((competency) => competency.id === id)?.title ?? id;
}

/** The call to take next, and why: the weakest competency first, or an easy start. */
function NextCall({ recommendation }: { recommendation: Recommendation }) {
  const { scenario, competency } = recommendation;
  return (
    <section className="card next-call" aria-labelledby="next-call">
      <h2 id="next-call">Recommended next</h2>
      <p className="next-call-title">{scenario.title}</p>
      <p>
        {competency
          ? `Your lowest competency so far is ${competencyTitle(competency.id)} (average ${competency.average} over ${competency.calls} ${competency.calls === 1 ? 'call' : 'calls'}); this call works it${(scenario.weights[competency.id] ?? 1) > 1 ? ' harder than most' : ''}.`
          : `A Level ${scenario.level} call (${LEVEL_NAMES[scenario.level]}) to start with.`}
      </p>
      <Link href={`/briefing/${scenario.id}`} className="button primary" aria-label={`Read the briefing for the recommended call, ${scenario.title}`}>
        Read the briefing
      </Link>
    </section>
  );
}

export function PickerPage() {
  const traineeName = usePreferences((state) => state.traineeName);
  const [renaming, setRenaming] = useState(false);
  const [filters, setFilters] = useState<ScenarioFilters>(NO_FILTERS);
  const { best, answered } = useBestScores(traineeName);
  // Reading every scored call's competencies is the larger read: it waits so the best scores are not kept waiting behind it.
  const standings = useCompetencyStandings(traineeName, answered);
  const shown = filterScenarios(SCENARIO_SUMMARIES, filters);
  const recommendation = standings ? recommendNext(SCENARIO_SUMMARIES, standings, best) : null;

  if (!traineeName || renaming) {
    return (
      <section aria-labelledby="welcome">
        <h1 id="welcome">Welcome to Call Trainer</h1>
        <p>You will take simulated calls from scripted customers and get a scorecard against written customer-service standards.</p>
        <NameForm onDone={() => setRenaming(false)} />
      </section>
    );
  }

  return (
    <section aria-labelledby="pick">
      <div className="page-heading">
        <h1 id="pick">Choose a call</h1>
        <button type="button" className="link-button" onClick={() => setRenaming(true)}>
          Not {traineeName}? Change name
        </button>
      </div>
      {SCENARIO_PROBLEMS.some((problem) => problem.severity === 'error') && (
        <div className="notice notice-warning" role="status">
          Some scenario files could not be loaded and are not listed. Run <code>npm run scenarios:check</code> for details.
        </div>
      )}
      {recommendation && <NextCall recommendation={recommendation} />}
      {SCENARIO_SUMMARIES.length > 0 && (
        <ScenarioFiltersForm filters={filters} settings={settingsOf(SCENARIO_SUMMARIES)} shown={shown.length} total={SCENARIO_SUMMARIES.length} onChange={setFilters} />
      )}
      {SCENARIO_SUMMARIES.length === 0 ? (
        <p className="empty">No scenarios are installed. Add a scenario file to the scenarios folder and restart the app.</p>
      ) : shown.length === 0 ? (
        <p className="empty">
          No scenario matches these filters.{' '}
          <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        </p>
      ) : (
        <ul className="scenario-grid" aria-label="Scenarios">
          {shown.map((scenario) => {
            const focus = focusCompetencies(scenario);
            const score = best[scenario.id];
            return (
              <li key={scenario.id} className="card scenario-card">
                <h2>{scenario.title}</h2>
                <p className="persona">
                  <span className="persona-name">{scenario.persona.name}</span>: {scenario.persona.description}
                </p>
                <p>{scenario.summary}</p>
                <dl className="facts">
                  <dt>Difficulty</dt>
                  <dd>
                    Level {scenario.level}: {LEVEL_NAMES[scenario.level]}
                  </dd>
                  {scenario.setting && (
                    <>
                      <dt>Setting</dt>
                      <dd>
                        {scenario.setting}
                        {scenario.direction === 'outbound' ? ' (you make the call)' : ''}
                      </dd>
                    </>
                  )}
                  <dt>Exercises</dt>
                  <dd>{focus.length ? focus.join(', ') : 'All competencies equally'}</dd>
                  <dt>Expected length</dt>
                  <dd>About {scenario.expectedMinutes} minutes</dd>
                  <dt>Pace</dt>
                  <dd>{paceText(scenario.silenceMs)}</dd>
                  <dt>Your best score</dt>
                  <dd>{score === undefined ? 'Not tried yet' : `${score} / 100`}</dd>
                </dl>
                {scenario.checklist.length > 0 && (
                  <details className="checklist-rows">
                    <summary>Checklist rows it covers ({scenario.checklist.length})</summary>
                    <ul>
                      {scenario.checklist.map((row) => (
                        <li key={row.id}>{row.label}</li>
                      ))}
                    </ul>
                  </details>
                )}
                <Link href={`/briefing/${scenario.id}`} className="button primary" aria-label={`Read the briefing for ${scenario.title}`}>
                  Read the briefing
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <Suspense fallback={null}>
        <DraftList />
      </Suspense>
    </section>
  );
}
