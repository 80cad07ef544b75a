/**
 * npm run bench:records: speed figures for team records with 10,000 sessions,
 * in this Node process and against a real LRS (xapi-statements in memory on
 * a free port, started and stopped here): the review table's filter and sort
 * over 10,000 summaries, checking a 10,000-session bundle (parse, schema,
 * re-scoring every session), and sending 10,000 queued statements through
 * the outbox (IndexedDB from fake-indexeddb), and searching the transcripts'
 * words of 10,000 stored sessions (the same fake-indexeddb, so a bound on
 * what a browser's IndexedDB does, not its figure). It reports; it asserts nothing.
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { makeBundle, readBundle, type SessionRecords } from '../engine/records/bundle';
import { reviewRows } from '../engine/records/review-query';
import { sessionStatements } from '../engine/records/session-statements';
import { summarise as summariseSession } from '../engine/records/summary';
import type { Statement } from '../engine/records/xapi-statement';
import { transcriptWords } from '../engine/records/transcript-words';
import { openDatabase } from '../lib/storage/database';
import { sessionsSaying } from '../lib/storage/transcript-search';
import { enqueueStatements, flushOutbox, useOutbox } from '../lib/xapi/outbox';
import { findScenario, POOR_ROUTE, scoredSession } from '../../tests/helpers/records';
import { allStatements, startLrs } from '../../tests/helpers/lrs';
import { describeTimes, heading, line, measure, measureAsync, ms, summarise, verdict } from './bench/stats';

const COUNT = 10_000;
/** BENCH_STATEMENTS=1000 sends fewer statements, for a quick figure on a busy machine. */
const SEND_COUNT = Number(process.env.BENCH_STATEMENTS ?? COUNT);
/** `npm run bench:records -- table bundle send` runs only the parts named. */
const asked = new Set(process.argv.slice(2));
const runs = (part: 'table' | 'search' | 'bundle' | 'send') => asked.size === 0 || asked.has(part);
const TRAINEES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jo'];

console.log(`machine: load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
const templates = [scoredSession('template-good'), scoredSession('template-poor', POOR_ROUTE)];
const records: SessionRecords[] = Array.from({ length: COUNT }, (_, i) => {
  const template = templates[i % 2]!;
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const startedAt = new Date(Date.parse('2026-01-01T09:00:00Z') + i * 3_600_000).toISOString();
  return { session: { ...template, id, traineeName: TRAINEES[i % TRAINEES.length]!, startedAt, updatedAt: startedAt, record: { ...template.record, seed: id } }, review: [] };
});

if (runs('table')) {
heading(`Review table over ${COUNT.toLocaleString('en-US')} session summaries (pure part, Node)`);
const summaries = records.map(({ session }) => summariseSession({ ...session, status: 'scored', revision: 1, saved: { seed: session.id, log: [], savedAt: 0, snapshot: null }, notes: session.record.notes }));
const filterTimes = summarise(measure(() => reviewRows(summaries, { filter: { traineeName: 'Ben', below: { competency: 'opening', level: 'Satisfactory' } }, sort: { key: 'competency:resolution', direction: 'asc' } })));
line('filter "Ben, below Satisfactory in opening", sort by a competency', `${describeTimes(filterTimes)}   ${verdict(filterTimes.median, 200, '≤ 200 ms (whole filter in the browser)')}`);
}

if (runs('search')) {
heading(`Searching the transcripts of ${COUNT.toLocaleString('en-US')} stored sessions (words index in IndexedDB, fake-indexeddb in Node)`);
const db = (await openDatabase())!;
const seedStart = performance.now();
const tx = db.transaction('transcriptWords', 'readwrite');
for (const { session } of records) void tx.store.put({ id: session.id, words: transcriptWords(session.record) });
await tx.done;
line('index 10,000 sessions\' words', `${ms(performance.now() - seedStart)}; one run`);
const goodWords = new Set(transcriptWords(templates[0]!.record));
const poorOnly = transcriptWords(templates[1]!.record).find((word) => word.length > 5 && !goodWords.has(word)) ?? 'transfer';
for (const query of [poorOnly, poorOnly.slice(0, 3), 'bill credit', 'zzyzx']) {
  let found = 0;
  const times = summarise(await measureAsync(async () => void (found = (await sessionsSaying(query))?.size ?? 0)));
  line(`search "${query}"`, `${describeTimes(times)}   ${found.toLocaleString('en-US')} sessions match`);
}
}

if (runs('bundle')) {
heading(`Checking a ${COUNT.toLocaleString('en-US')}-session bundle (parse, schema, re-score each session)`);
const text = JSON.stringify(makeBundle(records, new Date().toISOString()));
const started = performance.now();
const checked = readBundle(text, findScenario);
const took = performance.now() - started;
line('bundle size', `${(text.length / 1e6).toFixed(1)} MB`);
line('check', `${ms(took)} (${checked.ok ? `${checked.records.length} sessions accepted` : `rejected: ${checked.problems[0]?.message}`}); one run`);
}

if (runs('send')) {
heading(`Sending ${SEND_COUNT.toLocaleString('en-US')} queued statements to a local LRS through the outbox`);
const lrs = await startLrs();
try {
  const statements: Statement[] = [];
  for (const { session } of records) {
    if (statements.length >= SEND_COUNT) break;
    statements.push(...sessionStatements(session).slice(0, SEND_COUNT - statements.length));
  }
  const queueStart = performance.now();
  await enqueueStatements(statements);
  const queued = performance.now() - queueStart;
  const sendStart = performance.now();
  let sent = 0;
  let rounds = 0;
  const problems: string[] = [];
  // A failed batch waits out its back-off; the bench skips the wait (a clock ten minutes ahead) and counts the retries instead.
  while (useOutbox.getState().waiting > 0 && rounds < 50) {
    rounds++;
    sent += await flushOutbox({ endpoint: lrs.endpoint, key: 'bench', secret: 'bench' }, { now: () => Date.now() + (rounds > 1 ? 600_000 : 0) });
    const { problem } = useOutbox.getState();
    if (problem) problems.push(problem);
  }
  const sending = performance.now() - sendStart;
  line('enqueue (IndexedDB, fake-indexeddb)', `${ms(queued)} for ${statements.length.toLocaleString('en-US')} statements`);
  line('send (batches of 100)', `${ms(sending)} for ${sent.toLocaleString('en-US')} statements accepted by the LRS, ${rounds} flush(es); one run`);
  if (problems.length) line('failed sends, retried', `${problems.length}: ${[...new Set(problems)].slice(0, 3).join(' | ')}`);
  const stored = await allStatements(lrs);
  // Read in one page: this test LRS's paging loses statements across a wrap of its ids (tests/helpers/lrs.ts).
  line('statements the LRS holds afterwards', `${stored.length.toLocaleString('en-US')} (${new Set(stored.map((s) => s.id)).size.toLocaleString('en-US')} distinct ids; read in one page)`);
} finally {
  await lrs.stop();
}
}
