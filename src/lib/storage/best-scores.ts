/**
 * The trainee's best overall score on each of the given scenarios, read from
 * the [traineeName, scenarioId, overall] index: one key per scenario, the
 * last of the trainee's range, however many sessions are stored.
 */
import { BEST_SCORE_INDEX, openDatabase } from './database';
import { readEarly, takeEarlyRead } from './early-reads';
import { inMemory } from './summary-cache';

const earlyKey = (traineeName: string, scenarioIds: readonly string[]) => JSON.stringify(['bestScores', traineeName, scenarioIds]);

async function readStored(traineeName: string, scenarioIds: readonly string[]): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  const db = await openDatabase();
  if (!db) return best;
  const index = db.transaction('summaries').store.index(BEST_SCORE_INDEX);
  await Promise.all(
    scenarioIds.map(async (scenarioId) => {
      const cursor = await index.openKeyCursor(IDBKeyRange.bound([traineeName, scenarioId, -Infinity], [traineeName, scenarioId, Infinity]), 'prev');
      if (cursor) best[scenarioId] = (cursor.key as [string, string, number])[2];
    }),
  );
  return best;
}

/** Starts reading the best scores now, for the picker to take when it renders. */
export function readBestScoresEarly(traineeName: string, scenarioIds: readonly string[]) {
  readEarly(earlyKey(traineeName, scenarioIds), () => readStored(traineeName, scenarioIds));
}

export async function bestScores(traineeName: string, scenarioIds: readonly string[]): Promise<Record<string, number>> {
  const best = { ...(await (takeEarlyRead<Record<string, number>>(earlyKey(traineeName, scenarioIds)) ?? readStored(traineeName, scenarioIds))) };
  for (const summary of inMemory.values()) {
    if (summary.traineeName !== traineeName || summary.overall === null || !scenarioIds.includes(summary.scenarioId)) continue;
    best[summary.scenarioId] = Math.max(best[summary.scenarioId] ?? 0, summary.overall);
  }
  return best;
}
