/**
 * Where sessions live: IndexedDB through idb, behind this adapter so the
 * features never touch storage directly (layout in storage/session-rows.ts
 * and storage/database.ts, lists in storage/summaries.ts).
 *
 * One writer per call: every stored session has a revision, and a write
 * made from an older revision than the stored one is refused, as is any
 * write that would take a scored session back to live or wrap-up. Each
 * write appends the turns and events the tab has not yet stored.
 *
 * When IndexedDB is missing or full, sessions are kept in memory for this
 * tab, the status says so in plain words, a note is left for after a
 * reload, and the trainee can still download the session as a file.
 */
import { EMPTY_NOTES } from '../engine/call/transcript';
import type { StoredSession } from '../engine/records/stored-session';
import { summarise } from '../engine/records/summary';
import { ALL_STORES, forgetDatabase, openDatabase, rowsRange, transcriptWordsRow } from './storage/database';
import { rememberScored } from './storage/best-scores';
import { rowsOf, sessionFrom } from './storage/session-rows';
import { reportStorage, useStorageStatus } from './storage/storage-status';
import { requestPersistenceOnce } from './storage/persistence';
import { forgetSummaries, noteStoredSummary, noteSummaryInMemory } from './storage/summary-cache';
import { listenToOtherTabs, tellOtherTabs } from './storage/tab-channel';
import { clearUnsaved, markUnsaved } from './storage/unsaved-marks';

export type { StoredSession } from '../engine/records/stored-session';
export { useStorageStatus, type StorageStatus } from './storage/storage-status';

/** What became of a write: stored; kept in this tab's memory only (storage failed); or refused (storage holds newer work). */
export type SaveOutcome = 'stored' | 'memoryOnly' | 'refused';

/** What this tab knows storage holds of a session: the revision and how many turns and events. */
interface StoredExtent {
  revision: number;
  turns: number;
  events: number;
  /** The last transcript entries as stored (JSON), to find where a write must begin. */
  tail: string[];
}

/**
 * How many of the last transcript entries a write compares. The engine adds
 * an event before the customer lines still waiting to be said, so an entry
 * already stored can move; only those few at the end ever do.
 */
const COMPARED_TAIL = 16;

/** Where the stored transcript and this one first differ: the turn rows from there on are written again. */
function firstChangedTurn(known: StoredExtent, transcript: readonly unknown[]): number {
  const start = known.turns - known.tail.length;
  for (let i = start; i < known.turns; i++) if (JSON.stringify(transcript[i]) !== known.tail[i - start]) return i;
  return known.turns;
}

/** This tab's newest copy of each session it has saved. */
const memory = new Map<string, StoredSession>();
/** Sessions whose newest copy in memory did not reach storage. */
const ahead = new Set<string>();
const extents = new Map<string, StoredExtent>();
const refusalListeners = new Set<(id: string) => void>();

function extentOf(session: StoredSession): StoredExtent {
  const { transcript } = session.record;
  return { revision: session.revision, turns: transcript.length, events: session.saved.log.length, tail: transcript.slice(-COMPARED_TAIL).map((entry) => JSON.stringify(entry)) };
}

/** Calls `listener` with the id of every session whose write storage refused because it holds newer work. */
export function onSaveRefused(listener: (id: string) => void): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}

function keepInMemory(session: StoredSession, reason: 'full' | 'unavailable', detail: string) {
  answerOtherTabs();
  memory.set(session.id, session);
  ahead.add(session.id);
  reportStorage(reason, detail);
  markUnsaved(session, extents.get(session.id)?.turns ?? 0, reason);
  noteSummaryInMemory(summarise(session));
}

class Refused extends Error {}

let lastWrite = { rows: 0, bytes: 0 };

/** Records and bytes (as JSON) of this tab's last stored write: what a turn costs, for the bench and tests. */
export function lastWriteSize(): { rows: number; bytes: number } {
  return lastWrite;
}

/** Writes are chained so a slower earlier write never lands after a later one. */
let queue: Promise<unknown> = Promise.resolve();

