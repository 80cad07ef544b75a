/**
 * Statements waiting to reach the LRS. They are written to IndexedDB first,
 * in their own database, so a closed tab, a reload, being offline or an LRS
 * outage loses none: each stays until the LRS has taken it. Sending retries
 * with growing waits; a statement the LRS rejects as malformed is kept and
 * shown, never dropped. The count is visible ("12 records waiting to send").
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { create } from 'zustand';
import type { Statement } from '../../engine/records/xapi-statement';
import { LrsError, sendStatements, type LrsConnection } from './lrs-client';

export interface OutboxItem {
  /** The statement's id: enqueueing the same statement twice keeps one. */
  id: string;
  statement: Statement;
  /** Order of sending: when it was queued, then its position in its batch. */
  order: number;
  attempts: number;
  /** Epoch ms before which it is not tried again. */
  notBefore: number;
  /** Set when the LRS refused it as malformed: kept, shown, not retried until the queue is retried by hand. */
  rejected?: string;
  lastError?: string;
}

interface OutboxDB extends DBSchema {
  /** `rejected` indexes only refused items: an item without the field is not in that index. */
  outbox: { key: string; value: OutboxItem; indexes: { order: number; rejected: string } };
}

export interface OutboxState {
  waiting: number;
  rejected: number;
  sending: boolean;
  /** The last failure, in words, while anything is waiting. */
  problem: string | null;
  lastSentAt: number | null;
  /** False when IndexedDB cannot be used: statements are then kept in this tab only. */
  durable: boolean;
}

export const useOutbox = create<OutboxState>(() => ({ waiting: 0, rejected: 0, sending: false, problem: null, lastSentAt: null, durable: true }));

const DB_NAME = 'call-trainer-outbox';
const BATCH = 100;
const FIRST_WAIT_MS = 2_000;
const LONGEST_WAIT_MS = 5 * 60_000;

/** 2 s, 4 s, 8 s… up to five minutes. */
export function backoff(attempts: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.max(0, attempts - 1));
}

let database: Promise<IDBPDatabase<OutboxDB> | null> | null = null;
const memory = new Map<string, OutboxItem>();
let orderSeed = 0;

function open(): Promise<IDBPDatabase<OutboxDB> | null> {
  database ??= (async () => {
    try {
      if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
      return await openDB<OutboxDB>(DB_NAME, 2, {
        upgrade(db, oldVersion, _newVersion, transaction) {
          const store = oldVersion < 1 ? db.createObjectStore('outbox', { keyPath: 'id' }) : transaction.objectStore('outbox');
          if (oldVersion < 1) store.createIndex('order', 'order');
          if (oldVersion < 2) store.createIndex('rejected', 'rejected');
        },
      });
    } catch {
      useOutbox.setState({ durable: false });
      return null;
    }
  })();
  return database;
}

async function allItems(): Promise<OutboxItem[]> {
  const db = await open();
  if (!db) return [...memory.values()].sort((a, b) => a.order - b.order);
  return db.getAllFromIndex('outbox', 'order');
}

/** The first `limit` items due now, oldest first, read with a cursor so a long queue is not read whole for each batch. */
async function dueItems(now: number, limit: number): Promise<OutboxItem[]> {
  const db = await open();
  const due: OutboxItem[] = [];
  const isDue = (item: OutboxItem) => !item.rejected && item.notBefore <= now;
  if (!db) return [...memory.values()].sort((a, b) => a.order - b.order).filter(isDue).slice(0, limit);
  let cursor = await db.transaction('outbox').store.index('order').openCursor();
  while (cursor && due.length < limit) {
    if (isDue(cursor.value)) due.push(cursor.value);
    cursor = await cursor.continue();
  }
  return due;
}

async function refreshCounts(): Promise<void> {
  const db = await open();
  let total: number;
  let rejected = 0;
  if (db) {
    total = await db.count('outbox');
    rejected = await db.countFromIndex('outbox', 'rejected');
  } else {
    total = memory.size;
    rejected = [...memory.values()].filter((item) => item.rejected).length;
  }
  useOutbox.setState({ waiting: total - rejected, rejected, ...(total ? {} : { problem: null }) });
}

