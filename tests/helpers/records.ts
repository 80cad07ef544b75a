/**
 * Scored sessions for the records tests, played through the billing-dispute
 * scenario as a trainee would, and bundles spoilt in the ways a hand-edited
 * or truncated file is.
 */
import { makeBundle, type SessionRecords } from '../../src/engine/records/bundle';
import type { ReviewAuthor, ReviewChange, ReviewEntry } from '../../src/engine/records/review-log';
import type { ScoredSession } from '../../src/engine/records/scored-session';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import { idealNotes } from '../../src/engine/scenario/scenario-report';
import { loadScenarioFile, playAndScore, type Step } from './play';

export const billing = loadScenarioFile('scenarios/billing-dispute.json');
export const irate = loadScenarioFile('scenarios/irate-outage.json');
export const findScenario = (id: string): Scenario | undefined => [billing, irate].find((s) => s.id === id);

/** Every behaviour shown; a look-up on the way. */
export const GOOD_ROUTE: Step[] = ['ANSWER', 'greet-good', 'vent-empathy-verify', 'LOOKUP bills', 'LOOKUP history', 'dir-lookup', 'find-overlap', 'usage-ask', 'weather-ask-when', 'weather-plain', 'credit-correct', 'prevent-cause', 'close-good'];
/** Rushed, then handed off: a poor call. */
export const POOR_ROUTE: Step[] = ['ANSWER', 'greet-rushed', 'vent-calm', 'demand-transfer'];

export function scoredSession(id: string, route: Step[] = GOOD_ROUTE, traineeName = 'Ana Trainee'): ScoredSession {
  const { record: played, scorecard } = playAndScore(billing, route);
  // playAndScore scores with a careful trainee's notes; the record keeps them, as a real call's does.
  const record = { ...played, notes: idealNotes(billing, played) };
  return {
    id,
    traineeName,
    scenarioId: billing.id,
    scenarioVersion: billing.version,
    scenarioTitle: billing.title,
    startedAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:10:00.000Z',
    replyMode: 'prepared',
    record,
    scorecard,
  };
}

export const SUPERVISOR = { name: 'Sam Supervisor', role: 'supervisor' } as const;
export const TRAINEE = { name: 'Ana Trainee', role: 'trainee' } as const;

let clock = Date.parse('2026-12-02T10:00:00.000Z');
/** Review entries a minute apart, so their order is their time. */
export function entry(sessionId: string, id: string, change: ReviewChange & { author?: ReviewAuthor }): ReviewEntry {
  clock += 60_000;
  return { author: SUPERVISOR, ...change, id, sessionId, at: new Date(clock).toISOString() } as ReviewEntry;
}

/** A small valid bundle: a good and a poor call, the poor one reviewed. */
export function validBundle() {
  const good = scoredSession('5d1a8c0e-1111-4a6b-9c1d-000000000001');
  const poor = scoredSession('5d1a8c0e-1111-4a6b-9c1d-000000000002', POOR_ROUTE);
  const comment = entry(poor.id, 'c1', { kind: 'comment', turn: 1, text: 'Greet before anything else.' });
  const override = entry(poor.id, 'o1', { kind: 'override', target: { competency: 'opening' }, score: 60, reason: 'The line was noisy; the greeting was there.' });
  const verdict = entry(poor.id, 'v1', { kind: 'verdict', verdict: 'retry', retryScenarioId: billing.id });
  const records: SessionRecords[] = [
    { session: good, review: [] },
    { session: poor, review: [comment, override, verdict] },
  ];
  return makeBundle(records, '2026-12-03T12:00:00.000Z');
}

type Spoil = { name: string; spoil: (bundle: any) => unknown; path: RegExp | string; session: string | null };