async function write(session: StoredSession): Promise<SaveOutcome> {
  const db = await openDatabase();
  if (!db) {
    keepInMemory(session, 'unavailable', useStorageStatus.getState().detail);
    return 'memoryOnly';
  }
  const known = extents.get(session.id);
  let next: StoredSession = session;
  try {
    const tx = db.transaction(ALL_STORES, 'readwrite');
    tx.done.catch(() => undefined);
    const current = await tx.objectStore('sessions').get(session.id);
    if (current && (!known || current.revision !== known.revision || (current.status === 'scored' && session.status !== 'scored'))) {
      tx.abort();
      throw new Refused();
    }
    next = { ...session, revision: (current?.revision ?? 0) + 1 };
    // Append from what storage holds (rewriting the few last turns that moved); a session new to storage (or shorter than it, which a single writer never makes) is written whole.
    const fresh = !current || !known || next.record.transcript.length < known.turns || next.saved.log.length < known.events;
    const { head, turns, events } = rowsOf(next, fresh ? 0 : firstChangedTurn(known, next.record.transcript), fresh ? 0 : known.events);
    if (fresh && current) {
      void tx.objectStore('turns').delete(rowsRange(session.id));
      void tx.objectStore('events').delete(rowsRange(session.id));
    }
    void tx.objectStore('sessions').put(head);
    for (const row of turns) void tx.objectStore('turns').put(row);
    for (const row of events) void tx.objectStore('events').put(row);
    const summary = summarise(next);
    void tx.objectStore('summaries').put(summary);
    // A call's words are indexed once it is scored: until then it is in no list that searches them.
    const words = transcriptWordsRow(next);
    if (words) void tx.objectStore('transcriptWords').put(words);
    await tx.done;
    lastWrite = { rows: 1 + turns.length + events.length, bytes: JSON.stringify({ head, turns, events, summary }).length };
    extents.set(next.id, extentOf(next));
    memory.delete(next.id);
    ahead.delete(next.id);
    clearUnsaved(next.id);
    if (useStorageStatus.getState().status !== 'ok') reportStorage('ok');
    noteStoredSummary(next.id, summary);
    if (summary.status === 'scored' && summary.overall !== null) rememberScored(summary.traineeName, summary.scenarioId, summary.overall);
    tellOtherTabs({ type: 'saved', summary });
    return 'stored';
  } catch (error) {
    if (error instanceof Refused) {
      for (const listener of refusalListeners) listener(session.id);
      return 'refused';
    }
    const name = (error as DOMException).name;
    keepInMemory(next, name === 'QuotaExceededError' ? 'full' : 'unavailable', (error as Error).message);
    return 'memoryOnly';
  }
}

/**
 * Stores the session as this tab's newest copy. Storage sets its revision;
 * the write is refused if another tab stored a newer revision since this
 * tab read or wrote it, or if it would unscore a scored session.
 */
export function saveSession(session: StoredSession): Promise<SaveOutcome> {
  const result = queue.then(() => write(session));
  queue = result.catch(() => undefined);
  return result;
}

async function readStored(id: string): Promise<StoredSession | undefined> {
  const db = await openDatabase();
  if (!db) return undefined;
  const tx = db.transaction(['sessions', 'turns', 'events'], 'readonly');
  const [head, turns, events] = await Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('turns').getAll(rowsRange(id)), tx.objectStore('events').getAll(rowsRange(id))]);
  return head ? sessionFrom(head, turns, events) : undefined;
}

/**
 * The session as storage holds it; this tab's own copy only when it is
 * newer than storage's (its writes failed) or storage is unavailable.
 */
export async function loadSession(id: string): Promise<StoredSession | undefined> {
  await queue;
  const stored = await readStored(id);
  const mine = memory.get(id);
  if (mine && (ahead.has(id) || !stored)) return mine;
  if (stored) {
    extents.set(id, extentOf(stored));
    memory.delete(id);
  }
  return stored;
}

