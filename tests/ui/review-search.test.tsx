// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { transcriptWords } from '../../src/engine/records/transcript-words';
import { ReviewPage } from '../../src/features/review/review-page';
import { storedFrom } from '../../src/lib/records-import';
import { resetSessionStoreForTests, saveSession } from '../../src/lib/session-store';
import { POOR_ROUTE, scoredSession } from '../helpers/records';
import { renderAt } from './render';

describe('searching what was said, from the review table', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    localStorage.clear();
    resetSessionStoreForTests();
  });

  // Typing word by word in jsdom takes seconds on a busy two-core machine; the limit is for hangs.
  it('narrows the table to the calls that said the words, and says so plainly when none did', { timeout: 30_000 }, async () => {
    const good = scoredSession('good-call');
    const poor = scoredSession('poor-call', POOR_ROUTE, 'Ben Trainee');
    for (const session of [good, poor]) await saveSession(storedFrom(session, 'local'));
    const poorWords = new Set(transcriptWords(poor.record));
    const onlyGood = transcriptWords(good.record).find((word) => word.length > 6 && ![...poorWords].some((other) => other.startsWith(word.slice(0, 5))))!;
    const user = userEvent.setup();
    renderAt('/review', <ReviewPage />);
    await screen.findByText('2 scored sessions');

    const search = screen.getByRole('searchbox', { name: /said in the call/i });
    await user.type(search, onlyGood.slice(0, 5).toUpperCase());
    await screen.findByText('1 of 2 scored sessions match');

    await user.clear(search);
    await user.type(search, `${onlyGood} zzyzx`);
    expect(await screen.findByText(/No call’s transcript has words beginning with “.*zzyzx”/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());

    await user.clear(search);
    await screen.findByText('2 scored sessions');
  });
});