/** Queues statements; ones already queued (same id) are left as they are. */
export async function enqueueStatements(statements: readonly Statement[], now = Date.now()): Promise<void> {
  const base = Math.max(now * 1000, orderSeed + 1);
  orderSeed = base + statements.length;
  const items = statements.map((statement, index): OutboxItem => ({ id: statement.id, statement, order: base + index, attempts: 0, notBefore: 0 }));
  const db = await open();
  if (!db) {
    for (const item of items) if (!memory.has(item.id)) memory.set(item.id, item);
  } else {
    const tx = db.transaction('outbox', 'readwrite');
    await Promise.all(items.map(async (item) => ((await tx.store.getKey(item.id)) === undefined ? tx.store.put(item) : undefined)));
    await tx.done;
  }
  await refreshCounts();
}

async function update(items: OutboxItem[], remove: boolean): Promise<void> {
  const db = await open();
  if (!db) {
    for (const item of items) (remove ? memory.delete(item.id) : memory.set(item.id, item));
    return;
  }
  const tx = db.transaction('outbox', 'readwrite');
  await Promise.all(items.map((item) => (remove ? tx.store.delete(item.id) : tx.store.put(item))));
  await tx.done;
}

let flushing: Promise<number> | null = null;

/**
 * Sends what is due, a batch at a time, oldest first, until the queue is
 * empty or a send fails. Returns how many statements the LRS took. Only one
 * flush runs at a time in a tab; the deterministic ids make a second tab's
 * overlapping send harmless.
 */
export function flushOutbox(connection: LrsConnection, { now = () => Date.now(), fetchImpl }: { now?: () => number; fetchImpl?: typeof fetch } = {}): Promise<number> {
  flushing ??= (async () => {
    useOutbox.setState({ sending: true });
    let sent = 0;
    try {
      for (;;) {
        const due = await dueItems(now(), BATCH);
        if (!due.length) break;
        try {
          await sendStatements(connection, due.map((item) => item.statement), fetchImpl);
        } catch (error) {
          const message = (error as Error).message;
          if (error instanceof LrsError && !error.retryable && error.status === 400) {
            await quarantine(connection, due, fetchImpl);
            continue;
          }
          await update(due.map((item) => ({ ...item, attempts: item.attempts + 1, notBefore: now() + backoff(item.attempts + 1), lastError: message })), false);
          useOutbox.setState({ problem: message });
          break;
        }
        await update(due, true);
        sent += due.length;
        useOutbox.setState({ lastSentAt: now(), problem: null });
      }
    } finally {
      await refreshCounts();
      useOutbox.setState({ sending: false });
      flushing = null;
    }
    return sent;
  })();
  return flushing;
}

/** A batch the LRS refused as malformed: send one by one, so only the bad ones are held back. */
async function quarantine(connection: LrsConnection, batch: OutboxItem[], fetchImpl?: typeof fetch) {
  for (const item of batch) {
    try {
      await sendStatements(connection, [item.statement], fetchImpl);
      await update([item], true);
    } catch (error) {
      const retryable = error instanceof LrsError && error.retryable;
      await update([{ ...item, attempts: item.attempts + 1, ...(retryable ? { notBefore: Date.now() + backoff(item.attempts + 1) } : { rejected: (error as Error).message }), lastError: (error as Error).message }], false);
      if (retryable) return;
    }
  }
}

/** Gives every held statement another try now, refused ones included (after the LRS or settings changed). */
export async function retryAll(): Promise<void> {
  const items = await allItems();
  await update(items.map(({ rejected: _rejected, ...item }) => ({ ...item, notBefore: 0 })), false);
  await refreshCounts();
}

export async function outboxItems(): Promise<OutboxItem[]> {
  return allItems();
}

/** Reads the counts from storage, e.g. when a page opens. */
export function loadOutboxState(): Promise<void> {
  return refreshCounts();
}

/** For tests: close and delete the database, forget the in-memory copies. */
export async function resetOutboxForTests() {
  const open = await database;
  open?.close();
  database = null;
  if (typeof indexedDB !== 'undefined') {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  }
  memory.clear();
  orderSeed = 0;
  useOutbox.setState({ waiting: 0, rejected: 0, sending: false, problem: null, lastSentAt: null, durable: true });
}

export function outboxSummary({ waiting, rejected }: Pick<OutboxState, 'waiting' | 'rejected'>): string {
  const parts: string[] = [];
  if (waiting) parts.push(`${waiting.toLocaleString('en-US')} ${waiting === 1 ? 'record' : 'records'} waiting to send`);
  if (rejected) parts.push(`${rejected.toLocaleString('en-US')} refused by the LRS`);
  return parts.join(', ') || 'All records sent';
}
