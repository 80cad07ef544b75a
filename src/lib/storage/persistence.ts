/**
 * Asks the browser to keep this app's data (navigator.storage.persist), so
 * it is not cleared when the disk runs low, and remembers what it answered
 * for the settings page. Browsers decide on their own terms: Chromium
 * answers at once from how the site is used, Firefox asks the user.
 */
import { create } from 'zustand';

export type Persistence = 'granted' | 'denied' | 'unsupported' | 'unknown';

interface PersistenceState {
  persistence: Persistence;
  /** When the app last asked, ISO 8601 (remembered across visits); null if it never has. */
  askedAt: string | null;
  usage: number | null;
  quota: number | null;
}

const ASKED_KEY = 'call-trainer-persistence-asked';

function rememberedAsk(): string | null {
  try {
    return localStorage.getItem(ASKED_KEY);
  } catch {
    return null;
  }
}

export const usePersistence = create<PersistenceState>(() => ({ persistence: 'unknown', askedAt: rememberedAsk(), usage: null, quota: null }));

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Reads the current answer and the space used, without asking. */
export async function readPersistence(): Promise<void> {
  const storage = storageManager();
  if (!storage?.persisted) return usePersistence.setState({ persistence: 'unsupported' });
  const [persisted, estimate] = await Promise.all([storage.persisted().catch(() => null), storage.estimate?.().catch(() => undefined)]);
  usePersistence.setState({ persistence: persisted === null ? 'unknown' : persisted ? 'granted' : 'denied', usage: estimate?.usage ?? null, quota: estimate?.quota ?? null });
}

/** Asks for persistent storage; a browser that already agreed is not asked again. */
export async function requestPersistence(): Promise<Persistence> {
  const storage = storageManager();
  if (!storage?.persist) {
    usePersistence.setState({ persistence: 'unsupported' });
    return 'unsupported';
  }
  let persistence: Persistence;
  try {
    persistence = (await storage.persisted()) || (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    persistence = 'unknown';
  }
  const askedAt = new Date().toISOString();
  usePersistence.setState({ persistence, askedAt });
  try {
    localStorage.setItem(ASKED_KEY, askedAt);
  } catch {
    // Not remembering when is no reason to fail.
  }
  void readPersistence();
  return persistence;
}

let askedThisVisit = false;

/** The first call of a visit asks once; the trainee has just pressed "Start the call", which Firefox wants before it prompts. */
export function requestPersistenceOnce() {
  if (askedThisVisit) return;
  askedThisVisit = true;
  void requestPersistence();
}
