/**
 * The trainee's best overall score on each of the given scenarios, read from
 * the [traineeName, scenarioId, overall] index: one key per scenario, the
 * last of the trainee's range, however many sessions are stored
 * (best-score-cursor.ts). index.html's early script starts that read for
 * the trainee signed in before the bundle has run; the first read takes it. The last
 * answer is also kept in localStorage, so the picker can show it at once on
 * the next visit while storage opens, and correct it when the read answers.
 */
import { unwrap } from 'idb';
import { readBestScoreKeys } from './best-score-cursor';
import { openDatabase } from './database';
import { BEST_SCORE_INDEX, EARLY_BEST_SCORES_GLOBAL } from './database-name';
import { readEarly, takeEarlyAnswer, takeEarlyRead } from './early-reads';
import { inMemory } from './summary-cache';

const earlyKey = (traineeName: string, scenarioIds: readonly string[]) => JSON.stringify(['bestScores', traineeName, scenarioIds]);
const rememberedKey = (traineeName: string) => `call-trainer:best-scores:${traineeName}`;

function remember(traineeName: string, best: Record<string, number>) {
  try {
    localStorage.setItem(rememberedKey(traineeName), JSON.stringify(best));
  } catch {
    // Only a head start is lost: the next visit waits for storage instead.
  }
}

function remembered(traineeName: string): Record<string, number> | null {
  try {
    const text = localStorage.getItem(rememberedKey(traineeName));
    const best: unknown = text === null ? null : JSON.parse(text);
    if (!best || typeof best !== 'object') return null;
    return Object.fromEntries(Object.entries(best).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  } catch {
    return null;
  }
}

/** A call just scored in this tab raises the remembered best at once, so the picker never shows the older one first. */
export function rememberScored(traineeName: string, scenarioId: string, overall: number) {
  const best = remembered(traineeName);
  if (best && (best[scenarioId] ?? -1) < overall) remember(traineeName, { ...best, [scenarioId]: overall });
}

/** The read index.html's early script started (src/build/early-open-plugin.ts), if it was for this trainee. Taken once: later reads are the app's own. */
function takeScriptRead(traineeName: string): Promise<Record<string, number>> | undefined {
  const holder = globalThis as { [EARLY_BEST_SCORES_GLOBAL]?: { traineeName: string; best: Promise<Record<string, number>> } };
  const early = holder[EARLY_BEST_SCORES_GLOBAL];
  delete holder[EARLY_BEST_SCORES_GLOBAL];
  return early?.traineeName === traineeName ? early.best : undefined;
}

async function readFromDatabase(traineeName: string): Promise<Record<string, number>> {
  const db = await openDatabase();
  return db ? readBestScoreKeys(unwrap(db.transaction('summaries').store.index(BEST_SCORE_INDEX)), traineeName) : {};
}

async function readStored(traineeName: string, scenarioIds: readonly string[]): Promise<Record<string, number>> {
  const early = takeScriptRead(traineeName);
  const all = await (early ? early.catch(() => readFromDatabase(traineeName)) : readFromDatabase(traineeName));
  const best = Object.fromEntries(scenarioIds.filter((id) => id in all).map((id) => [id, all[id]!]));
  // The scenarios asked about are replaced (a best deleted with its calls goes too); the others are kept.
  const others = Object.entries(remembered(traineeName) ?? {}).filter(([id]) => !scenarioIds.includes(id));
  remember(traineeName, { ...Object.fromEntries(others), ...best });
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

/** What the last read found for this trainee, kept in this browser; null before any read. Not the truth: show it until bestScores answers. */
export function rememberedBestScores(traineeName: string, scenarioIds: readonly string[]): Record<string, number> | null {
  const best = remembered(traineeName);
  if (!best) return null;
  const asked = Object.fromEntries(Object.entries(best).filter(([id]) => scenarioIds.includes(id)));
  return withUnstored(asked, traineeName, scenarioIds);
}

export async function bestScores(traineeName: string, scenarioIds: readonly string[]): Promise<Record<string, number>> {
  const stored = await (takeEarlyRead<Record<string, number>>(earlyKey(traineeName, scenarioIds)) ?? readStored(traineeName, scenarioIds));
  return withUnstored(stored, traineeName, scenarioIds);
}