/** Ways a bundle goes wrong, each with where the import must say the problem is. */
export const SPOILT_BUNDLES: Spoil[] = [
  { name: 'a tampered overall score', spoil: (b) => { b.sessions[1].session.scorecard.overall = 95; }, path: 'sessions[1].session.scorecard.overall', session: '…0002' },
  { name: 'a tampered competency score', spoil: (b) => { b.sessions[0].session.scorecard.competencies[2].score -= 10; }, path: 'sessions[0].session.scorecard.competencies[2].score', session: '…0001' },
  { name: 'a tampered behaviour', spoil: (b) => { b.sessions[1].session.scorecard.competencies[0].behaviours[0].earned += 1; }, path: /^sessions\[1\]\.session\.scorecard\.(competencies\[0\]\.behaviours\[0\]\.earned|overall|competencies\[0\]\.score)$/, session: '…0002' },
  { name: 'a transcript edited after scoring', spoil: (b) => { const t = b.sessions[1].session.record.transcript; t.splice(t.findIndex((e: any) => e.kind === 'trainee'), 1); }, path: /^sessions\[1\]\.session\.scorecard\./, session: '…0002' },
  { name: 'a harmful act added to a turn', spoil: (b) => { b.sessions[0].session.record.transcript.find((e: any) => e.kind === 'trainee').acts.push('blame'); }, path: /^sessions\[0\]\.session\.scorecard\./, session: '…0001' },
  { name: 'an unknown version', spoil: (b) => { b.version = 2; }, path: 'version', session: null },
  { name: 'another format', spoil: (b) => { b.format = 'something-else'; }, path: 'format', session: null },
  { name: 'a session with no id', spoil: (b) => { delete b.sessions[0].session.id; }, path: 'sessions[0].session.id', session: null },
  { name: 'a mood out of range', spoil: (b) => { b.sessions[0].session.record.transcript[2].mood.anger = 400; }, path: 'sessions[0].session.record.transcript[2].mood.anger', session: '…0001' },
  { name: 'an unknown act', spoil: (b) => { b.sessions[0].session.record.transcript.find((e: any) => e.kind === 'trainee').acts.push('hypnosis'); }, path: /^sessions\[0\]\.session\.record\.transcript\[\d+\]\.acts\[\d+\]$/, session: '…0001' },
  { name: 'an override without a reason', spoil: (b) => { b.sessions[1].review[1].reason = ''; }, path: 'sessions[1].review[1].reason', session: '…0002' },
  { name: 'an override beyond the scale', spoil: (b) => { b.sessions[1].review[1].target = { competency: 'opening', behaviour: b.sessions[1].session.scorecard.competencies[0].behaviours[0].id }; b.sessions[1].review[1].score = 90; }, path: 'sessions[1].review[1]', session: '…0002' },
  { name: 'an undo of nothing', spoil: (b) => { b.sessions[1].review.push({ ...b.sessions[1].review[0], id: 'u9', kind: 'undo', undoes: 'missing', turn: undefined, text: undefined }); b.sessions[1].review[3] = JSON.parse(JSON.stringify(b.sessions[1].review[3])); }, path: 'sessions[1].review[3]', session: '…0002' },
  { name: 'a comment on a turn past the end', spoil: (b) => { b.sessions[1].review[0].turn = 999; }, path: 'sessions[1].review[0]', session: '…0002' },
  { name: 'a trainee overriding a score', spoil: (b) => { b.sessions[1].review[1].author = { name: 'Ana Trainee', role: 'trainee' }; }, path: 'sessions[1].review[1]', session: '…0002' },
  { name: 'the same session twice', spoil: (b) => { b.sessions.push(JSON.parse(JSON.stringify(b.sessions[0]))); }, path: 'sessions[2].session.id', session: '…0001' },
  { name: 'a scenario that is not installed', spoil: (b) => { b.sessions[0].session.scenarioId = 'nope'; b.sessions[0].session.record.scenarioId = 'nope'; }, path: 'sessions[0].session.scenarioId', session: '…0001' },
  { name: 'an older scenario version', spoil: (b) => { b.sessions[0].session.scenarioVersion = 0; b.sessions[0].session.record.scenarioVersion = 0; }, path: 'sessions[0].session.scenarioVersion', session: '…0001' },
  { name: 'an unexpected field', spoil: (b) => { b.sessions[0].session.admin = true; }, path: 'sessions[0].session', session: '…0001' },
  { name: 'a date that is not one', spoil: (b) => { b.sessions[0].session.startedAt = 'yesterday'; }, path: 'sessions[0].session.startedAt', session: '…0001' },
];
