/**
 * Scenarios a trainer is writing in the studio, kept in this browser's
 * IndexedDB at every change (a database of their own, apart from the
 * trainee's sessions). Trainees in this browser find every draft that loads
 * in the picker, labelled as a draft (see draft-scenarios.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DRAFTS_DATABASE } from './scenarios';

export interface ScenarioDraft {
  /** The draft's own key: the scenario id it was started with. */
  key: string;
  /** The scenario file's text, exactly as the trainer left it. */
  text: string;
  savedAt: string;
  published: boolean;
}

interface DraftsDB extends DBSchema {
  drafts: { key: string; value: ScenarioDraft };
}

let opening: Promise<IDBPDatabase<DraftsDB>> | null = null;

function database() {
  opening ??= openDB<DraftsDB>(DRAFTS_DATABASE, 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'key' });
    },
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

export async function saveDraft(draft: ScenarioDraft): Promise<void> {
  await (await database()).put('drafts', draft);
}

export async function getDraft(key: string): Promise<ScenarioDraft | undefined> {
  return (await database()).get('drafts', key);
}

export async function listDrafts(): Promise<ScenarioDraft[]> {
  return (await database()).getAll('drafts');
}

export async function deleteDraft(key: string): Promise<void> {
  await (await database()).delete('drafts', key);
}
