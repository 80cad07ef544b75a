// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StorageNotice } from '../../src/components/storage-notice';
import { PickerPage } from '../../src/features/picker/picker-page';
import { usePreferences } from '../../src/lib/preferences';
import { loadSession, resetSessionStoreForTests, saveSession, startSession } from '../../src/lib/session-store';
import { renderAt } from './render';

vi.mock('virtual:scenarios', async () => (await import('./tiny-scenarios')).tinyScenariosModule());

describe('the scenario picker', () => {
  // The picker loads its drafts list lazily; loaded here first, that list does not finish loading after a test is over
  // (as it can when the whole suite runs at once), where React could only warn of it.
  beforeAll(() => import('../../src/features/picker/draft-list'));
  beforeEach(() => {
    resetSessionStoreForTests();
    usePreferences.setState({ traineeName: '' });
    localStorage.clear();
  });

  it('asks for the trainee\'s name once, remembers it, then shows the scenario cards', async () => {
    const user = userEvent.setup();
    renderAt('/', <PickerPage />);
    await user.type(screen.getByLabelText(/Your name/), 'Sam Trainee');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(JSON.parse(localStorage.getItem('call-trainer-preferences')!).state.traineeName).toBe('Sam Trainee');
    const card = within(screen.getByRole('list', { name: 'Scenarios' })).getByRole('listitem');
    expect(within(card).getByRole('heading', { name: 'Tiny test caller' })).toBeInTheDocument();
    expect(card).toHaveTextContent('Level I: routine inquiry');
    expect(card).toHaveTextContent('About 2 minutes');
    expect(card).toHaveTextContent('Not tried yet');
  });

  it('shows the trainee\'s best score on the card', async () => {
    usePreferences.setState({ traineeName: 'Sam' });
    const session = await startSession({ id: 'tiny', version: 1, title: 'Tiny test caller' }, 'Sam');
    await saveSession({ ...session, status: 'scored', scorecard: { scenarioId: 'tiny', scenarioVersion: 1, ending: null, overall: 77, level: 'Satisfactory', cap: null, competencies: [] } });
    renderAt('/', <PickerPage />);
    expect(await screen.findByText('77 / 100')).toBeInTheDocument();
  });
});

describe('when the browser cannot store data', () => {
  const realIndexedDB = globalThis.indexedDB;
  beforeEach(() => {
    resetSessionStoreForTests();
    // @ts-expect-error: simulating a browser without IndexedDB
    delete globalThis.indexedDB;
  });
  afterEach(() => {
    globalThis.indexedDB = realIndexedDB;
    // In act: the notice is still on the page, and hears the store reset.
    act(() => resetSessionStoreForTests());
  });

  it('says so in plain words and keeps the session in memory', async () => {
    render(<StorageNotice />);
    // In act: the store tells the notice at once, outside any event of the page's own.
    const session = await act(() => startSession({ id: 'tiny', version: 1, title: 'Tiny test caller' }, 'Sam'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not letting the trainer save data.*only kept while this tab stays open/);
    expect(screen.getByRole('alert')).toHaveTextContent('Download session');
    expect((await loadSession(session.id))?.traineeName).toBe('Sam');
  });
});

describe('when the browser storage is full', () => {
  beforeEach(() => resetSessionStoreForTests());
  afterEach(() => {
    vi.restoreAllMocks();
    act(() => resetSessionStoreForTests());
  });

  it('says so, keeps the session in memory, and clears the warning once writing works again', async () => {
    render(<StorageNotice />);
    // In act: the store tells the notice at once, outside any event of the page's own.
    const first = await act(() => startSession({ id: 'tiny', version: 1, title: 'Tiny test caller' }, 'Sam'));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await act(() => saveSession({ ...first, notes: { ...first.notes, what: 'kept in memory' } }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/storage is full.*only kept while this tab stays open/);
    expect((await loadSession(first.id))?.notes.what).toBe('kept in memory');
    put.mockRestore();
    await act(() => saveSession({ ...first, notes: { ...first.notes, what: 'saved again' } }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
