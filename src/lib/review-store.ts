/**
 * Where review logs live in this browser: every entry once, by id, in its
 * own IndexedDB database (entries are only ever added). Appending checks the
 * entry with the engine's review rules, keeps the session's review status in
 * step for the lists, and queues the entry for the team's LRS when one is set.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { appendEntry, mergeLogs, type ReviewEntry } from '../engine/records/review-log';
import { reviewFields } from '../engine/records/reviewed-scorecard';
import type { StoredSession } from '../engine/records/stored-session';
import type { Scorecard } from '../engine/scoring/scorer';
import { loadSession, saveSession } from './session-store';

interface ReviewDB extends DBSchema {
  reviews: { key: string; value: ReviewEntry; indexes: { sessionId: string } };
}

const DB_NAME = 'call-trainer-reviews';
let database: Promise<IDBPDatabase<ReviewDB> | null> | null = null;
/** Entries of this tab when IndexedDB cannot be used, so a review is not lost while the tab is open. */
const memory = new Map<string, ReviewEntry>();

function open(): Promise<IDBPDatabase<ReviewDB> | null> {
  database ??= (async () => {
    try {
      if (typeof indexedDB === 'undefined') return null;
      return await openDB<ReviewDB>(DB_NAME, 1, {
        upgrade(db) {
          db.createObjectStore('reviews', { keyPath: 'id' }).createIndex('sessionId', 'sessionId');
        },
      });
    } catch {
      return null;
    }
  })();
  return database;
}

export async function loadReview(sessionId: string): Promise<ReviewEntry[]> {
  const db = await open();
  const stored = db ? await db.getAllFromIndex('reviews', 'sessionId', sessionId) : [];
  return mergeLogs(stored, [...memory.values()].filter((entry) => entry.sessionId === sessionId));
}

/** Keeps entries from elsewhere (a bundle, the LRS); ones already here are left as they are. */
export async function keepReviewEntries(entries: readonly ReviewEntry[]): Promise<void> {
  if (!entries.length) return;
  const db = await open();
  if (!db) {
    for (const entry of entries) if (!memory.has(entry.id)) memory.set(entry.id, entry);
    return;
  }
  const tx = db.transaction('reviews', 'readwrite');
  await Promise.all(entries.map(async (entry) => ((await tx.store.getKey(entry.id)) === undefined ? tx.store.put(entry) : undefined)));
  await tx.done;
}

type ScoredStoredSession = StoredSession & { scorecard: Scorecard };

/**
 * Adds one entry to a session's review. Throws (ReviewError) with a message
 * for the person when the entry breaks a rule; nothing is stored then.
 * Returns the whole log after it.
 */
export async function addReviewEntry(session: ScoredStoredSession, entry: ReviewEntry): Promise<ReviewEntry[]> {
  const log = appendEntry(await loadReview(session.id), entry, session.scorecard, session.record.transcript.length);
  await keepReviewEntries([entry]);
  await noteReview(session.id, log);
  const { sendReviewEntry } = await import('./xapi/send-review-entry');
  void sendReviewEntry(entry, session);
  return log;
}

/** Keeps the session's review status and reviewed scores (what the lists show and filter on) in step with its log. */
export async function noteReview(sessionId: string, log: readonly ReviewEntry[]): Promise<void> {
  const current = await loadSession(sessionId);
  if (!current?.scorecard) return;
  const fields = reviewFields(current.scorecard, log);
  const unchanged = (current.reviewStatus ?? 'notReviewed') === fields.reviewStatus && JSON.stringify(current.reviewedScores) === JSON.stringify(fields.reviewedScores);
  if (!unchanged) await saveSession({ ...current, ...fields });
}

/** For tests: close and forget. */
export async function resetReviewStoreForTests() {
  (await database)?.close();
  database = null;
  memory.clear();
}
