/** Stored sessions made from real calls, for the storage and summary tests. */
import type { Call } from '../../src/engine/call/call';
import type { StoredSession } from '../../src/engine/records/stored-session';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import type { Scorecard } from '../../src/engine/scoring/scorer';

export function sessionOf(scenario: Scenario, call: Call, { id = 'session-1', traineeName = 'Sam', startedAt = '2026-12-01T09:00:00.000Z', scorecard = null as Scorecard | null } = {}): StoredSession {
  const record = call.record();
  return {
    id,
    traineeName,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioTitle: scenario.title,
    startedAt,
    updatedAt: startedAt,
    status: scorecard ? 'scored' : call.view.status === 'ended' ? 'wrapUp' : 'live',
    replyMode: 'prepared',
    revision: 0,
    saved: call.save(),
    record,
    notes: record.notes,
    scorecard,
  };
}
