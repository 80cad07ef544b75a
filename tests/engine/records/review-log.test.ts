import { appendEntry, effectiveEntries, latestVerdict, ReviewError, reviewStatus, type ReviewEntry } from '../../../src/engine/records/review-log';
import { reviewedScorecard, reviewFields } from '../../../src/engine/records/reviewed-scorecard';
import { summarise } from '../../../src/engine/records/summary';
import { storedFrom } from '../../../src/lib/records-import';
import { competencyScore } from '../../../src/engine/scoring/scorer';
import { entry, POOR_ROUTE, scoredSession, TRAINEE } from '../../helpers/records';

const session = scoredSession('review-log-session', POOR_ROUTE);
const { scorecard } = session;
const turns = session.record.transcript.length;
const add = (log: ReviewEntry[], next: ReviewEntry) => appendEntry(log, next, scorecard, turns);
const opening = scorecard.competencies.find((c) => c.id === 'opening')!;
const greeting = opening.behaviours[0]!;

describe('the review log', () => {
  it('refuses an override without a reason, out of scale, or by a trainee, and leaves the log unchanged', () => {
    const log: ReviewEntry[] = [];
    expect(() => add(log, entry(session.id, 'a', { kind: 'override', target: { competency: 'opening' }, score: 70, reason: '  ' }))).toThrow(/needs a reason/);
    expect(() => add(log, entry(session.id, 'b', { kind: 'override', target: { competency: 'opening' }, score: 140, reason: 'x' }))).toThrow(/0–100/);
    expect(() => add(log, entry(session.id, 'c', { kind: 'override', target: { competency: 'opening', behaviour: greeting.id }, score: greeting.points + 1, reason: 'x' }))).toThrow(new RegExp(`0–${greeting.points} points`));
    expect(() => add(log, entry(session.id, 'd', { kind: 'override', target: { competency: 'opening' }, score: 70, reason: 'x', author: TRAINEE }))).toThrow(ReviewError);
    expect(() => add(log, entry(session.id, 'e', { kind: 'comment', turn: turns, text: 'past the end' }))).toThrow(/not in this call's transcript/);
    expect(log).toEqual([]);
  });

  it('takes an entry back only by a later undo, and an undo of the undo brings it back', () => {
    let log: ReviewEntry[] = [];
    log = add(log, entry(session.id, 'c1', { kind: 'comment', turn: null, text: 'Good recovery at the end.' }));
    log = add(log, entry(session.id, 'u1', { kind: 'undo', undoes: 'c1' }));
    expect(effectiveEntries(log)).toEqual([]);
    expect(() => add(log, entry(session.id, 'u2', { kind: 'undo', undoes: 'c1' }))).toThrow(/already undone/);
    log = add(log, entry(session.id, 'u3', { kind: 'undo', undoes: 'u1' }));
    expect(effectiveEntries(log).map((e) => e.id)).toEqual(['c1']);
    expect(log.map((e) => e.id)).toEqual(['c1', 'u1', 'u3']);
  });

  it('shows disputed while the trainee\'s dispute is the last word, reviewed once the supervisor answers', () => {
    let log: ReviewEntry[] = [];
    expect(reviewStatus(log)).toBe('notReviewed');
    log = add(log, entry(session.id, 'v1', { kind: 'verdict', verdict: 'retry', retryScenarioId: 'billing-dispute' }));
    expect(reviewStatus(log)).toBe('reviewed');
    log = add(log, entry(session.id, 'd1', { kind: 'dispute', of: 'v1', text: 'I did greet the customer.', author: TRAINEE }));
    expect(reviewStatus(log)).toBe('disputed');
    log = add(log, entry(session.id, 'c2', { kind: 'comment', turn: null, text: 'Listened again: you are right.' }));
    log = add(log, entry(session.id, 'v2', { kind: 'verdict', verdict: 'pass' }));
    expect(reviewStatus(log)).toBe('reviewed');
    expect(latestVerdict(log)?.verdict).toBe('pass');
  });
});

describe('a scorecard with overrides', () => {
  it('recomputes the competency and overall from an overridden behaviour, keeping the computed figures beside them', () => {
    const log = add([], entry(session.id, 'o1', { kind: 'override', target: { competency: 'opening', behaviour: greeting.id }, score: greeting.points, reason: 'The greeting was cut off by the line.' }));
    const reviewed = reviewedScorecard(scorecard, log);
    const after = reviewed.scorecard.competencies.find((c) => c.id === 'opening')!;
    const expected = competencyScore(opening.behaviours.map((b) => (b.id === greeting.id ? { ...b, applicable: true, earned: greeting.points } : b)));
    expect(after.score).toBe(expected.score);
    expect(after.score).not.toBe(opening.score);
    expect(reviewed.overrides).toEqual([expect.objectContaining({ computed: greeting.applicable ? greeting.earned : null, score: greeting.points, reason: 'The greeting was cut off by the line.', by: 'Sam Supervisor' })]);
    expect(reviewed.computedOverall).toBe(scorecard.overall);
    expect(reviewed.scorecard.overall).toBeGreaterThan(scorecard.overall);
  });

  it('lets a later override of the same competency win, and goes back to the computed score when it is undone', () => {
    let log: ReviewEntry[] = [];
    log = add(log, entry(session.id, 'o1', { kind: 'override', target: { competency: 'opening' }, score: 90, reason: 'first look' }));
    log = add(log, entry(session.id, 'o2', { kind: 'override', target: { competency: 'opening' }, score: 75, reason: 'second look' }));
    const twice = reviewedScorecard(scorecard, log);
    expect(twice.scorecard.competencies.find((c) => c.id === 'opening')).toMatchObject({ score: 75, level: 'Satisfactory' });
    expect(twice.overrides).toHaveLength(1);
    log = add(log, entry(session.id, 'u1', { kind: 'undo', undoes: 'o2' }));
    log = add(log, entry(session.id, 'u2', { kind: 'undo', undoes: 'o1' }));
    const undone = reviewedScorecard(scorecard, log);
    expect(undone.scorecard).toEqual(scorecard);
    expect(undone.overrides).toEqual([]);
  });

  it('puts the overridden scores in the session\'s summary, which lists and mastery read, and the computed ones back once undone', () => {
    let log = add([], entry(session.id, 'o1', { kind: 'override', target: { competency: 'opening' }, score: 90, reason: 'The line dropped the greeting.' }));
    const overridden = summarise({ ...storedFrom(session, 'local'), ...reviewFields(scorecard, log) });
    expect(overridden.competencies.opening).toEqual({ score: 90, level: 'Superior' });
    expect(overridden.overall).toBe(reviewedScorecard(scorecard, log).scorecard.overall);
    expect(overridden.reviewStatus).toBe('reviewed');
    log = add(log, entry(session.id, 'u1', { kind: 'undo', undoes: 'o1' }));
    const fields = reviewFields(scorecard, log);
    expect(fields.reviewedScores).toBeUndefined();
    expect(summarise({ ...storedFrom(session, 'local'), ...fields }).competencies.opening?.score).toBe(opening.score);
  });
});

describe('corrections of how a typed turn was heard', () => {
  it('export as labelled utterances with what the customer had said, the latest correction in effect winning', async () => {
    const { correctionsAsUtterances } = await import('../../../src/engine/records/corrections');
    const firstCustomer = session.record.transcript.findIndex((e) => e.kind === 'customer');
    const typedIndex = session.record.transcript.findIndex((e, i) => e.kind === 'trainee' && i > firstCustomer);
    const transcript = session.record.transcript.map((e, i) => (i === typedIndex && e.kind === 'trainee' ? { ...e, replyId: undefined, text: 'hiya whats up' } : e));
    const typed = { ...session, record: { ...session.record, transcript } };
    let log: ReviewEntry[] = [];
    log = appendEntry(log, entry(session.id, 'k1', { kind: 'correction', turn: typedIndex, acts: ['dismissal'] }), scorecard, turns);
    log = appendEntry(log, entry(session.id, 'k2', { kind: 'correction', turn: typedIndex, acts: ['greeting'] }), scorecard, turns);
    const [item, ...rest] = correctionsAsUtterances(typed, log);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ text: 'hiya whats up', acts: ['greeting'] });
    expect(item!.context?.customerSaid).toEqual(transcript.slice(0, typedIndex).filter((e) => e.kind === 'customer').map((e) => e.text));
    log = appendEntry(log, entry(session.id, 'k3', { kind: 'undo', undoes: 'k2' }), scorecard, turns);
    expect(correctionsAsUtterances(typed, log)[0]!.acts).toEqual(['dismissal']);
    // A prepared reply's acts are the author's: never exported.
    expect(correctionsAsUtterances(session, log)).toEqual([]);
  });
});
