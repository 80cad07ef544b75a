/**
 * One tab at a time takes a call: the tab that opens it first holds a Web
 * Lock named after the call, and any other tab on the same call shows it
 * read-only until the trainee takes it over there (which steals the lock;
 * the first tab is told and turns read-only). Storage's revisions are the
 * backstop; the lock is what lets a tab say so before anything is lost.
 *
 * Where Web Locks are missing, every tab may write and revisions alone
 * stop a stale tab.
 */

export interface CallLock {
  /** Calls `listener` if another tab takes the call over. */
  onLost(listener: () => void): void;
  release(): void;
}

interface Held {
  lock: Promise<CallLock | null>;
  users: number;
  releaseTimer?: ReturnType<typeof setTimeout>;
}

const held = new Map<string, Held>();
const lockName = (sessionId: string) => `call-trainer:call:${sessionId}`;

function request(sessionId: string, steal: boolean): Promise<CallLock | null> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  const lostListeners = new Set<() => void>();
  let lost = false;
  if (!locks) {
    return Promise.resolve({ onLost: () => undefined, release: () => undefined });
  }
  return new Promise((resolve) => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((done) => (release = done));
    locks
      .request(lockName(sessionId), steal ? { steal: true } : { ifAvailable: true }, async (granted) => {
        if (!granted) return resolve(null);
        resolve({
          onLost: (listener) => (lost ? listener() : lostListeners.add(listener)),
          release,
        });
        await released;
      })
      .catch(() => {
        // The request was aborted: another tab stole the lock.
        lost = true;
        for (const listener of lostListeners) listener();
      });
  });
}

/**
 * Takes the call for this tab if no other tab has it; null if one does.
 * Release it with `releaseCall`. A release followed at once by a new hold
 * (React's development double effects) keeps the same lock.
 */
export function holdCall(sessionId: string, { takeOver = false } = {}): Promise<CallLock | null> {
  const existing = held.get(sessionId);
  if (existing && !takeOver) {
    clearTimeout(existing.releaseTimer);
    existing.users++;
    return existing.lock;
  }
  const entry: Held = { lock: request(sessionId, takeOver), users: 1 };
  held.set(sessionId, entry);
  const forget = () => {
    if (held.get(sessionId) === entry) held.delete(sessionId);
  };
  void entry.lock.then((lock) => (lock ? lock.onLost(forget) : forget()));
  return entry.lock;
}

export function releaseCall(sessionId: string) {
  const entry = held.get(sessionId);
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  entry.releaseTimer = setTimeout(() => {
    if (held.get(sessionId) !== entry) return;
    held.delete(sessionId);
    void entry.lock.then((lock) => lock?.release());
  }, 0);
}
