import { useMemo } from 'react';
import { callMarks } from '../../engine/call/call-marks';
import type { TranscriptEntry } from '../../engine/call/transcript';
import { MOOD_DIMENSIONS } from '../../engine/mood';
import { formatClock, SECTION_NAMES } from '../../components/transcript-entry';
import { MARK_TEXT } from './call-timeline';
import { LineChart } from './line-chart';

const COLORS = { anger: '#a3261b', trust: '#1d6b36', confusion: '#7a4fa0', patience: '#0b5cad' } as const;

/** The customer's four mood meters over the call, one point per line of the transcript, with the look-ups and holds on the time axis. */
export function MoodChart({ transcript }: { transcript: TranscriptEntry[] }) {
  // A customer line can carry a later time than the turns after it (when it was due to be said): points are put in time order, each at its own time, so lines never run back and the marks line up.
  const ordered = useMemo(() => transcript.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at - b.entry.at || a.index - b.index).map(({ entry }) => entry), [transcript]);
  const x = useMemo(() => ordered.map((entry) => entry.at / 1000), [ordered]);
  const series = useMemo(() => MOOD_DIMENSIONS.map((d) => ({ label: d[0]!.toUpperCase() + d.slice(1), color: COLORS[d], values: ordered.map((entry) => entry.mood[d]) })), [ordered]);
  const { marks, bands } = useMemo(() => {
    const found = callMarks(transcript);
    const end = (transcript.at(-1)?.at ?? 0) / 1000;
    return {
      marks: found.marks.map((mark) => ({ x: mark.at / 1000, label: mark.kind === 'lookup' && mark.section ? `${MARK_TEXT.lookup}: ${SECTION_NAMES[mark.section] ?? mark.section}` : MARK_TEXT[mark.kind] })),
      bands: found.holds.map((hold) => ({ from: hold.from / 1000, to: hold.to === null ? end : hold.to / 1000 })),
    };
  }, [transcript]);
  if (!transcript.length) return null;
  return (
    <>
      <LineChart title="The customer’s mood over the call" xLabel="Time into the call" x={x} xText={(seconds) => formatClock(seconds * 1000)} series={series} marks={marks} bands={bands} />
      <p className="chart-marks">
        {marks.length ? <>Marked on the time axis: {marks.map((mark) => `${formatClock(mark.x * 1000)} ${mark.label}`).join(' · ')}{bands.length ? ' (time on hold shaded)' : ''}.</> : 'No look-ups or holds in this call.'}
      </p>
    </>
  );
}