/** Deletes a session and returns it whole, so the caller can offer undo (restoreSession). */
export async function deleteSession(id: string): Promise<StoredSession | undefined> {
  // Lists drop the row at once; reading the session for undo comes after.
  noteStoredSummary(id, null);
  const session = await loadSession(id);
  memory.delete(id);
  ahead.delete(id);
  extents.delete(id);
  clearUnsaved(id);
  const db = await openDatabase();
  if (db) {
    const tx = db.transaction(ALL_STORES, 'readwrite');
    void tx.objectStore('sessions').delete(id);
    void tx.objectStore('summaries').delete(id);
    void tx.objectStore('transcriptWords').delete(id);
    void tx.objectStore('turns').delete(rowsRange(id));
    void tx.objectStore('events').delete(rowsRange(id));
    await tx.done;
  }
  tellOtherTabs({ type: 'deleted', id });
  return session;
}

/** Puts back a session deleteSession returned; refused if the id has been stored again since. */
export async function restoreSession(session: StoredSession): Promise<SaveOutcome> {
  extents.delete(session.id);
  // Lists show it back at once; the write follows.
  noteStoredSummary(session.id, summarise(session));
  const outcome = await saveSession(session);
  if (outcome === 'refused') {
    const db = await openDatabase();
    noteStoredSummary(session.id, (await db?.get('summaries', session.id)) ?? null);
  }
  return outcome;
}

/** Offers a session as a JSON file, the way out when the browser cannot store it. */
export function downloadSession(session: StoredSession) {
  const blob = new Blob([JSON.stringify(session, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: `call-${session.scenarioId}-${session.startedAt.slice(0, 10)}-${session.id.slice(0, 8)}.json` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

let answering = false;

/** Hands this tab's copy of a session that never fully reached storage to another tab that asks (findInOtherTabs). */
function answerOtherTabs() {
  if (answering) return;
  answering = true;
  listenToOtherTabs((message) => {
    if (message.type !== 'whoHolds' || !ahead.has(message.id)) return;
    const session = memory.get(message.id);
    if (session) tellOtherTabs({ type: 'holding', id: message.id, asker: message.asker, session });
  });
}


/** For tests: forget the open connection and the in-memory copies. */
export function resetSessionStoreForTests() {
  forgetDatabase();
  forgetSummaries();
  memory.clear();
  ahead.clear();
  extents.clear();
  reportStorage('ok');
}

/** A new, unanswered call for this trainee; its id is also the seed of the customer's random choices. */
export async function startSession(scenario: { id: string; version: number; title: string }, traineeName: string, replyMode: StoredSession['replyMode'] = 'prepared'): Promise<StoredSession> {
  requestPersistenceOnce();
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
    revision: 0,
    origin: 'local',
    saved: { seed: id, log: [], savedAt: 0, snapshot: null },
    record: { scenarioId: scenario.id, scenarioVersion: scenario.version, seed: id, transcript: [], ending: null, flags: [], flaggedAt: {}, notes: EMPTY_NOTES },
    notes: EMPTY_NOTES,
    scorecard: null,
  };
  await saveSession(session);
  return { ...session, revision: extents.get(id)?.revision ?? 0 };
}

/**
 * Asks the other open tabs for their copy of a session that never fully
 * reached storage; resolves with the first answer, or undefined after
 * `waitMs` (a tab that holds nothing does not answer).
 */
export function findInOtherTabs(id: string, waitMs = 1000): Promise<StoredSession | undefined> {
  const asker = crypto.randomUUID();
  return new Promise((resolve) => {
    const stop = listenToOtherTabs((message) => {
      if (message.type !== 'holding' || message.asker !== asker) return;
      finish(message.session);
    });
    const timer = setTimeout(() => finish(undefined), waitMs);
    function finish(session: StoredSession | undefined) {
      clearTimeout(timer);
      stop();
      resolve(session);
    }
    tellOtherTabs({ type: 'whoHolds', id, asker });
  });
}
