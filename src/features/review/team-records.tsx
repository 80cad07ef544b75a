import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { correctionsAsUtterances } from '../../engine/records/corrections';
import { makeBundle, type RecordsProblem, type SessionRecords } from '../../engine/records/bundle';
import { reviewCsv } from '../../engine/records/review-query';
import { scoredSessionOf } from '../../engine/records/scored-session';
import type { SessionSummary } from '../../engine/records/summary';
import { COMPETENCIES } from '../../engine/vocabulary';
import { importBundle, loadFromLrs } from '../../lib/records-import';
import { loadReview } from '../../lib/review-store';
import { loadSession } from '../../lib/session-store';
import { activeConnection, useLrsSettings } from '../../lib/xapi/lrs-settings';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Getting sessions in (LRS, bundle file) and out (bundle, CSV) of the review. */
export function TeamRecords({ rows }: { rows: SessionSummary[] }) {
  const lrs = useLrsSettings();
  const [status, setStatus] = useState<string>('');
  const [problems, setProblems] = useState<RecordsProblem[]>([]);
  const [busy, setBusy] = useState(false);
  /** A bundle import under way: null while the bundle is checked (no count yet), then sessions stored of all. */
  const [importing, setImporting] = useState<{ done: number; total: number } | null | false>(false);
  const file = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblems([]);
    try {
      await work();
    } catch (error) {
      setStatus(`That did not work: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const fromLrs = () =>
    run(async () => {
      const connection = activeConnection();
      if (!connection) return setStatus('Set up the team LRS in Settings first.');
      setStatus('Reading the team’s calls from the LRS…');
      const outcome = await loadFromLrs(connection, undefined, (read) => setStatus(`Reading the team’s calls from the LRS… ${read} statements so far`));
      setProblems(outcome.problems);
      setStatus(`From the LRS: ${outcome.added} new ${outcome.added === 1 ? 'call' : 'calls'}, ${outcome.updated} with new review entries${outcome.problems.length ? `, ${outcome.problems.length} not trusted (below)` : ''}.`);
    });

  const fromFile = (chosen: File) =>
    run(async () => {
      setStatus(`Checking ${chosen.name}…`);
      setImporting(null);
      // Let the bar paint before checking, which re-scores every session and holds the page for a while with a big bundle.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const outcome = await importBundle(await chosen.text(), (done, total) => {
        setImporting({ done, total });
        setStatus(`Storing ${done} of ${total} sessions…`);
      }).finally(() => setImporting(false));
      if (outcome.problems.length) {
        setProblems(outcome.problems);
        setStatus(`${chosen.name} was not imported: nothing was stored. Problems:`);
      } else setStatus(`Imported ${chosen.name}: ${outcome.added} new ${outcome.added === 1 ? 'session' : 'sessions'}, ${outcome.updated} with new review entries.`);
    });

  const exportBundle = () =>
    run(async () => {
      setStatus(`Collecting ${rows.length} sessions…`);
      const records: SessionRecords[] = [];
      for (const row of rows) {
        const session = await loadSession(row.id);
        if (!session?.scorecard) continue;
        records.push({ session: scoredSessionOf({ ...session, scorecard: session.scorecard }), review: await loadReview(row.id) });
      }
      const stamp = new Date().toISOString();
      download(`call-trainer-bundle-${stamp.slice(0, 10)}.json`, JSON.stringify(makeBundle(records, stamp)), 'application/json');
      setStatus(`Exported ${records.length} scored ${records.length === 1 ? 'session' : 'sessions'} as a bundle.`);
    });

  const exportCorrections = () =>
    run(async () => {
      const utterances = [];
      for (const row of rows) {
        if (row.replyMode !== 'open') continue;
        const session = await loadSession(row.id);
        if (session) utterances.push(...correctionsAsUtterances(session, await loadReview(row.id)));
      }
      if (!utterances.length) return setStatus('No act corrections among these sessions yet: use “heard wrong?” on a typed turn.');
      download(`utterances-review-${new Date().toISOString().slice(0, 10)}.json`, `${JSON.stringify(utterances, null, 2)}\n`, 'application/json');
      setStatus(`Exported ${utterances.length} corrected ${utterances.length === 1 ? 'utterance' : 'utterances'} in the labelled-utterance format, for the classifier's tuning data.`);
    });

  const exportCsv = () => {
    download(`call-trainer-sessions-${new Date().toISOString().slice(0, 10)}.csv`, reviewCsv(rows, COMPETENCIES), 'text/csv');
    setStatus(`Exported ${rows.length} rows as CSV.`);
  };

  return (
    <section className="team-records" aria-labelledby="team-records-heading">
      <h2 id="team-records-heading">Sessions in and out</h2>
      <div className="control-row">
        <button type="button" className="button" disabled={busy} onClick={() => void fromLrs()}>
          Load the team’s calls from the LRS
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => file.current?.click()}>
          Import a bundle…
        </button>
        <input ref={file} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(event) => { const chosen = event.target.files?.[0]; event.target.value = ''; if (chosen) void fromFile(chosen); }} />
        <button type="button" className="button" disabled={busy || rows.length === 0} onClick={() => void exportBundle()}>
          Export these {rows.length} as a bundle
        </button>
        <button type="button" className="button" disabled={busy || rows.length === 0} onClick={exportCsv}>
          Export these as CSV
        </button>
        <button type="button" className="button" disabled={busy || rows.length === 0} onClick={() => void exportCorrections()}>
          Export act corrections
        </button>
      </div>
      {!lrs.enabled && (
        <p className="muted">
          No team LRS is set: the table shows the sessions in this browser. <Link href="/settings">Set up team records</Link>.
        </p>
      )}
      {importing !== false && (
        <progress className="import-progress" aria-label="Bundle import" {...(importing ? { value: importing.done, max: importing.total } : {})}>
          {importing ? `${importing.done} of ${importing.total}` : 'Checking'}
        </progress>
      )}
      <div role="status" aria-live="polite">
        {status && <p>{status}</p>}
        {problems.length > 0 && (
          <ul className="import-problems">
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.session ? `Session ${problem.session}, ` : ''}
                <code>{problem.path || '(the file)'}</code>: {problem.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
