/** A cmi5 launch: its parameters and LaunchData checked, and a call's statements in the order and form the spec asks for. */
import { assignedScenarioId, CMI5, mutedByPreferences, parseAuthTokenResponse, parseLaunchData, parseLaunchParameters, type LaunchData } from '../../../src/engine/records/cmi5-launch';
import { callStatements, initializedStatement, terminatedStatement, type Cmi5Session } from '../../../src/engine/records/cmi5-statements';
import type { Statement } from '../../../src/engine/records/xapi-statement';
import { VERBS } from '../../../src/engine/records/xapi-vocabulary';
import { cmi5Violations, type Cmi5Expectations } from '../../helpers/cmi5-rules';
import { startLrs, XAPI_HEADERS } from '../../helpers/lrs';
import { POOR_ROUTE, scoredSession } from '../../helpers/records';

const ACTOR = { objectType: 'Agent', name: 'Lee Learner', account: { homePage: 'https://lms.example.org', name: 'lee-7' } };
const REGISTRATION = '760e3480-ba55-4991-94b0-01820dbd23a2';
const ACTIVITY = 'https://lms.example.org/au/call-trainer/billing';
const PUBLISHER = 'https://call-trainer.example/au/billing-dispute';
const SESSION = 'lms-session-42';

function search(values: Record<string, string> = {}): string {
  return `?${new URLSearchParams({ endpoint: 'https://lrs.example.org/xapi/', fetch: 'https://lms.example.org/token?k=1', actor: JSON.stringify(ACTOR), registration: REGISTRATION, activityId: ACTIVITY, ...values })}`;
}

function launchData(extra: Record<string, unknown> = {}): LaunchData {
  const parsed = parseLaunchData({
    contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: PUBLISHER }] }, extensions: { [CMI5.sessionId]: SESSION } },
    launchMode: 'Normal',
    moveOn: 'CompletedAndPassed',
    returnURL: 'https://lms.example.org/course/1',
    ...extra,
  });
  if (!('data' in parsed)) throw new Error(parsed.problems.join('; '));
  return parsed.data;
}

function cmi5(extra: Record<string, unknown> = {}): Cmi5Session {
  const parsed = parseLaunchParameters(search());
  if (parsed.kind !== 'launch') throw new Error('no launch');
  return { launch: parsed.launch, launchData: launchData(extra) };
}

const expectations = (extra: Partial<Cmi5Expectations> = {}): Cmi5Expectations => ({ activityId: ACTIVITY, registration: REGISTRATION, sessionId: SESSION, launchMode: 'Normal', masteryScore: null, templateGrouping: [PUBLISHER], ...extra });
const INITIALIZED_AT = '2026-12-01T08:59:00.000Z';
const NONE_BEFORE = { completed: false, passed: false };

/** A whole launch: initialized, the call, terminated a minute after the call's last statement. */
function wholeLaunch(session: Cmi5Session, call = scoredSession('3b9d6f10-5555-4c2a-8e5f-0000000000c0'), prior = NONE_BEFORE): Statement[] {
  const report = callStatements(session, call, INITIALIZED_AT, prior);
  if (report.kind !== 'report') throw new Error(report.reason);
  const last = report.statements.at(-1)?.timestamp ?? INITIALIZED_AT;
  return [initializedStatement(session, INITIALIZED_AT), ...report.statements, terminatedStatement(session, INITIALIZED_AT, '2026-12-01T09:00:00.000Z', last)];
}

const verbs = (statements: Statement[]) => statements.map((s) => s.verb.id.split('/').pop());

