import { lazy, Suspense } from 'react';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { StorageNotice } from '../components/storage-notice';
import { usePreferences } from '../lib/preferences';
import { isCmi5Launch } from '../lib/xapi/cmi5-detect';
import { BriefingPage, CallPage, HistoryPage, PickerPage, ProgressPage, ResultsPage, ReviewPage, SessionReviewPage, SettingsPage, StudioPage } from './pages';

// Only when an LMS launched the app (cmi5): the launch, its statements and its banner.
const LmsLaunchBanner = lazy(() => import('../features/lms-launch/lms-launch-banner').then((module) => ({ default: module.LmsLaunchBanner })));
const launchedByLms = isCmi5Launch();

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
            <Route path="/briefing/:scenarioId">{(params) => <BriefingPage.Component scenarioId={params.scenarioId} />}</Route>
            <Route path="/call/:sessionId">{(params) => <CallPage.Component key={params.sessionId} sessionId={params.sessionId} />}</Route>
            <Route path="/results/:sessionId">{(params) => <ResultsPage.Component sessionId={params.sessionId} />}</Route>
            <Route path="/history" component={HistoryPage.Component} />
            <Route path="/review" component={ReviewPage.Component} />
            <Route path="/review/trainee/:name">{(params) => <ProgressPage.Component key={params.name} traineeName={safeDecode(params.name)} />}</Route>
            <Route path="/review/:sessionId">{(params) => <SessionReviewPage.Component key={params.sessionId} sessionId={params.sessionId} />}</Route>
            <Route path="/settings" component={SettingsPage.Component} />
            <Route path="/studio" component={StudioPage.Component} />
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
