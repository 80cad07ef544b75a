/**
 * Keeps the outbox moving while the app is open: a send when the browser
 * comes back online, and a try every little while until nothing waits. The
 * outbox's own back-off decides what is due, so a down LRS is not hammered.
 */
import { activeConnection } from './lrs-settings';
import { flushOutbox, loadOutboxState, useOutbox } from './outbox';

const TICK_MS = 15_000;
let started = false;

export function startOutboxSender(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  const tick = () => {
    const connection = activeConnection();
    const { waiting, sending } = useOutbox.getState();
    if (connection && waiting > 0 && !sending) void flushOutbox(connection);
  };
  window.addEventListener('online', tick);
  window.setInterval(tick, TICK_MS);
  void loadOutboxState().then(tick);
}
