/**
 * The account look-ups and the holds of a call, read from its transcript's
 * event entries: what a review marks on the turn timeline and on the mood
 * chart's time axis.
 */
import type { AccountSection } from '../vocabulary';
import type { TranscriptEntry } from './transcript';

export interface CallMark {
  /** The transcript entry of the event. */
  index: number;
  /** Milliseconds into the call. */
  at: number;
  kind: 'lookup' | 'hold' | 'resume';
  /** The account section looked up, when the look-up names one. */
  section?: AccountSection;
}

export interface HoldSpan {
  from: number;
  /** When the customer was taken off hold; null when the call ended on hold. */
  to: number | null;
}

export function callMarks(transcript: readonly TranscriptEntry[]): { marks: CallMark[]; holds: HoldSpan[] } {
  const marks: CallMark[] = [];
  const holds: HoldSpan[] = [];
  let holding: number | null = null;
  transcript.forEach((entry, index) => {
    if (entry.kind !== 'event') return;
    if (entry.event === 'lookup') marks.push({ index, at: entry.at, kind: 'lookup', ...(entry.section ? { section: entry.section } : {}) });
    else if (entry.event === 'hold') {
      marks.push({ index, at: entry.at, kind: 'hold' });
      holding ??= entry.at;
    } else if (entry.event === 'resume') {
      marks.push({ index, at: entry.at, kind: 'resume' });
      if (holding !== null) holds.push({ from: holding, to: entry.at });
      holding = null;
    }
  });
  if (holding !== null) holds.push({ from: holding, to: null });
  return { marks, holds };
}
