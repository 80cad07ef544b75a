/**
 * The app's pages by address. Only the picker, the trainee's first page,
 * comes with the app's own code; every other page's code loads when it is
 * first opened. The page an address opens is fetched, and its first read of
 * storage started, before the app first renders (startPageAt), so opening
 * History or a call directly waits for one thing at a time no more than it must.
 */
import { readNewestSummariesEarly } from '../lib/storage/newest-summaries';
import { readBestScoresEarly, rememberedBestScores } from '../lib/storage/best-scores';
import { usePreferences } from '../lib/preferences';
import { SCENARIO_SUMMARIES } from '../lib/scenarios';
import { HISTORY_PAGE_SIZE } from '../features/history/page-size';
import { lazyPage } from './lazy-page';

export { PickerPage } from '../features/picker/picker-page';

export const BriefingPage = lazyPage(() => import('../features/briefing/briefing-page').then((module) => module.BriefingPage));
export const CallPage = lazyPage(() => import('../features/call/call-page').then((module) => module.CallPage));
// Results and history are not needed to take a call.
export const ResultsPage = lazyPage(() => import('../features/results/results-page').then((module) => module.ResultsPage));
export const HistoryPage = lazyPage(() => import('../features/history/history-page').then((module) => module.HistoryPage));
// The studio is for trainers: its editor, diagram and validation never ride in a trainee's page.
export const StudioPage = lazyPage(() => import('../features/studio/studio-page').then((module) => module.StudioPage));
// The supervisor's pages and settings are never part of a trainee's first page.
export const ReviewPage = lazyPage(() => import('../features/review/review-page').then((module) => module.ReviewPage));
export const SessionReviewPage = lazyPage(() => import('../features/review/session-review-page').then((module) => module.SessionReviewPage));
export const ProgressPage = lazyPage(() => import('../features/review/progress-page').then((module) => module.ProgressPage));
export const SettingsPage = lazyPage(() => import('../features/settings/settings-page').then((module) => module.SettingsPage));

/** The addresses as the app's <Switch> matches them (app.tsx), each with its page's code and first read. */
type Preloadable = { preload: () => Promise<unknown> };
const STARTS: { path: RegExp; page?: Preloadable; read?: () => Promise<void>; next?: Preloadable[] }[] = [
  { path: /^\/?$/, read: readPickerScores, next: [BriefingPage, CallPage] },
  { path: /^\/briefing\/[^/]+$/, page: BriefingPage, next: [CallPage] },
  { path: /^\/call\/[^/]+$/, page: CallPage },
  { path: /^\/results\/[^/]+$/, page: ResultsPage },
  { path: /^\/history$/, page: HistoryPage, read: () => readNewestSummariesEarly(HISTORY_PAGE_SIZE) },
  { path: /^\/review$/, page: ReviewPage },
  { path: /^\/review\/trainee\/[^/]+$/, page: ProgressPage },
  { path: /^\/review\/[^/]+$/, page: SessionReviewPage },
  { path: /^\/settings$/, page: SettingsPage },
  { path: /^\/studio$/, page: StudioPage },
];

function readPickerScores(): Promise<void> {
  const { traineeName } = usePreferences.getState();
  if (!traineeName) return Promise.resolve();
  const ids = SCENARIO_SUMMARIES.map((scenario) => scenario.id);
  const reading = readBestScoresEarly(traineeName, ids);
  // With the last visit's scores to show, the first render need not wait for storage: the read corrects them.
  return rememberedBestScores(traineeName, ids) ? Promise.resolve() : reading;
}

/**
 * How long the first render waits for the first read once the code is
 * here. Rendered with its data, a page is laid out once; rendered without,
 * it shows "Loading…" and is laid out again when the data comes. Opening
 * storage is usually quick; where it is slow, the page shows first.
 */
const FIRST_READ_WAIT_MS = 300;

/**
 * Starts what the page at `path` (the hash, without '#') needs: its stored
 * data and its code, now; and, once the browser is idle after that, the
 * code of the pages a trainee goes to next, so the way from picker to call
 * never waits on the network. Settles when the page can render: its code
 * is here (or failed to come: the page then shows its error) and its first
 * read has answered, or FIRST_READ_WAIT_MS more have passed.
 */
export function startPageAt(path: string): Promise<unknown> {
  const start = STARTS.find((candidate) => candidate.path.test(path.split('?')[0]!));
  const read = start?.read?.();
  const code = start?.page?.preload().catch(() => undefined) ?? Promise.resolve();
  if (start?.next?.length) void code.then(() => whenIdle(() => start.next!.forEach((page) => void page.preload().catch(() => undefined))));
  if (!read) return code;
  return code.then(() => Promise.race([read, new Promise((waited) => setTimeout(waited, FIRST_READ_WAIT_MS))]));
}

function whenIdle(run: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3_000 });
  else setTimeout(run, 1_000);
}
