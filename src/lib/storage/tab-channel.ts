/**
 * Messages between this app's tabs in the same browser: what was saved or
 * deleted (so lists stay current), and, after a storage failure, a way to
 * ask whether another open tab still holds a call that never reached storage.
 */
import type { StoredSession } from '../../engine/records/stored-session';
import type { SessionSummary } from '../../engine/records/summary';

export type TabMessage =
  | { type: 'saved'; summary: SessionSummary }
  | { type: 'deleted'; id: string }
  | { type: 'whoHolds'; id: string; asker: string }
  | { type: 'holding'; id: string; asker: string; session: StoredSession };

const CHANNEL = 'call-trainer-sessions';
const listeners = new Set<(message: TabMessage) => void>();
let channel: BroadcastChannel | null | undefined;

function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => {
    for (const listener of listeners) listener(event.data);
  });
  return channel;
}

/** Tells the other tabs; this tab does not hear its own messages. */
export function tellOtherTabs(message: TabMessage) {
  try {
    open()?.postMessage(message);
  } catch {
    // A session that cannot be cloned is not worth breaking a save for.
  }
}

export function listenToOtherTabs(listener: (message: TabMessage) => void): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
