import { reviewStatement } from '../../../src/engine/records/review-statements';
import { resultStatementId, sessionStatements } from '../../../src/engine/records/session-statements';
import { sessionsFromStatements } from '../../../src/engine/records/statements-to-sessions';
import { ext } from '../../../src/engine/records/xapi-statement';
import { VERBS } from '../../../src/engine/records/xapi-vocabulary';
import { entry, GOOD_ROUTE, POOR_ROUTE, scoredSession } from '../../helpers/records';

const good = scoredSession('7f0c1e52-2222-4b8e-a1d0-00000000000a');
const poor = scoredSession('7f0c1e52-2222-4b8e-a1d0-00000000000b', POOR_ROUTE);

describe('a scored call as xAPI statements', () => {
  const statements = sessionStatements(good);
  const verbs = statements.map((s) => s.verb.id);

  it('has one answered per trainee turn and one interacted per look-up, then completed and passed', () => {
    const turns = good.record.transcript.filter((e) => e.kind === 'trainee').length;
    expect(verbs.filter((v) => v === VERBS.answered.id)).toHaveLength(turns);
    expect(verbs.filter((v) => v === VERBS.interacted.id)).toHaveLength(GOOD_ROUTE.filter((s) => s.startsWith('LOOKUP')).length);
    expect(verbs.slice(-2)).toEqual([VERBS.completed.id, VERBS.passed.id]);
    expect(sessionStatements(poor).at(-1)!.verb.id).toBe(VERBS.failed.id);
  });

  it('gives each statement an id derived from the session and the event, the same every time', () => {
    expect(sessionStatements(good).map((s) => s.id)).toEqual(statements.map((s) => s.id));
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    const other = sessionStatements(poor).map((s) => s.id);
    expect(other.filter((id) => statements.some((s) => s.id === id))).toEqual([]);
    for (const s of statements) expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reports the reply, the acts heard, the points and the mood with each answered turn', () => {
    const index = good.record.transcript.findIndex((e) => e.kind === 'trainee');
    const turn = good.record.transcript[index]!;
    const answered = statements.find((s) => s.verb.id === VERBS.answered.id)!;
    expect(answered.result?.response).toBe(turn.kind === 'trainee' ? turn.replyId : undefined);
    expect(answered.result?.extensions?.[ext('acts')]).toEqual(turn.kind === 'trainee' ? turn.acts : []);
    expect(answered.result?.extensions?.[ext('mood')]).toEqual(turn.mood);
    expect(answered.object).toMatchObject({ definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' } });
  });

  it('puts the scaled score, the duration and each competency on the last statement', () => {
    const last = statements.at(-1)!;
    expect(last.id).toBe(resultStatementId(good.id));
    expect(last.result?.score).toEqual({ scaled: good.scorecard.overall / 100, raw: good.scorecard.overall, min: 0, max: 100 });
    expect(last.result?.duration).toMatch(/^PT(\d+M)?[\d.]+S$/);
    const competencies = last.result?.extensions?.[ext('competencies')] as Record<string, { score: number | null }>;
    expect(Object.keys(competencies)).toEqual(good.scorecard.competencies.map((c) => c.id));
    expect(competencies.resolution!.score).toBe(good.scorecard.competencies.find((c) => c.id === 'resolution')!.score);
  });
});

describe('rebuilding calls from statements', () => {
  it('gives back each session exactly, with its review log in order, whatever order the statements come in', () => {
    const comment = entry(poor.id, 'c1', { kind: 'comment', turn: 1, text: 'Slow down at the greeting.' });
    const override = entry(poor.id, 'o1', { kind: 'override', target: { competency: 'opening' }, score: 55, reason: 'Partly heard.' });
    const all = [...sessionStatements(good), ...sessionStatements(poor), reviewStatement(override, poor), reviewStatement(comment, poor)].reverse();
    const { sessions, orphanReview } = sessionsFromStatements(all);
    expect(sessions.map((s) => s.session.id).sort()).toEqual([good.id, poor.id].sort());
    expect(sessions.find((s) => s.session.id === good.id)!.session).toEqual(good);
    expect(sessions.find((s) => s.session.id === poor.id)!.review).toEqual([comment, override]);
    expect(orphanReview.size).toBe(0);
  });

  it('points review statements at the call\'s result statement', () => {
    const comment = entry(poor.id, 'c9', { kind: 'comment', turn: null, text: 'Well closed.' });
    const statement = reviewStatement(comment, poor);
    expect(statement.object).toEqual({ objectType: 'StatementRef', id: resultStatementId(poor.id) });
    expect(statement.verb.id).toBe(VERBS.commented.id);
    expect(statement.actor.name).toBe('Sam Supervisor');
  });
});

describe('the published xAPI vocabulary', () => {
  it('lists every verb and extension IRI with its meaning in the README', async () => {
    const { readFileSync } = await import('node:fs');
    const { EXTENSIONS } = await import('../../../src/engine/records/xapi-vocabulary');
    const readme = readFileSync('README.md', 'utf8');
    for (const item of [...Object.values(VERBS), ...Object.values(EXTENSIONS)]) expect(readme).toContain(`\`${item.id}\` | ${item.meaning}`);
  });
});
