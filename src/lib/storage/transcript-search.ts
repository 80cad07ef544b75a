/**
 * Search over what was said in stored calls, answered from the index of
 * each scored session's words (database.ts, transcriptWords): one key-range
 * read per word asked for, returning session ids only, so no transcript and
 * no word list is loaded.
 */
import { searchWords } from '../../engine/records/transcript-words';
import { openDatabase } from './database';

/** The first word after every word that begins with `prefix`, as an IndexedDB key bound. */
const PREFIX_END = '\uffff';

/**
 * The ids of the scored sessions in which every word of `query` begins a
 * word said by the customer or the trainee; null when the query has no
 * words (nothing to narrow) or the browser stores nothing.
 */
export async function sessionsSaying(query: string): Promise<Set<string> | null> {
  const words = searchWords(query);
  if (!words.length) return null;
  const db = await openDatabase();
  if (!db) return null;
  const index = db.transaction('transcriptWords').store.index('words');
  const found = await Promise.all(words.map((word) => index.getAllKeys(IDBKeyRange.bound(word, word + PREFIX_END))));
  let matches = new Set(found[0]);
  for (const keys of found.slice(1)) {
    const these = new Set(keys);
    matches = new Set([...matches].filter((id) => these.has(id)));
  }
  return matches;
}
