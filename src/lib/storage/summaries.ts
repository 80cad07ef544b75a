/**
 * Reading session summaries: the lists (History, the supervisor review) and
 * the picker's best scores. Lists are answered from this tab's copy of the
 * summaries, read once in one request and then kept current by this tab's
 * own writes and by the other tabs' messages, so filtering, sorting, paging,
 * deleting and undoing never go back to the database for the whole list.
 */
import { querySummaries, type SummaryPage, type SummaryQuery } from '../../engine/records/summary-query';
import type { SessionSummary } from '../../engine/records/summary';
import { BEST_SCORE_INDEX, openDatabase } from './database';
import { listenToOtherTabs } from './tab-channel';

let stored: Map<string, SessionSummary> | null = null;
let loading: Promise<Map<string, SessionSummary>> | null = null;
/** Changes made while the list was being read, applied on top of what was read. */
let changedWhileLoading: Map<string, SessionSummary | null> | null = null;
/** Sessions this tab holds only in memory, because storage refused them. */
const inMemory = new Map<string, SessionSummary>();
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

function apply(id: string, summary: SessionSummary | null) {
  changedWhileLoading?.set(id, summary);
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
  loading ??= (async () => {
    changedWhileLoading = new Map();
    try {
      const db = await openDatabase();
      const all = db ? await db.getAll('summaries') : [];
      const map = new Map(all.map((summary) => [summary.id, summary]));
      for (const [id, summary] of changedWhileLoading) {
        if (summary) map.set(id, summary);
        else map.delete(id);
      }
      stored = map;
      return map;
    } finally {
      changedWhileLoading = null;
      loading = null;
    }
  })();
  return loading;
}

async function allSummaries(): Promise<Iterable<SessionSummary>> {
  const fromStorage = await storedSummaries();
  if (!inMemory.size) return fromStorage.values();
  const merged = new Map(fromStorage);
  for (const [id, summary] of inMemory) merged.set(id, summary);
  return merged.values();
}

/** A page of summaries: filtered, sorted and sliced as the query says (see summary-query.ts). */
export async function listSummaries(query: SummaryQuery = {}): Promise<SummaryPage> {
  return querySummaries(await allSummaries(), query);
}

/** The distinct trainee names and scenarios among stored sessions, for filter menus. */
export async function summaryFacets(): Promise<{ traineeNames: string[]; scenarios: { id: string; title: string }[] }> {
  const names = new Set<string>();
  const scenarios = new Map<string, string>();
  for (const summary of await allSummaries()) {
    names.add(summary.traineeName);
    if (!scenarios.has(summary.scenarioId)) scenarios.set(summary.scenarioId, summary.scenarioTitle);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    traineeNames: [...names].sort(byName),
    scenarios: [...scenarios].map(([id, title]) => ({ id, title })).sort((a, b) => byName(a.title, b.title)),
  };
}

/** Calls `listener` whenever a summary changes, in this tab or another. */
export function onSummariesChanged(listener: () => void): () => void {
  listenOnce();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The trainee's best overall score on each of the given scenarios, read from
 * the [traineeName, scenarioId, overall] index: one key per scenario, the
 * last of the trainee's range, however many sessions are stored.
 */
export async function bestScores(traineeName: string, scenarioIds: readonly string[]): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  const db = await openDatabase();
  if (db) {
    const index = db.transaction('summaries').store.index(BEST_SCORE_INDEX);
    await Promise.all(
      scenarioIds.map(async (scenarioId) => {
        const cursor = await index.openKeyCursor(IDBKeyRange.bound([traineeName, scenarioId, -Infinity], [traineeName, scenarioId, Infinity]), 'prev');
        if (cursor) best[scenarioId] = (cursor.key as [string, string, number])[2];
      }),
    );
  }
  for (const summary of inMemory.values()) {
    if (summary.traineeName !== traineeName || summary.overall === null || !scenarioIds.includes(summary.scenarioId)) continue;
    best[summary.scenarioId] = Math.max(best[summary.scenarioId] ?? 0, summary.overall);
  }
  return best;
}

/** For tests: forget every summary this tab knows. */
export function forgetSummaries() {
  stored = null;
  loading = null;
  inMemory.clear();
}
