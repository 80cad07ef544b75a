/**
 * In-page code for the stored-sessions bench (see stored-sessions.ts). As in
 * in-page.ts, Playwright sends each function as source text: no imports, and
 * nothing from the Node side but the argument.
 */

/** A session as its stored records: head, transcript rows, event rows, summary (see src/lib/storage/session-rows.ts). */
export interface SessionRecords {
  head: Record<string, unknown> & { id: string };
  turns: { sessionId: string; index: number; entry: unknown }[];
  events: { sessionId: string; index: number; event: unknown }[];
  summary: Record<string, unknown> & { id: string };
}

export interface SeedOptions {
  dbName: string;
  templates: SessionRecords[];
  traineeNames: string[];
  count: number;
  /** The newest call's start; each earlier one starts `spacingMs` before the next. */
  newest: number;
  spacingMs: number;
  perTransaction: number;
}

/**
 * Writes `count` sessions straight into the app's IndexedDB stores, cloned
 * from the templates with their own id, trainee and start time, in batches
 * of one transaction each. The database must already exist (the app made it).
 */
export async function seedSessions(options: SeedOptions): Promise<{ rows: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(options.dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  let rows = 0;
  const own = (i: number) => {
    const template = options.templates[i % options.templates.length]!;
    const id = `bench-${String(i).padStart(5, '0')}-${template.head.id}`;
    const traineeName = options.traineeNames[Math.floor(i / options.templates.length) % options.traineeNames.length]!;
    const startedAt = new Date(options.newest - (options.count - 1 - i) * options.spacingMs).toISOString();
    return { template, fields: { id, traineeName, startedAt, updatedAt: startedAt } };
  };
  // Store by store, the order a compacted database keeps them in: the bench
  // measures a store that has settled, not one still full of fresh writes.
  for (const stores of [['summaries'], ['sessions'], ['turns', 'events']]) {
    for (let from = 0; from < options.count; from += options.perTransaction) {
      const tx = db.transaction(stores, 'readwrite');
      for (let i = from; i < Math.min(options.count, from + options.perTransaction); i++) {
        const { template, fields } = own(i);
        if (stores[0] === 'summaries') tx.objectStore('summaries').put({ ...template.summary, ...fields });
        else if (stores[0] === 'sessions') tx.objectStore('sessions').put({ ...template.head, ...fields });
        else {
          for (const row of template.turns) tx.objectStore('turns').put({ ...row, sessionId: fields.id });
          for (const row of template.events) tx.objectStore('events').put({ ...row, sessionId: fields.id });
        }
        rows += stores[0] === 'turns' ? template.turns.length + template.events.length : 1;
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    }
  }
  db.close();
  return { rows };
}

interface SeenWindow {
  benchSeen?: Record<string, number>;
}

/**
 * Installed before the page's scripts: notes when (performance.now(), from
 * the start of navigation) each watched condition first holds, checked on
 * every DOM change. `history`: rows with a delete button; `historyCounted`:
 * the count of all calls shown (every summary read, filters ready);
 * `pickerLink`: the picker's cards; `bestScores`: at least `scores` best
 * scores on them.
 */
export function watchStoredSessionPages({ scores }: { scores: number }) {
  const seen: Record<string, number> = {};
  (window as unknown as SeenWindow).benchSeen = seen;
  const checks: Record<string, () => boolean> = {
    history: () => !!document.querySelector('button[aria-label^="Delete the call"]'),
    historyCounted: () => /of [\d,]+ calls/.test(document.querySelector('.history-count')?.textContent ?? ''),
    pickerLink: () => !!document.querySelector('a[aria-label^="Read the briefing for "]'),
    bestScores: () => [...document.querySelectorAll('.scenario-card dd')].filter((dd) => /^\d+ \/ 100$/.test(dd.textContent ?? '')).length >= scores,
  };
  const observer = new MutationObserver(() => {
    for (const [name, check] of Object.entries(checks)) if (!(name in seen) && check()) seen[name] = performance.now();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export function seenAt(name: string): number | null {
  return (window as unknown as SeenWindow).benchSeen?.[name] ?? null;
}

/** Runs before the app: forgets the best scores the picker remembers per trainee (lib/storage/best-scores.ts), as on a first visit. */
export function forgetRememberedBestScores() {
  for (const key of Object.keys(localStorage)) if (key.startsWith('call-trainer:best-scores:')) localStorage.removeItem(key);
}

export interface PageFacts {
  heapBytes: number | null;
  elements: number;
  countText: string;
}

export function pageFacts(): PageFacts {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return { heapBytes: memory?.usedJSHeapSize ?? null, elements: document.getElementsByTagName('*').length, countText: document.querySelector('.history-count')?.textContent ?? '' };
}

export type HistoryAction = { kind: 'select'; label: string; value: string } | { kind: 'click'; selector: string };

export interface ActionTiming {
  /** Action → the DOM shows the result; and → the next frame after it (the result painted). */
  toDom: number;
  toFrame: number;
}

/**
 * Does one thing on the History page, as a user would (a select changed, a
 * button clicked), and times it until `doneText` appears in `doneSelector`
 * (or, with `appears`, until that element exists).
 */
export function timeHistoryAction({ action, doneSelector, doneText, timeoutMs }: { action: HistoryAction; doneSelector: string; doneText?: string; timeoutMs: number }): Promise<ActionTiming> {
  const done = () => {
    const element = document.querySelector(doneSelector);
    return !!element && (doneText === undefined || (element.textContent ?? '').includes(doneText));
  };
  return new Promise((resolve, reject) => {
    let started = 0;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`Not done within ${timeoutMs} ms: ${doneSelector} ${doneText ?? ''}`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      const toDom = performance.now() - started;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve({ toDom, toFrame: performance.now() - started }));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    started = performance.now();
    if (action.kind === 'click') {
      const target = document.querySelector(action.selector) as HTMLElement | null;
      if (!target) throw new Error(`Nothing to click at ${action.selector}`);
      target.click();
    } else {
      const select = [...document.querySelectorAll('label')].find((label) => label.firstChild?.textContent?.trim() === action.label)?.querySelector('select');
      if (!select) throw new Error(`No select labelled ${action.label}`);
      select.value = action.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
}
