/**
 * Where sessions live: IndexedDB through idb, behind a small adapter so the
 * features never touch storage directly. When IndexedDB is missing or full,
 * sessions are kept in memory for this tab, the status says so in plain
 * words, and the trainee can still download the session as a file.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { create } from 'zustand';
import type { SavedCall } from '../engine/call/call';
import type { Scorecard } from '../engine/scoring/scorer';
import { EMPTY_NOTES, type CallNotes, type CallRecord } from '../engine/call/transcript';

export interface StoredSession {
  id: string;
  traineeName: string;
  scenarioId: string;
  scenarioVersion: number;
  scenarioTitle: string;
  /** Wall-clock time, ISO 8601. */
  startedAt: string;
  updatedAt: string;
  status: 'live' | 'wrapUp' | 'scored';
  /** Prepared replies, or the trainee's own typed or spoken words; chosen for the whole call. */
  replyMode: 'prepared' | 'open';
  saved: SavedCall;
  record: CallRecord;
  notes: CallNotes;
  scorecard: Scorecard | null;
}

export type StorageStatus = 'ok' | 'unavailable' | 'full';

export const useStorageStatus = create<{ status: StorageStatus; detail: string }>(() => ({ status: 'ok', detail: '' }));

const DB_NAME = 'call-trainer';
const STORE = 'sessions';

let database: Promise<IDBPDatabase | null> | null = null;
const memory = new Map<string, StoredSession>();

function report(status: StorageStatus, detail = '') {
  useStorageStatus.setState({ status, detail });
}

function open(): Promise<IDBPDatabase | null> {
  database ??= (async () => {
    try {
      if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser');
      return await openDB(DB_NAME, 1, {
        upgrade(db) {
          const store = db.createObjectStore(STORE, { keyPath: 'id' });
          store.createIndex('updatedAt', 'updatedAt');
        },
      });
    } catch (error) {
      report('unavailable', (error as Error).message);
      return null;
    }
  })();
  return database;
}

/** Writes are chained so a slower earlier write never lands after a later one. */
let queue: Promise<unknown> = Promise.resolve();

export function saveSession(session: StoredSession): Promise<void> {
  memory.set(session.id, session);
  const write = queue.then(async () => {
    const db = await open();
    if (!db) return;
    try {
      await db.put(STORE, session);
      if (useStorageStatus.getState().status === 'full') report('ok');
    } catch (error) {
      const name = (error as DOMException).name;
      report(name === 'QuotaExceededError' ? 'full' : 'unavailable', (error as Error).message);
    }
  });
  queue = write.catch(() => undefined);
  return write;
}

/** This tab's own copy wins: it is the newest, even when a write to IndexedDB failed. */
export async function loadSession(id: string): Promise<StoredSession | undefined> {
  const mine = memory.get(id);
  if (mine) return mine;
  const db = await open();
  return db ? ((await db.get(STORE, id)) as StoredSession | undefined) : undefined;
}

export async function listSessions(): Promise<StoredSession[]> {
  const db = await open();
  const stored = db ? ((await db.getAll(STORE)) as StoredSession[]) : [];
  const byId = new Map(stored.map((session) => [session.id, session]));
  for (const session of memory.values()) byId.set(session.id, session);
  return [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function deleteSession(id: string): Promise<void> {
  memory.delete(id);
  const db = await open();
  await db?.delete(STORE, id);
}

/** Offers a session as a JSON file, the way out when the browser cannot store it. */
export function downloadSession(session: StoredSession) {
  const blob = new Blob([JSON.stringify(session, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: `call-${session.scenarioId}-${session.startedAt.slice(0, 10)}-${session.id.slice(0, 8)}.json` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** For tests: forget the open connection and the in-memory copies. */
export function resetSessionStoreForTests() {
  database = null;
  memory.clear();
  report('ok');
}

/** A new, unanswered call for this trainee; its id is also the seed of the customer's random choices. */
export async function startSession(scenario: { id: string; version: number; title: string }, traineeName: string, replyMode: StoredSession['replyMode'] = 'prepared'): Promise<StoredSession> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const session: StoredSession = {
    id,
    traineeName,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioTitle: scenario.title,
    startedAt: now,
    updatedAt: now,
    status: 'live',
    replyMode,
    saved: { seed: id, log: [], savedAt: 0, snapshot: null },
    record: { scenarioId: scenario.id, scenarioVersion: scenario.version, seed: id, transcript: [], ending: null, flags: [], flaggedAt: {}, notes: EMPTY_NOTES },
    notes: EMPTY_NOTES,
    scorecard: null,
  };
  await saveSession(session);
  return session;
}
