// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { HistoryPage } from '../../src/features/history/history-page';
import type { StoredSession } from '../../src/engine/records/stored-session';
import { loadSession, resetSessionStoreForTests, saveSession } from '../../src/lib/session-store';
import { renderAt } from './render';

const TINY = { id: 'tiny', version: 1, title: 'Tiny test caller' };

let seeded = 0;

/** One write per session, so seeding many stays quick. */
async function seed(traineeName: string, overall: number | null, startedAt: string): Promise<StoredSession> {
  const id = `seeded-${++seeded}`;
  const notes = { who: '', what: '', when: '', where: '', why: '', action: '' };
  const session: StoredSession = {
    id,
    traineeName,
    scenarioId: TINY.id,
    scenarioVersion: TINY.version,
    scenarioTitle: TINY.title,
    startedAt,
    updatedAt: startedAt,
    status: overall === null ? 'live' : 'scored',
    replyMode: 'prepared',
    revision: 0,
    saved: { seed: id, log: [], savedAt: 0, snapshot: null },
    record: { scenarioId: TINY.id, scenarioVersion: TINY.version, seed: id, transcript: [], ending: null, flags: [], flaggedAt: {}, notes },
    notes,
    scorecard: overall === null ? null : { scenarioId: TINY.id, scenarioVersion: TINY.version, ending: null, overall, level: 'Satisfactory', cap: null, competencies: [] },
  };
  await saveSession(session);
  return session;
}

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('the history page', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    resetSessionStoreForTests();
  });

  it('says there are no calls yet, with the way to take one', async () => {
    renderAt('/history', <HistoryPage />);
    expect(await screen.findByText(/No calls yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Choose a scenario' })).toBeInTheDocument();
  });

  it('filters by trainee and sorts by score, saying how many calls match', async () => {
    const user = userEvent.setup();
    await seed('Ann', 60, '2026-12-01T10:00:00.000Z');
    await seed('Bob', 90, '2026-12-02T10:00:00.000Z');
    await seed('Ann', 85, '2026-12-03T10:00:00.000Z');
    await seed('Ann', null, '2026-12-04T10:00:00.000Z');
    renderAt('/history', <HistoryPage />);
    expect(await screen.findByText('Showing 1–4 of 4 calls')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Trainee'), 'Ann');
    expect(await screen.findByText('Showing 1–3 of 3 calls')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Sort'), 'Highest score');
    await waitFor(() => expect(rows().map((row) => within(row).getAllByRole('cell')[4]!.textContent)).toEqual(['85 (Satisfactory)', '60 (Satisfactory)', '—']));
    // A screen reader hears the order in the table's name; the page shows it once, in the Sort box.
    expect(screen.getByRole('table', { name: 'Your calls, sorted: Highest score' })).toBeInTheDocument();
    expect(screen.getAllByText('Highest score')).toHaveLength(1);
  });

  it('pages through many calls', async () => {
    const user = userEvent.setup();
    for (let day = 1; day <= 55; day++) await seed('Ann', day, `2026-10-${String((day % 28) + 1).padStart(2, '0')}T${String(day % 24).padStart(2, '0')}:00:00.000Z`);
    renderAt('/history', <HistoryPage />);
    expect(await screen.findByText('Showing 1–50 of 55 calls')).toBeInTheDocument();
    expect(rows()).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Showing 51–55 of 55 calls')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  }, 30_000);

  it('deletes a call and puts it back on undo', async () => {
    const user = userEvent.setup();
    const session = await seed('Ann', 70, '2026-12-01T10:00:00.000Z');
    renderAt('/history', <HistoryPage />);
    await user.click(await screen.findByRole('button', { name: /Delete the call Tiny test caller/ }));
    const undoButton = await screen.findByRole('button', { name: 'Undo' });
    // Focus moves on the next frame, once the undo bar is painted.
    await waitFor(() => expect(undoButton).toHaveFocus());
    expect(screen.getByText('No calls yet.', { exact: false })).toBeInTheDocument();
    // Stored data is read inside waitFor: the page is still reading the summaries meanwhile, and its updates then
    // land while testing-library expects them (awaited bare, under a full suite's load they can land outside act).
    await waitFor(async () => expect(await loadSession(session.id)).toBeUndefined());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Showing 1–1 of 1 calls')).toBeInTheDocument();
    await waitFor(async () => expect((await loadSession(session.id))?.scorecard?.overall).toBe(70));
  });
});
