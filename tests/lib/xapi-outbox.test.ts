/**
 * The outbox against a real LRS: statements queued while the LRS is down wait
 * in IndexedDB, and arrive exactly once when it is back.
 */
import { sessionStatements } from '../../src/engine/records/session-statements';
import { readStatements } from '../../src/lib/xapi/lrs-client';
import { backoff, enqueueStatements, flushOutbox, outboxSummary, resetOutboxForTests, retryAll, useOutbox } from '../../src/lib/xapi/outbox';
import { freePort, startLrs, type TestLrs } from '../helpers/lrs';
import { POOR_ROUTE, scoredSession } from '../helpers/records';

let lrs: TestLrs | undefined;
afterEach(async () => {
  await lrs?.stop();
  lrs = undefined;
});
beforeEach(() => resetOutboxForTests());

const connection = (port: number) => ({ endpoint: `http://127.0.0.1:${port}/xAPI`, key: 'trainee-key', secret: 'write-only' });

async function countOnLrs(port: number, registration: string) {
  let count = 0;
  for await (const page of readStatements(connection(port), { registration })) count += page.length;
  return count;
}

describe('the xAPI outbox', () => {
  it('keeps statements while the LRS is down, says how many wait, and delivers each exactly once when it is back', async () => {
    const port = await freePort();
    const session = scoredSession('9a4e2c7b-4444-4d1f-b7a3-0000000000d1', POOR_ROUTE);
    const statements = sessionStatements(session);
    let clock = 1_000_000;
    const now = () => clock;

    await enqueueStatements(statements, clock);
    await enqueueStatements(statements, clock); // a second enqueue of the same call adds nothing
    expect(outboxSummary(useOutbox.getState())).toBe(`${statements.length} records waiting to send`);

    expect(await flushOutbox(connection(port), { now })).toBe(0);
    expect(useOutbox.getState()).toMatchObject({ waiting: statements.length, problem: expect.stringMatching(/could not be reached/) });
    // Not due again until the back-off has passed.
    expect(await flushOutbox(connection(port), { now })).toBe(0);

    lrs = await startLrs(port);
    clock += backoff(1);
    expect(await flushOutbox(connection(port), { now })).toBe(statements.length);
    expect(useOutbox.getState()).toMatchObject({ waiting: 0, problem: null });
    expect(outboxSummary(useOutbox.getState())).toBe('All records sent');

    // The same call queued and sent again is not stored twice.
    await enqueueStatements(statements, clock);
    await flushOutbox(connection(port), { now });
    expect(await countOnLrs(port, session.id)).toBe(statements.length);
  }, 60_000);

  it('holds back a statement the LRS refuses as malformed, sends the rest, and never drops it', async () => {
    lrs = await startLrs();
    const session = scoredSession('9a4e2c7b-4444-4d1f-b7a3-0000000000d2', POOR_ROUTE);
    const statements = sessionStatements(session);
    const broken = { ...statements[0]!, actor: { mbox: 'nobody' } };
    await enqueueStatements([broken, ...statements.slice(1)]);
    expect(await flushOutbox(connection(lrs.port))).toBe(0);
    expect(useOutbox.getState()).toMatchObject({ waiting: 0, rejected: 1 });
    expect(outboxSummary(useOutbox.getState())).toBe('1 refused by the LRS');
    expect(await countOnLrs(lrs.port, session.id)).toBe(statements.length - 1);
    await retryAll();
    expect(useOutbox.getState()).toMatchObject({ waiting: 1, rejected: 0 });
  }, 60_000);
});
