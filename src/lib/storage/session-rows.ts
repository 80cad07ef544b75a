/**
 * How a session is laid out in IndexedDB: a head record, plus one row per
 * transcript entry and one per logged event, so each turn appends a few
 * small rows instead of rewriting the whole call (a 300-turn call was
 * 226 KB per write when stored whole). The customer machine's snapshot
 * carries the transcript too; the head keeps it without the transcript,
 * which is put back from the rows on reading.
 */
import type { LoggedEvent, SavedCall } from '../../engine/call/call';
import type { CallRecord, TranscriptEntry } from '../../engine/call/transcript';
import type { StoredSession } from '../../engine/records/stored-session';

export interface SessionHead extends Omit<StoredSession, 'saved' | 'record'> {
  saved: Omit<SavedCall, 'log'> & { logLength: number };
  record: Omit<CallRecord, 'transcript'> & { transcriptLength: number };
}

export interface TurnRow {
  sessionId: string;
  index: number;
  entry: TranscriptEntry;
}

export interface EventRow {
  sessionId: string;
  index: number;
  event: LoggedEvent;
}

/** What storage keeps of a session, from the given turn and event on. */
export interface SessionRows {
  head: SessionHead;
  turns: TurnRow[];
  events: EventRow[];
}

type SnapshotWithContext = { context: Record<string, unknown> & { transcript: unknown } };

function hasTranscript(snapshot: unknown): snapshot is SnapshotWithContext {
  const context = (snapshot as { context?: { transcript?: unknown } } | null)?.context;
  return typeof context === 'object' && context !== null && Array.isArray(context.transcript);
}

/** The snapshot with its transcript replaced by the entry count; the key keeps its place, so the snapshot reads back identical. */
function withoutTranscript(snapshot: unknown): unknown {
  if (!hasTranscript(snapshot)) return snapshot;
  return { ...snapshot, context: { ...snapshot.context, transcript: (snapshot.context.transcript as unknown[]).length } };
}

function withTranscript(snapshot: unknown, transcript: TranscriptEntry[]): unknown {
  const context = (snapshot as { context?: { transcript?: unknown } } | null)?.context;
  if (typeof context !== 'object' || context === null || typeof context.transcript !== 'number') return snapshot;
  return { ...(snapshot as object), context: { ...context, transcript: transcript.slice(0, context.transcript) } };
}

export function headOf(session: StoredSession): SessionHead {
  const { log, ...saved } = session.saved;
  const { transcript, ...record } = session.record;
  return {
    ...session,
    saved: { ...saved, snapshot: withoutTranscript(saved.snapshot), logLength: log.length },
    record: { ...record, transcriptLength: transcript.length },
  };
}

export function rowsOf(session: StoredSession, fromTurn = 0, fromEvent = 0): SessionRows {
  const id = session.id;
  return {
    head: headOf(session),
    turns: session.record.transcript.slice(fromTurn).map((entry, i) => ({ sessionId: id, index: fromTurn + i, entry })),
    events: session.saved.log.slice(fromEvent).map((event, i) => ({ sessionId: id, index: fromEvent + i, event })),
  };
}

export function sessionFrom(head: SessionHead, turns: TurnRow[], events: EventRow[]): StoredSession {
  const { logLength, ...saved } = head.saved;
  const { transcriptLength, ...record } = head.record;
  const transcript = turns.slice(0, transcriptLength).map((row) => row.entry);
  return {
    ...head,
    saved: { ...saved, snapshot: withTranscript(saved.snapshot, transcript), log: events.slice(0, logLength).map((row) => row.event) },
    record: { ...record, transcript },
  };
}
