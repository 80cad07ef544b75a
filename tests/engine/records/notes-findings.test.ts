import { idealNotes } from '../../../src/engine/scenario/scenario-report';
import { notesBesideFacts } from '../../../src/engine/scoring/notes-findings';
import { scoreCall } from '../../../src/engine/scoring/scorer';
import { play } from '../../helpers/play';
import { billing, GOOD_ROUTE } from '../../helpers/records';

describe('the notes beside the account facts, as the scorer judged them', () => {
  const record = play(billing, GOOD_ROUTE).record();
  const ideal = idealNotes(billing, record);
  const verdicts = (notes: typeof ideal) => Object.fromEntries(notesBesideFacts(scoreCall(billing, { ...record, notes }), notes).map((row) => [row.field, row.verdict]));

  it('marks every field a careful trainee filled in as matched, naming the fact', () => {
    const rows = notesBesideFacts(scoreCall(billing, { ...record, notes: ideal }), ideal);
    const checked = rows.filter((row) => row.verdict !== null);
    expect(checked.length).toBeGreaterThanOrEqual(3);
    expect(checked.every((row) => row.verdict === 'matched')).toBe(true);
    expect(rows.find((row) => row.field === 'action')).toMatchObject({ verdict: 'matched', written: ideal.action });
    expect(checked.every((row) => row.findings.some((finding) => finding.points > 0))).toBe(true);
  });

  it('marks a blank field missing, and a figure that matches nothing on the account wrong', () => {
    const field = notesBesideFacts(scoreCall(billing, { ...record, notes: ideal }), ideal).find((row) => row.verdict === 'matched' && row.field !== 'action')!.field;
    expect(verdicts({ ...ideal, [field]: '' })[field]).toBe('missing');
    const wrong = verdicts({ ...ideal, why: `${ideal.why} Charged $987.65.` });
    expect(wrong.why).toBe('wrong');
    // The other fields keep their own verdicts.
    expect(wrong.action).toBe('matched');
  });
});
