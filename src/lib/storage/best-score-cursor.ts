/**
 * A trainee's best overall score on each scenario they have a scored call
 * of, read with one key cursor over the [traineeName, scenarioId, overall]
 * index walked backwards: the first key met on each scenario is its best,
 * and the cursor then jumps to the last key of the scenario before it. So
 * it reads one key per scenario tried, however many calls are stored.
 *
 * The function must stay self-contained (plain IndexedDB, nothing from
 * outside it): index.html's early script runs its very source
 * (src/build/early-open-plugin.ts), so on a first visit the picker's best
 * scores are read while the app's bundle is still loading.
 */
export function readBestScoreKeys(index: IDBIndex, traineeName: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const best: Record<string, number> = {};
    // Arrays sort after strings, so [name, []] is above every [name, scenarioId, overall].
    const request = index.openKeyCursor(IDBKeyRange.bound([traineeName], [traineeName, []]), 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        resolve(best);
        return;
      }
      const [, scenarioId, overall] = cursor.key as [string, string, number];
      best[scenarioId] = overall;
      // Below every key of this scenario: the previous scenario's best.
      cursor.continue([traineeName, scenarioId]);
    };
    request.onerror = () => reject(request.error);
  });
}
