/** The statements this app writes, sent to a real LRS that validates each field. */
import { reviewStatement } from '../../../src/engine/records/review-statements';
import { sessionStatements } from '../../../src/engine/records/session-statements';
import { sessionsFromStatements } from '../../../src/engine/records/statements-to-sessions';
import type { Statement } from '../../../src/engine/records/xapi-statement';
import { allStatements, startLrs, XAPI_HEADERS, type TestLrs } from '../../helpers/lrs';
import { entry, POOR_ROUTE, scoredSession, TRAINEE } from '../../helpers/records';

let lrs: TestLrs;
beforeAll(async () => {
  lrs = await startLrs();
}, 60_000);
afterAll(() => lrs?.stop());

async function post(statements: Statement[]) {
  const response = await fetch(`${lrs.endpoint}statements`, { method: 'POST', headers: { ...XAPI_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify(statements) });
  return { status: response.status, body: (await response.json()) as unknown };
}

const typed = (() => {
  const session = scoredSession('3b9d6f10-3333-4c2a-8e5f-0000000000c1', POOR_ROUTE);
  // An open-reply call: the trainee's own words, heard with evidence.
  const transcript = session.record.transcript.map((e) => (e.kind === 'trainee' ? { ...e, replyId: undefined, text: `${e.text} (typed)`, evidence: e.acts.map((act) => ({ act, confidence: 0.9, words: ['typed'] })) } : e));
  return { ...session, replyMode: 'open' as const, record: { ...session.record, transcript } };
})();

describe('a real LRS', () => {
  it('accepts a prepared and a typed call\'s statements with no warnings, and stores each once', async () => {
    const prepared = scoredSession('3b9d6f10-3333-4c2a-8e5f-0000000000c0');
    const statements = [...sessionStatements(prepared), ...sessionStatements(typed)];
    const first = await post(statements);
    expect(first).toEqual({ status: 200, body: statements.map((s) => s.id) });
    // A retry of the same batch is a no-op, not a duplicate: the ids are the same.
    const again = await post(statements);
    expect(again.status).toBe(200);
    const stored = await allStatements(lrs);
    expect(stored.filter((s) => statements.some((mine) => mine.id === s.id))).toHaveLength(statements.length);
  });

  it('accepts every kind of review entry, and the calls come back from it with their review', async () => {
    const session = scoredSession('3b9d6f10-3333-4c2a-8e5f-0000000000c2', POOR_ROUTE);
    const opening = session.scorecard.competencies[0]!;
    const review = [
      entry(session.id, 'r1', { kind: 'comment', turn: 1, text: '<img src=x onerror=alert(1)> stays text' }),
      entry(session.id, 'r2', { kind: 'override', target: { competency: opening.id, behaviour: opening.behaviours[0]!.id }, score: 0, reason: 'Not heard at all.' }),
      entry(session.id, 'r3', { kind: 'verdict', verdict: 'retry', retryScenarioId: 'billing-dispute', text: 'Once more.' }),
      entry(session.id, 'r4', { kind: 'correction', turn: 1, acts: ['greeting', 'empathy'] }),
      entry(session.id, 'r5', { kind: 'undo', undoes: 'r2', reason: 'Wrong call.' }),
      entry(session.id, 'r6', { kind: 'acknowledge', of: 'r1', author: TRAINEE }),
      entry(session.id, 'r7', { kind: 'dispute', of: 'r3', text: 'I did verify.', author: TRAINEE }),
    ];
    const statements = [...sessionStatements(session), ...review.map((e) => reviewStatement(e, session))];
    expect(await post(statements)).toEqual({ status: 200, body: statements.map((s) => s.id) });
    const back = await (await fetch(`${lrs.endpoint}statements?limit=1000&registration=${session.id}`, { headers: XAPI_HEADERS })).json();
    const { sessions } = sessionsFromStatements((back as { statements: Statement[] }).statements);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.session).toEqual(session);
    expect(sessions[0]!.review).toEqual(review);
  });

  it('answers a malformed statement with a warning naming the field (so the test above would catch one)', async () => {
    const [statement] = sessionStatements(typed);
    const bad = { ...statement!, actor: { mbox: 'not-an-address' } };
    const result = await post([bad]);
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toMatch(/statements\.0\.actor\.mbox/);
  });
});