describe('cmi5 launch parameters', () => {
  it('are absent from an ordinary page address', () => {
    expect(parseLaunchParameters('')).toEqual({ kind: 'none' });
    expect(parseLaunchParameters('?lang=en')).toEqual({ kind: 'none' });
  });

  it('are read in any order, URL-encoded, the actor reduced to what statements need', () => {
    const reversed = `?${search().slice(1).split('&').reverse().join('&')}`;
    const parsed = parseLaunchParameters(reversed);
    expect(parsed).toEqual({ kind: 'launch', launch: { endpoint: 'https://lrs.example.org/xapi/', fetchUrl: 'https://lms.example.org/token?k=1', actor: ACTOR, registration: REGISTRATION, activityId: ACTIVITY } });
  });

  it('name each parameter that is missing or wrong', () => {
    const parsed = parseLaunchParameters(search({ fetch: '', registration: 'reg-1', actor: '{"name":"x"', activityId: 'not an iri' }));
    expect(parsed.kind).toBe('invalid');
    const problems = parsed.kind === 'invalid' ? parsed.problems.join('\n') : '';
    expect(problems).toMatch(/"fetch" is missing/);
    expect(problems).toMatch(/registration "reg-1" is not a UUID/);
    expect(problems).toMatch(/actor is not JSON/);
    expect(problems).toMatch(/activityId "not an iri" is not an IRI/);
    const noAccount = parseLaunchParameters(search({ actor: JSON.stringify({ objectType: 'Agent', mbox: 'mailto:lee@example.org' }) }));
    expect(noAccount).toEqual({ kind: 'invalid', problems: ['actor.account is missing: cmi5 identifies the learner by an account'] });
    expect(parseLaunchParameters(search({ endpoint: 'javascript:alert(1)' }))).toEqual({ kind: 'invalid', problems: ['endpoint "javascript:alert(1)" is not an http or https address'] });
  });
});

