// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsPage } from '../../src/features/settings/settings-page';
import { resetSessionStoreForTests } from '../../src/lib/session-store';
import { renderAt } from './render';

describe('the settings page', () => {
  let granted = false;
  beforeEach(() => {
    resetSessionStoreForTests();
    granted = false;
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: {
        persisted: async () => granted,
        persist: async () => (granted = true),
        estimate: async () => ({ usage: 2_400_000, quota: 10_000_000_000 }),
      },
    });
  });
  afterEach(() => {
    // @ts-expect-error: jsdom has no StorageManager of its own
    delete navigator.storage;
  });

  it('shows whether the browser keeps the trainer’s data, and asks it to on request', async () => {
    const user = userEvent.setup();
    renderAt('/settings', <SettingsPage />);
    expect(await screen.findByText(/has not agreed to keep the trainer’s data/)).toBeInTheDocument();
    expect(screen.getByText('2.4 MB of about 10.0 GB the browser allows this site')).toBeInTheDocument();
    expect(await screen.findByText('0', { selector: 'dd' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ask the browser to keep the trainer’s data' }));
    expect(await screen.findByText(/has agreed to keep the trainer’s data until you clear it yourself/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ask the browser/ })).toBeNull();
    expect(screen.getByText(/last asked/)).toBeInTheDocument();
  });

  it('says when the browser cannot be asked at all', async () => {
    // @ts-expect-error: a browser without a StorageManager
    delete navigator.storage;
    renderAt('/settings', <SettingsPage />);
    expect(await screen.findByText(/cannot be asked to keep the trainer’s data/)).toBeInTheDocument();
    expect(await screen.findByText('0', { selector: 'dd' })).toBeInTheDocument();
  });
});
