/**
 * This tab's copy of the session summaries: read from the database once, in
 * one request, then kept current by this tab's own writes and by the other
 * tabs' messages, so lists never go back to the database for the whole set.
 * The lists themselves are in summaries.ts, which only the lazy pages load.
 */
import type { SessionSummary } from '../../engine/records/summary';
import { openDatabase } from './database';
import { listenToOtherTabs } from './tab-channel';

let stored: Map<string, SessionSummary> | null = null;
/** Every change this tab has seen since it started reading the summaries; emptied once they are read. */
const unsettled = new Map<string, SessionSummary | null>();
let loading: Promise<Map<string, SessionSummary>> | null = null;
/** Changes made while the list was being read, applied on top of what was read. */
let changedWhileLoading: Map<string, SessionSummary | null> | null = null;
/** Sessions this tab holds only in memory, because storage refused them. */
export const inMemory = new Map<string, SessionSummary>();
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

function apply(id: string, summary: SessionSummary | null) {
  changedWhileLoading?.set(id, summary);
  if (!stored) unsettled.set(id, summary);
  if (!stored) return;
  if (summary) stored.set(id, summary);
  else stored.delete(id);
}

/** A summary storage now holds (or null: the session is gone). */
export function noteStoredSummary(id: string, summary: SessionSummary | null) {
  inMemory.delete(id);
  apply(id, summary);
  notify();
}

/** A summary of a session only this tab holds. */
export function noteSummaryInMemory(summary: SessionSummary) {
  inMemory.set(summary.id, summary);
  notify();
}

let listening = false;
function listenOnce() {
  if (listening) return;
  listening = true;
  listenToOtherTabs((message) => {
    if (message.type === 'saved') apply(message.summary.id, message.summary);
    else if (message.type === 'deleted') apply(message.id, null);
    else return;
    notify();
  });
}

async function storedSummaries(): Promise<Map<string, SessionSummary>> {
  listenOnce();
  if (stored) return stored;
  if (!loading) {
    // Each read keeps its own list of changes: after forgetSummaries() a second read may start before the first one ends.
    const changes = new Map<string, SessionSummary | null>();
    changedWhileLoading = changes;
    let read: Promise<Map<string, SessionSummary>> | null = null;
    read = (async () => {
      try {
        const db = await openDatabase();
        const all = db ? await db.getAll('summaries') : [];
        const map = new Map(all.map((summary) => [summary.id, summary]));
        for (const [id, summary] of changes) {
          if (summary) map.set(id, summary);
          else map.delete(id);
        }
        stored = map;
        unsettled.clear();
        return map;
      } finally {
        if (changedWhileLoading === changes) changedWhileLoading = null;
        if (loading === read) loading = null;
      }
    })();
    loading = read;
  }
  return loading;
}

export function summariesLoaded(): boolean {
  return stored !== null;
}

/** Changes seen before the summaries were read, to lay over a partial read (newestSummaries). */
export function unsettledChanges(): ReadonlyMap<string, SessionSummary | null> {
  return unsettled;
}

export async function allSummaries(): Promise<Iterable<SessionSummary>> {
  const fromStorage = await storedSummaries();
  if (!inMemory.size) return fromStorage.values();
  const merged = new Map(fromStorage);
  for (const [id, summary] of inMemory) merged.set(id, summary);
  return merged.values();
}

/** Calls `listener` whenever a summary changes, in this tab or another. */
export function onSummariesChanged(listener: () => void): () => void {
  listenOnce();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: forget every summary this tab knows. */
export function forgetSummaries() {
  stored = null;
  unsettled.clear();
  loading = null;
  inMemory.clear();
}
