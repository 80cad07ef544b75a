/**
 * A note, in localStorage, of each call whose latest turns did not reach
 * IndexedDB, so that after a reload the app can say what was lost instead
 * of showing an older copy as if it were the whole call. localStorage has a
 * quota of its own, so this small note usually gets through when IndexedDB
 * is full; if it does not, there is nothing more to be done.
 */
import type { StoredSession } from '../../engine/records/stored-session';

export interface UnsavedMark {
  scenarioTitle: string;
  startedAt: string;
  /** Transcript entries storage holds (0 if none), and entries the tab held when it last tried. */
  storedEntries: number;
  heldEntries: number;
  heldStatus: StoredSession['status'];
  /** When writes first failed, ISO 8601. */
  since: string;
  reason: 'full' | 'unavailable';
}

const KEY = 'call-trainer-unsaved';

function readAll(): Record<string, UnsavedMark> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, UnsavedMark>;
  } catch {
    return {};
  }
}

function writeAll(marks: Record<string, UnsavedMark>) {
  try {
    if (Object.keys(marks).length) localStorage.setItem(KEY, JSON.stringify(marks));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refuses even this: the in-tab notice and download remain.
  }
}

export function markUnsaved(session: StoredSession, storedEntries: number, reason: UnsavedMark['reason']) {
  const marks = readAll();
  const earlier = marks[session.id];
  marks[session.id] = {
    scenarioTitle: session.scenarioTitle,
    startedAt: session.startedAt,
    storedEntries: earlier ? Math.min(earlier.storedEntries, storedEntries) : storedEntries,
    heldEntries: session.record.transcript.length,
    heldStatus: session.status,
    since: earlier?.since ?? new Date().toISOString(),
    reason,
  };
  writeAll(marks);
}

export function clearUnsaved(id: string) {
  const marks = readAll();
  if (!(id in marks)) return;
  delete marks[id];
  writeAll(marks);
}

export function unsavedMark(id: string): UnsavedMark | undefined {
  return readAll()[id];
}
