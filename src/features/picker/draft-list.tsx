/**
 * The studio's drafts in this browser, below the library: a trainer finds
 * the customer they are writing and takes the call as a trainee would.
 * Nothing is shown, and the drafts code is never fetched, in a browser where
 * the studio was never used.
 */
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { DraftScenario } from '../../lib/draft-scenarios';
import { mayHaveDrafts } from '../../lib/scenarios';
import { dateTime } from '../../components/date-time';

function useDrafts(): DraftScenario[] {
  const [drafts, setDrafts] = useState<DraftScenario[]>([]);
  useEffect(() => {
    let live = true;
    void mayHaveDrafts()
      .then(async (may) => (may ? (await import('../../lib/draft-scenarios')).listDraftScenarios() : []))
      // An empty list is left as it was: setting a new empty one would render the picker again for nothing.
      .then((found) => live && found.length > 0 && setDrafts(found))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return drafts;
}

export function DraftList() {
  const drafts = useDrafts();
  if (!drafts.length) return null;
  return (
    <section aria-labelledby="drafts-heading" className="drafts">
      <h2 id="drafts-heading">Drafts from the studio</h2>
      <p className="muted">Only in this browser: a trainer's scenarios, marked Draft while in progress and Published once the trainer has checked them.</p>
      <ul className="scenario-grid" aria-label="Drafts">
        {drafts.map((draft) => (
          <li key={draft.key} className="card scenario-card draft-card">
            <p className={draft.published ? 'draft-badge published' : 'draft-badge'}>{draft.published ? 'Published' : 'Draft'}</p>
            <h3>{draft.ok ? draft.summary.title : draft.key}</h3>
            <p className="muted">Saved {dateTime(draft.savedAt)}</p>
            {draft.ok ? (
              <>
                <p>{draft.summary.summary}</p>
                <Link href={`/briefing/${draft.summary.id}`} className="button primary" aria-label={`Read the briefing for the ${draft.published ? 'published scenario' : 'draft'} ${draft.summary.title}`}>
                  Read the briefing
                </Link>
              </>
            ) : (
              <p>
                Cannot be played: {draft.problem}. <Link href="/studio">Open the studio</Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
