/**
 * The trainee's best overall score on each of the given scenarios, read from
 * the [traineeName, scenarioId, overall] index: one key per scenario, the
 * last of the trainee's range, however many sessions are stored.
 */
import { BEST_SCORE_INDEX, openDatabase } from './database';
import { readEarly, takeEarlyAnswer, takeEarlyRead } from './early-reads';
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

/** Starts reading the best scores now, for the picker to take when it renders; settles when they are read. */
export function readBestScoresEarly(traineeName: string, scenarioIds: readonly string[]): Promise<void> {
  return readEarly(earlyKey(traineeName, scenarioIds), () => readStored(traineeName, scenarioIds));
}

/** Sessions this tab holds only in memory count too. */
function withUnstored(stored: Record<string, number>, traineeName: string, scenarioIds: readonly string[]): Record<string, number> {
  const best = { ...stored };
  for (const summary of inMemory.values()) {
    if (summary.traineeName !== traineeName || summary.overall === null || !scenarioIds.includes(summary.scenarioId)) continue;
    best[summary.scenarioId] = Math.max(best[summary.scenarioId] ?? 0, summary.overall);
  }
  return best;
}

/** The best scores at once, if the read the app started early has answered; else null. */
export function bestScoresReadEarly(traineeName: string, scenarioIds: readonly string[]): Record<string, number> | null {
  const stored = takeEarlyAnswer<Record<string, number>>(earlyKey(traineeName, scenarioIds))?.value;
  return stored ? withUnstored(stored, traineeName, scenarioIds) : null;
}

export async function bestScores(traineeName: string, scenarioIds: readonly string[]): Promise<Record<string, number>> {
  const stored = await (takeEarlyRead<Record<string, number>>(earlyKey(traineeName, scenarioIds)) ?? readStored(traineeName, scenarioIds));
  return withUnstored(stored, traineeName, scenarioIds);
}