describe('the fetch URL\'s answer', () => {
  it('gives the token the first time and says why not after', () => {
    expect(parseAuthTokenResponse(200, { 'auth-token': 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==' })).toEqual({ token: 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==' });
    expect(parseAuthTokenResponse(200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' })).toEqual({
      problem: 'The LMS refused the launch key (error 1, the launch key was already handed out or has expired: The authorization token has already been returned.)',
    });
    expect(parseAuthTokenResponse(500, 'oops')).toEqual({ problem: 'The LMS\'s fetch URL answered 500' });
    expect(parseAuthTokenResponse(200, {})).toEqual({ problem: 'The LMS\'s fetch URL answered without an "auth-token"' });
  });
});

describe('LMS.LaunchData', () => {
  it('is read with its defaults', () => {
    const data = launchData({ moveOn: undefined, returnURL: undefined, masteryScore: 0.8 });
    expect(data).toMatchObject({ sessionId: SESSION, launchMode: 'Normal', moveOn: 'NotApplicable', masteryScore: 0.8, returnUrl: null });
  });

  it('names each field that is missing or wrong, and takes no return address that is not a web address', () => {
    const parsed = parseLaunchData({ contextTemplate: { extensions: {} }, launchMode: 'Normal mode', moveOn: 'Passed', masteryScore: 80, returnURL: 'javascript:alert(1)' });
    expect('problems' in parsed && parsed.problems).toEqual([
      `LMS.LaunchData.contextTemplate.extensions["${CMI5.sessionId}"] (the session id) is missing`,
      'LMS.LaunchData.launchMode is "Normal mode", not "Normal", "Browse" or "Review"',
      'LMS.LaunchData.masteryScore is 80, not a number from 0 to 1',
      'LMS.LaunchData.returnURL is not an http or https address',
    ]);
  });

  it('launchParameters may assign a scenario, as JSON or the id alone', () => {
    expect(assignedScenarioId(null)).toEqual({ id: null });
    expect(assignedScenarioId('{"scenario": "billing-dispute"}')).toEqual({ id: 'billing-dispute' });
    expect(assignedScenarioId(' irate-outage ')).toEqual({ id: 'irate-outage' });
    expect(assignedScenarioId('{"level": 2}')).toEqual({ id: null });
    expect(assignedScenarioId('{"scenario": 7}')).toEqual({ problem: 'LMS.LaunchData.launchParameters "{\\"scenario\\": 7}" names no scenario: give {"scenario": "<scenario id>"} or the id alone' });
    expect(assignedScenarioId('Billing Dispute!')).toHaveProperty('problem');
  });

  it('learner preferences mute or unmute the call, or leave the trainee\'s setting', () => {
    expect(mutedByPreferences({ languagePreference: 'en-US', audioPreference: 'off' })).toBe(true);
    expect(mutedByPreferences({ audioPreference: 'on' })).toBe(false);
    expect(mutedByPreferences(null)).toBeNull();
  });
});

describe('a call under a cmi5 launch', () => {
  it('goes initialized first, the call, one completed and one passed about the AU, terminated last, by the cmi5 rules', () => {
    const statements = wholeLaunch(cmi5());
    expect(cmi5Violations(statements, expectations())).toEqual([]);
    const names = verbs(statements);
    expect(names[0]).toBe('initialized');
    expect(names.slice(-3)).toEqual(['completed', 'passed', 'terminated']);
    expect(names.filter((n) => n === 'completed' || n === 'passed' || n === 'failed')).toHaveLength(2);
    // The call's own statements keep the app's extensions beside the template's, and the scenario as parent.
    const answered = statements.find((s) => s.verb.id === VERBS.answered.id)!;
    expect(answered.context?.extensions).toMatchObject({ [CMI5.sessionId]: SESSION, 'https://call-trainer.invalid/xapi/extensions/session-id': '3b9d6f10-5555-4c2a-8e5f-0000000000c0' });
    expect(answered.context?.contextActivities?.parent?.[0]?.id).toMatch(/scenarios\/billing-dispute$/);
    expect(answered.context?.contextActivities?.category).toBeUndefined();
    // The passed statement still carries the whole session for a review elsewhere.
    expect(statements.at(-2)!.result?.extensions?.['https://call-trainer.invalid/xapi/extensions/scored-session']).toMatchObject({ id: '3b9d6f10-5555-4c2a-8e5f-0000000000c0' });
  });

  it('is held to rules the checker does enforce: a broken launch is caught', () => {
    const statements = wholeLaunch(cmi5());
    const terminated = statements.at(-1)!;
    const completed = statements.at(-3)!;
    const early = { ...terminated, timestamp: '2026-12-01T08:00:00.000Z' };
    const bare = { ...completed, context: { ...completed.context, extensions: {} } };
    const broken = [...statements.slice(0, -1), early, { ...completed, id: 'b0b0b0b0-0000-4000-8000-000000000000' }, bare];
    expect(cmi5Violations(broken, expectations())).toEqual(expect.arrayContaining([
      expect.stringMatching(/^the first statement by timestamp is terminated/),
      expect.stringMatching(/^the last statement by timestamp is passed/),
      expect.stringMatching(/verbs\/completed sent more than once/),
      expect.stringMatching(/no session id extension/),
    ]));
  });

  it('never overwrites what the context template holds', () => {
    const session = cmi5({ contextTemplate: { extensions: { [CMI5.sessionId]: SESSION, 'https://call-trainer.invalid/xapi/extensions/reply-mode': 'set by the LMS' }, contextActivities: { grouping: { objectType: 'Activity', id: PUBLISHER } }, instructor: { account: { homePage: 'https://lms.example.org', name: 'coach' } } } });
    for (const statement of wholeLaunch(session)) {
      expect(statement.context?.extensions?.['https://call-trainer.invalid/xapi/extensions/reply-mode']).toBe('set by the LMS');
      expect((statement.context as Record<string, unknown>).instructor).toEqual({ account: { homePage: 'https://lms.example.org', name: 'coach' } });
      expect(statement.context?.contextActivities?.grouping).toEqual([{ objectType: 'Activity', id: PUBLISHER }]);
    }
  });

  it('judges by the LMS\'s mastery score when it gives one, and says so in the statement', () => {
    // The poor call scores 54: below a mastery score of 0.6, above one of 0.5 (where the scenario's level alone would fail it).
    const poor = (id: string) => scoredSession(`3b9d6f10-5555-4c2a-8e5f-00000000000${id}`, POOR_ROUTE);
    const strict = wholeLaunch(cmi5({ masteryScore: 0.6 }), poor('1'));
    expect(verbs(strict).slice(-2)).toEqual(['failed', 'terminated']);
    expect(cmi5Violations(strict, expectations({ masteryScore: 0.6 }))).toEqual([]);
    const lenient = wholeLaunch(cmi5({ masteryScore: 0.5 }), poor('2'));
    expect(verbs(lenient).slice(-2)).toEqual(['passed', 'terminated']);
    expect(cmi5Violations(lenient, expectations({ masteryScore: 0.5 }))).toEqual([]);
    // Without one, the scenario's pass level decides: the poor call fails.
    expect(verbs(wholeLaunch(cmi5(), poor('3'))).slice(-2)).toEqual(['failed', 'terminated']);
  });

  it('in Browse and Review mode records the call but no completed, passed or failed', () => {
    for (const launchMode of ['Browse', 'Review'] as const) {
      const statements = wholeLaunch(cmi5({ launchMode }));
      expect(cmi5Violations(statements, expectations({ launchMode }))).toEqual([]);
      expect(verbs(statements).filter((n) => n === 'completed' || n === 'passed' || n === 'failed')).toEqual([]);
      const report = callStatements(cmi5({ launchMode }), scoredSession('3b9d6f10-5555-4c2a-8e5f-0000000000c0'), INITIALIZED_AT, NONE_BEFORE);
      expect(report).toMatchObject({ completed: false, verdict: null, note: `Your LMS opened this in ${launchMode} mode: it records that you took the call, not a score.` });
    }
  });

  it('sends no second completed or passed in a registration, and no failed after a passed', () => {
    expect(verbs(wholeLaunch(cmi5(), undefined, { completed: true, passed: false })).slice(-2)).toEqual(['passed', 'terminated']);
    const afterPass = wholeLaunch(cmi5(), scoredSession('3b9d6f10-5555-4c2a-8e5f-0000000000c3', POOR_ROUTE), { completed: true, passed: true });
    expect(verbs(afterPass).filter((n) => n === 'completed' || n === 'passed' || n === 'failed')).toEqual([]);
  });

  it('does not report a call begun before the launch', () => {
    const report = callStatements(cmi5(), scoredSession('3b9d6f10-5555-4c2a-8e5f-0000000000c0'), '2026-12-01T09:30:00.000Z', NONE_BEFORE);
    expect(report.kind).toBe('refused');
  });

  it('does not report a call of another scenario than the one the LMS assigned', () => {
    const call = scoredSession('3b9d6f10-5555-4c2a-8e5f-0000000000c0');
    expect(callStatements(cmi5({ launchParameters: '{"scenario": "irate-outage"}' }), call, INITIALIZED_AT, NONE_BEFORE)).toEqual({ kind: 'refused', reason: `Your LMS assigned another scenario to this launch, so this call of “${call.scenarioTitle}” is not reported.` });
    expect(callStatements(cmi5({ launchParameters: '{"scenario": "billing-dispute"}' }), call, INITIALIZED_AT, NONE_BEFORE).kind).toBe('report');
  });

  it('gives initialized and terminated the same ids for the same LMS session, so a repeat is stored once', () => {
    expect(initializedStatement(cmi5(), INITIALIZED_AT).id).toBe(initializedStatement(cmi5(), '2026-12-01T10:00:00.000Z').id);
    const other = cmi5({ contextTemplate: { extensions: { [CMI5.sessionId]: 'another-session' } } });
    expect(initializedStatement(other, INITIALIZED_AT).id).not.toBe(initializedStatement(cmi5(), INITIALIZED_AT).id);
  });

  it('is accepted by a real LRS with no warnings', async () => {
    const lrs = await startLrs();
    try {
      const statements = [...wholeLaunch(cmi5()), ...wholeLaunch(cmi5({ launchMode: 'Browse', masteryScore: 0.5, contextTemplate: { extensions: { [CMI5.sessionId]: 'browse-session' } } }), scoredSession('3b9d6f10-5555-4c2a-8e5f-0000000000c4', POOR_ROUTE))];
      const response = await fetch(`${lrs.endpoint}statements`, { method: 'POST', headers: { ...XAPI_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify(statements) });
      expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: statements.map((s) => s.id) });
    } finally {
      await lrs.stop();
    }
  }, 60_000);
});
