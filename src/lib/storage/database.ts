/**
 * The IndexedDB database: its object stores, their indexes, and the upgrade
 * from the first version (whole sessions in one store) to this one.
 *
 * - sessions: one head per session (session-rows.ts), keyed by id.
 * - turns, events: the transcript entries and logged events, keyed [sessionId, index].
 * - summaries: one SessionSummary per session, with the indexes History,
 *   the picker and the supervisor review read instead of whole sessions.
 * - transcriptWords: the distinct words said in each scored session, with a
 *   multi-entry index over them, so the review searches transcripts by
 *   reading keys only (engine/records/transcript-words.ts).
 */
import { openDB, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { StoredSession } from '../../engine/records/stored-session';
import { summarise, type SessionSummary } from '../../engine/records/summary';
import { transcriptWords } from '../../engine/records/transcript-words';
import { BEST_SCORE_INDEX, DB_NAME, DB_VERSION, EARLY_OPEN_GLOBAL } from './database-name';
import { rowsOf, type EventRow, type SessionHead, type TurnRow } from './session-rows';
import { reportStorage } from './storage-status';


export interface TrainerDB extends DBSchema {
  sessions: { key: string; value: SessionHead; indexes: { updatedAt: string } };
  turns: { key: [string, number]; value: TurnRow };
  events: { key: [string, number]; value: EventRow };
  summaries: {
    key: string;
    value: SessionSummary;
    indexes: {
      traineeName: string;
      scenarioId: string;
      startedAt: string;
      updatedAt: string;
      status: string;
      overall: number;
      reviewStatus: string;
      origin: string;
      [BEST_SCORE_INDEX]: [string, string, number];
      traineeStartedAt: [string, string];
    };
  };
  transcriptWords: { key: string; value: TranscriptWordsRow; indexes: { words: string } };
}

/** The words said in one scored session; absent for sessions not yet scored. */
export interface TranscriptWordsRow {
  id: string;
  words: string[];
}

/** The row a scored session keeps for transcript search; null for one still going (nothing to search yet). */
export function transcriptWordsRow(session: StoredSession): TranscriptWordsRow | null {
  return session.status === 'scored' ? { id: session.id, words: transcriptWords(session.record) } : null;
}

export type StoreName = StoreNames<TrainerDB>;
export const ALL_STORES: StoreName[] = ['sessions', 'turns', 'events', 'summaries', 'transcriptWords'];

/** Every row of one session, for a key range over [sessionId, index]. */
export function rowsRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]);
}

async function upgrade(db: IDBPDatabase<TrainerDB>, oldVersion: number, transaction: IDBPTransaction<TrainerDB, StoreName[], 'versionchange'>) {
  const sessions = oldVersion < 1 ? db.createObjectStore('sessions', { keyPath: 'id' }) : transaction.objectStore('sessions');
  if (oldVersion < 1) sessions.createIndex('updatedAt', 'updatedAt');
  if (oldVersion < 2) {
    db.createObjectStore('turns', { keyPath: ['sessionId', 'index'] });
    db.createObjectStore('events', { keyPath: ['sessionId', 'index'] });
    const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
    for (const field of ['traineeName', 'scenarioId', 'startedAt', 'updatedAt', 'status', 'overall', 'reviewStatus', 'origin'] as const) summaries.createIndex(field, field);
    summaries.createIndex(BEST_SCORE_INDEX, ['traineeName', 'scenarioId', 'overall']);
    summaries.createIndex('traineeStartedAt', ['traineeName', 'startedAt']);
    // Version 1 kept whole sessions: split each into head and rows, and summarise it.
    for (let cursor = await sessions.openCursor(); cursor; cursor = await cursor.continue()) {
      const whole = cursor.value as unknown as StoredSession;
      if (!whole.record?.transcript || !whole.saved?.log) continue;
      const session: StoredSession = { ...whole, revision: whole.revision ?? 1 };
      const { head, turns, events } = rowsOf(session);
      await cursor.update(head);
      for (const row of turns) await transaction.objectStore('turns').put(row);
      for (const row of events) await transaction.objectStore('events').put(row);
      await summaries.put(summarise(session));
    }
  }
  if (oldVersion < 3) {
    const words = db.createObjectStore('transcriptWords', { keyPath: 'id' });
    words.createIndex('words', 'words', { multiEntry: true });
    // Index the words of every scored session stored so far, from its turn rows.
    for (const id of await transaction.objectStore('summaries').index('status').getAllKeys('scored')) {
      const turns = await transaction.objectStore('turns').getAll(rowsRange(id));
      await words.put({ id, words: transcriptWords({ transcript: turns.map((row) => row.entry) }) });
    }
  }
}

let database: Promise<IDBPDatabase<TrainerDB> | null> | null = null;

/** A newer version of the app opened in another tab: step aside so it can upgrade. */
function stepAsideForUpgrades(db: IDBPDatabase<TrainerDB>) {
  db.addEventListener('versionchange', () => {
    db.close();
    database = null;
  });
}

/** The database index.html's early script opened while the bundle downloaded (src/build/early-open-plugin.ts); null when it could not. Taken once. */
async function takeEarlyOpen(): Promise<IDBPDatabase<TrainerDB> | null> {
  const holder = globalThis as { [EARLY_OPEN_GLOBAL]?: Promise<IDBDatabase | null> | null };
  const early = holder[EARLY_OPEN_GLOBAL];
  delete holder[EARLY_OPEN_GLOBAL];
  const db = await early?.catch(() => null);
  return db ? (wrap(db) as IDBPDatabase<TrainerDB>) : null;
}

/** The open database, or null when this browser will not store data (the status then says why). */
export function openDatabase(): Promise<IDBPDatabase<TrainerDB> | null> {
  database ??= (async () => {
    try {
      const early = await takeEarlyOpen();
      if (early) {
        stepAsideForUpgrades(early);
        return early;
      }
      if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser');
      const db = await openDB<TrainerDB>(DB_NAME, DB_VERSION, {
        upgrade: (db, oldVersion, _newVersion, transaction) => upgrade(db, oldVersion, transaction),
      });
      stepAsideForUpgrades(db);
      return db;
    } catch (error) {
      reportStorage('unavailable', (error as Error).message);
      return null;
    }
  })();
  return database;
}

/** For tests: forget the open connection. */
export function forgetDatabase() {
  void database?.then((db) => db?.close());
  database = null;
}
