/**
 * Records from outside into this browser's store: a bundle file, or the
 * team's calls read from the LRS. Everything is checked first (engine
 * `readBundle` / `checkUntrustedRecords`: shape, version, re-scoring, review
 * rules); a bundle with any problem is rejected whole and nothing is
 * stored. A session already here is kept as it is and only its review log
 * grows.
 */
import { checkUntrustedRecords, readBundle, type RecordsProblem, type SessionRecords } from '../engine/records/bundle';
import { mergeLogs } from '../engine/records/review-log';
import { scoredSessionOf, type ScoredSession } from '../engine/records/scored-session';
import type { SessionOrigin, StoredSession } from '../engine/records/stored-session';
import { reviewFields } from '../engine/records/reviewed-scorecard';
import { sessionsFromStatements } from '../engine/records/statements-to-sessions';
import { registrationFor } from '../engine/records/xapi-statement';
import type { Scenario } from '../engine/scenario/scenario-schema';
import { VERBS } from '../engine/records/xapi-vocabulary';
import { keepReviewEntries, loadReview, noteReview } from './review-store';
import { loadScenario, SCENARIO_SUMMARIES } from './scenarios';
import { loadSession, saveSession } from './session-store';
import { readStatements, type LrsConnection } from './xapi/lrs-client';

export interface ImportOutcome {
  added: number;
  /** Sessions already here whose review gained entries. */
  updated: number;
  problems: RecordsProblem[];
}

/** Every installed scenario, loaded, so re-scoring can look one up by id without waiting. */
export async function installedScenarios(): Promise<(id: string) => Scenario | undefined> {
  const loaded = await Promise.all(SCENARIO_SUMMARIES.map((summary) => loadScenario(summary.id)));
  const byId = new Map(loaded.filter((s): s is Scenario => !!s).map((s) => [s.id, s]));
  return (id) => byId.get(id);
}

export function storedFrom(session: ScoredSession, origin: SessionOrigin): StoredSession {
  return {
    ...session,
    status: 'scored',
    revision: 0,
    origin,
    saved: { seed: session.record.seed, log: [], savedAt: 0, snapshot: null },
    notes: session.record.notes,
  };
}

async function store(records: readonly SessionRecords[], origin: SessionOrigin, onProgress?: (done: number, total: number) => void): Promise<Pick<ImportOutcome, 'added' | 'updated'>> {
  let added = 0;
  let updated = 0;
  for (const [index, { session, review }] of records.entries()) {
    const existing = await loadSession(session.id);
    const before = existing ? await loadReview(session.id) : [];
    const log = mergeLogs(before, review);
    await keepReviewEntries(review);
    if (!existing) {
      const stored = storedFrom(session, origin);
      const outcome = await saveSession(stored.scorecard ? { ...stored, ...reviewFields(stored.scorecard, log) } : stored);
      if (outcome === 'refused') throw new Error(`Session ${session.id} could not be stored`);
      added++;
    } else if (log.length !== before.length) {
      updated++;
      await noteReview(existing.id, log);
    }
    if (onProgress && index % 50 === 0) onProgress(index + 1, records.length);
  }
  onProgress?.(records.length, records.length);
  return { added, updated };
}

/** Checks a bundle file whole, then stores it; on any problem stores nothing and says where. */
export async function importBundle(text: string, onProgress?: (done: number, total: number) => void): Promise<ImportOutcome> {
  const result = readBundle(text, await installedScenarios());
  if (!result.ok) return { added: 0, updated: 0, problems: result.problems };
  return { ...(await store(result.records, 'imported', onProgress)), problems: [] };
}

/**
 * Reads the team's scored calls and reviews from the LRS (paged, only what
 * was stored after `since` when given) and stores the ones that check out.
 * Unlike a bundle, one bad call does not hold back the others: each is
 * checked on its own, and the problems are reported.
 */
export async function loadFromLrs(connection: LrsConnection, since?: string, onProgress?: (read: number) => void): Promise<ImportOutcome & { newest: string | null }> {
  const statements = [];
  let newest: string | null = null;
  for (const verb of [VERBS.passed.id, VERBS.failed.id]) {
    for await (const page of readStatements(connection, { verb, since })) {
      statements.push(...page);
      onProgress?.(statements.length);
    }
  }
  // Review statements point at the call's statement; they are read by their own verbs.
  const reviewVerbs = [VERBS.commented, VERBS.overrode, VERBS.judged, VERBS.corrected, VERBS.undid, VERBS.acknowledged, VERBS.disputed].map((v) => v.id);
  for (const verb of reviewVerbs) {
    for await (const page of readStatements(connection, { verb, since })) {
      statements.push(...page);
      onProgress?.(statements.length);
    }
  }
  for (const statement of statements) {
    const stored = (statement as { stored?: string }).stored;
    if (stored && (!newest || stored > newest)) newest = stored;
  }
  const { sessions, orphanReview } = sessionsFromStatements(statements);
  const find = await installedScenarios();
  const good: SessionRecords[] = [];
  const problems: RecordsProblem[] = [];
  for (const [index, item] of sessions.entries()) {
    const checked = checkUntrustedRecords([item], find, { pathPrefix: `LRS call ${index + 1}` });
    if (checked.ok) good.push(...checked.records);
    else problems.push(...checked.problems);
  }
  // Reviews of calls stored here already (read in an earlier load): keep them too.
  for (const [sessionId, entries] of orphanReview) {
    const here = await loadSession(sessionId);
    if (!here?.scorecard) continue;
    const checked = checkUntrustedRecords([{ session: scoredSessionOf({ ...here, scorecard: here.scorecard }), review: mergeLogs(await loadReview(sessionId), entries) }], find, { pathPrefix: `LRS review of ${sessionId}` });
    if (checked.ok) good.push(...checked.records);
    else problems.push(...checked.problems);
  }
  return { ...(await store(good, 'lrs')), problems, newest };
}

/**
 * The review of one call as the LRS holds it (by its registration), joined
 * with what this browser has: how a trainee sees a supervisor's comments.
 * Entries that break the review rules are left out and reported.
 */
export async function fetchReviewFromLrs(connection: LrsConnection, session: StoredSession & { scorecard: NonNullable<StoredSession['scorecard']> }): Promise<{ added: number; problems: RecordsProblem[] }> {
  const statements = [];
  for await (const page of readStatements(connection, { registration: registrationFor(session.id) })) statements.push(...page);
  const { sessions, orphanReview } = sessionsFromStatements(statements);
  const fromLrs = [...(sessions.find((s) => s.session.id === session.id)?.review ?? []), ...(orphanReview.get(session.id) ?? [])];
  const before = await loadReview(session.id);
  const log = mergeLogs(before, fromLrs);
  if (log.length === before.length) return { added: 0, problems: [] };
  const checked = checkUntrustedRecords([{ session: scoredSessionOf(session), review: log }], await installedScenarios(), { pathPrefix: 'LRS review' });
  if (!checked.ok) return { added: 0, problems: checked.problems };
  await keepReviewEntries(fromLrs);
  await noteReview(session.id, log);
  return { added: log.length - before.length, problems: [] };
}
