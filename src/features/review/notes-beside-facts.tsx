import type { CallNotes } from '../../engine/call/transcript';
import { notesBesideFacts, type NoteVerdict } from '../../engine/scoring/notes-findings';
import type { Scorecard } from '../../engine/scoring/scorer';

const FIELD_TEXT: Record<keyof CallNotes, string> = { who: 'Who', what: 'What', when: 'When', where: 'Where', why: 'Why', action: 'Action taken' };

/** Words and a symbol, never colour alone. */
const VERDICT_TEXT: Record<NoteVerdict, string> = { matched: '✓ Matched', missing: '✗ Missing', wrong: '⚠ Wrong' };

/** The trainee's wrap-up notes beside the account facts the scorer expected in each field, with its verdict on each. */
export function NotesBesideFacts({ scorecard, notes }: { scorecard: Scorecard; notes: CallNotes }) {
  const rows = notesBesideFacts(scorecard, notes);
  return (
    <section className="card notes-beside-facts" aria-labelledby="notes-facts-heading">
      <h2 id="notes-facts-heading">Notes beside the account facts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">The trainee wrote</th>
            <th scope="col">What the scorer looked for</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={row.verdict ? `note-${row.verdict}` : undefined}>
              <th scope="row">{FIELD_TEXT[row.field]}</th>
              <td>{row.written.trim() ? row.written : <span className="muted">(left blank)</span>}</td>
              <td>
                {row.findings.length ? (
                  <ul className="plain-list">
                    {row.findings.map((finding, index) => (
                      <li key={index}>{finding.note}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">Nothing of this kind came up in the call</span>
                )}
              </td>
              <td>{row.verdict ? <strong>{VERDICT_TEXT[row.verdict]}</strong> : <span className="muted">Not checked</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
