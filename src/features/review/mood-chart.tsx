import { useMemo } from 'react';
import type { TranscriptEntry } from '../../engine/call/transcript';
import { MOOD_DIMENSIONS } from '../../engine/mood';
import { formatClock } from '../../components/transcript-entry';
import { LineChart } from './line-chart';

const COLORS = { anger: '#a3261b', trust: '#1d6b36', confusion: '#7a4fa0', patience: '#0b5cad' } as const;

/** The customer's four mood meters over the call, one point per line of the transcript. */
export function MoodChart({ transcript }: { transcript: TranscriptEntry[] }) {
  const x = useMemo(() => transcript.map((entry) => entry.at / 1000), [transcript]);
  const series = useMemo(() => MOOD_DIMENSIONS.map((d) => ({ label: d[0]!.toUpperCase() + d.slice(1), color: COLORS[d], values: transcript.map((entry) => entry.mood[d]) })), [transcript]);
  if (!transcript.length) return null;
  return <LineChart title="The customer’s mood over the call" xLabel="Time into the call" x={x} xText={(seconds) => formatClock(seconds * 1000)} series={series} />;
}
