// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { TeamRecords } from '../../src/features/review/team-records';
import { resetSessionStoreForTests } from '../../src/lib/session-store';
import { validBundle } from '../helpers/records';
import { renderAt } from './render';

describe('importing a bundle from the review', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    localStorage.clear();
    resetSessionStoreForTests();
  });

  it('shows a progress bar while the bundle is checked and stored, and removes it when done', async () => {
    const { container } = renderAt('/review', <TeamRecords rows={[]} />);
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const bar = container.querySelector('progress');
      if (bar) seen.push(bar.hasAttribute('max') ? `${bar.getAttribute('value')} of ${bar.getAttribute('max')}` : 'checking');
    });
    observer.observe(container, { subtree: true, childList: true, attributes: true });
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(input, new File([JSON.stringify(validBundle())], 'team.json', { type: 'application/json' }));
    await screen.findByText(/Imported team\.json: 2 new sessions/, undefined, { timeout: 30_000 });
    observer.disconnect();
    expect(seen[0]).toBe('checking');
    expect(seen).toContain('1 of 2');
    expect(container.querySelector('progress')).toBeNull();
  }, 60_000);
});
