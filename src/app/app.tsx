import { lazy, Suspense } from 'react';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { StorageNotice } from '../components/storage-notice';
import { BriefingPage } from '../features/briefing/briefing-page';
import { CallPage } from '../features/call/call-page';
import { PickerPage } from '../features/picker/picker-page';
import { usePreferences } from '../lib/preferences';
import { isCmi5Launch } from '../lib/xapi/cmi5-detect';

// Results and history are not needed to take a call, so they load on demand.
const ResultsPage = lazy(() => import('../features/results/results-page').then((module) => ({ default: module.ResultsPage })));
// The studio is for trainers: its editor, diagram and validation never ride in a trainee's page.
const StudioPage = lazy(() => import('../features/studio/studio-page').then((module) => ({ default: module.StudioPage })));
const HistoryPage = lazy(() => import('../features/history/history-page').then((module) => ({ default: module.HistoryPage })));
// The supervisor's pages and settings are never part of a trainee's first page.
const ReviewPage = lazy(() => import('../features/review/review-page').then((module) => ({ default: module.ReviewPage })));
const SessionReviewPage = lazy(() => import('../features/review/session-review-page').then((module) => ({ default: module.SessionReviewPage })));
const ProgressPage = lazy(() => import('../features/review/progress-page').then((module) => ({ default: module.ProgressPage })));
// Only when an LMS launched the app (cmi5): the launch, its statements and its banner.
const LmsLaunchBanner = lazy(() => import('../features/lms-launch/lms-launch-banner').then((module) => ({ default: module.LmsLaunchBanner })));
const launchedByLms = isCmi5Launch();
const SettingsPage = lazy(() => import('../features/settings/settings-page').then((module) => ({ default: module.SettingsPage })));

export function App() {
  const traineeName = usePreferences((state) => state.traineeName);
  return (
    <Router hook={useHashLocation}>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          <span aria-hidden="true">☎</span> Call Trainer
        </Link>
        <nav aria-label="Main">
          <Link href="/">Scenarios</Link>
          <Link href="/history">History</Link>
          <Link href="/review">Review</Link>
          <Link href="/settings">Settings</Link>
          <Link href="/studio">Studio</Link>
        </nav>
        {traineeName && <span className="trainee-name">Trainee: {traineeName}</span>}
      </header>
      <StorageNotice />
      {launchedByLms && (
        <Suspense fallback={null}>
          <LmsLaunchBanner />
        </Suspense>
      )}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
          <Switch>
            <Route path="/" component={PickerPage} />
            <Route path="/briefing/:scenarioId">{(params) => <BriefingPage scenarioId={params.scenarioId} />}</Route>
            <Route path="/call/:sessionId">{(params) => <CallPage key={params.sessionId} sessionId={params.sessionId} />}</Route>
            <Route path="/results/:sessionId">{(params) => <ResultsPage sessionId={params.sessionId} />}</Route>
            <Route path="/history" component={HistoryPage} />
            <Route path="/review" component={ReviewPage} />
            <Route path="/review/trainee/:name">{(params) => <ProgressPage key={params.name} traineeName={safeDecode(params.name)} />}</Route>
            <Route path="/review/:sessionId">{(params) => <SessionReviewPage key={params.sessionId} sessionId={params.sessionId} />}</Route>
            <Route path="/settings" component={SettingsPage} />
            <Route path="/studio" component={StudioPage} />
            <Route>
              <h1>Page not found</h1>
              <p>
                <Link href="/">Back to the scenarios</Link>
              </p>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </Router>
  );
}

/** Wouter decodes most of a path already; names with reserved characters still arrive encoded. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
