/**
 * Reading a team's records back from a real LRS, page by page through its
 * `more` links, as the review's "Load the team's calls" does.
 */
import { sessionStatements } from '../../src/engine/records/session-statements';
import { VERBS } from '../../src/engine/records/xapi-vocabulary';
import { readStatements, sendStatements, type LrsConnection } from '../../src/lib/xapi/lrs-client';
import { allStatements, clearOfIdWrap, msToIdWrap, startLrs, type TestLrs } from '../helpers/lrs';
import { scoredSession } from '../helpers/records';

let lrs: TestLrs;
let connection: LrsConnection;
beforeAll(async () => {
  lrs = await startLrs();
  connection = { endpoint: lrs.endpoint, key: 'reader', secret: 'secret' };
}, 60_000);
afterAll(() => lrs?.stop());

describe('reading statements back from a real LRS', () => {
  it('follows the more links over several pages and returns every statement exactly once', { timeout: 60_000 }, async () => {
    // The test LRS's cursor breaks across a wrap of its ids (tests/helpers/lrs.ts): start well clear of one.
    await clearOfIdWrap(30_000);
    const sessions = Array.from({ length: 12 }, (_, i) => scoredSession(`7c1e5a20-4444-4c2a-8e5f-${String(i).padStart(12, '0')}`));
    const statements = sessions.flatMap((session) => sessionStatements(session));
    expect(statements.length).toBeGreaterThan(150);
    // Several requests, as the outbox sends them, so the LRS stores them at different times.
    for (let from = 0; from < statements.length; from += 40) await sendStatements(connection, statements.slice(from, from + 40));

    const pages: number[] = [];
    const read: string[] = [];
    for await (const page of readStatements(connection, { limit: 50 })) {
      pages.push(page.length);
      read.push(...page.map((statement) => statement.id));
    }
    expect(pages.length).toBe(Math.ceil(statements.length / 50));
    expect(read).toHaveLength(statements.length);
    expect(new Set(read)).toEqual(new Set(statements.map((statement) => statement.id)));
    expect((await allStatements(lrs)).length).toBe(statements.length);

    // A filter carries over to the next pages: only the calls' passed statements, still all of them.
    const passed: string[] = [];
    for await (const page of readStatements(connection, { verb: VERBS.passed.id, limit: 5 })) passed.push(...page.map((statement) => statement.id));
    expect(passed.sort()).toEqual(statements.filter((statement) => statement.verb.id === VERBS.passed.id).map((statement) => statement.id).sort());
    expect(passed.length).toBeGreaterThan(5);
  });

  it('knows when the test LRS\'s ids wrap: every 429.5 s', () => {
    const left = msToIdWrap();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(429_497);
    expect(msToIdWrap(Date.now() + left + 1)).toBeGreaterThan(429_000);
  });
});
