import { callMarks } from '../../engine/call/call-marks';
import type { TranscriptEntry } from '../../engine/call/transcript';
import { formatClock, SECTION_NAMES } from '../../components/transcript-entry';

export const MARK_TEXT = { lookup: 'Look-up', hold: 'Hold', resume: 'Off hold' } as const;

/** The call's look-ups and holds in order, each a link to its place in the transcript below; how long each hold lasted. */
export function CallTimeline({ transcript }: { transcript: readonly TranscriptEntry[] }) {
  const { marks, holds } = callMarks(transcript);
  if (!marks.length) return <p className="muted call-timeline">No account look-ups or holds in this call.</p>;
  const waited = holds.reduce((total, hold) => total + ((hold.to ?? transcript.at(-1)?.at ?? hold.from) - hold.from), 0);
  return (
    <nav className="call-timeline" aria-label="Look-ups and holds">
      <ol>
        {marks.map((mark) => (
          <li key={mark.index} className={`mark-${mark.kind}`}>
            <button type="button" className="link-button" onClick={() => showTurn(mark.index)}>
              {formatClock(mark.at)} {mark.kind === 'lookup' && mark.section ? `${MARK_TEXT.lookup}: ${SECTION_NAMES[mark.section] ?? mark.section}` : MARK_TEXT[mark.kind]}
            </button>
          </li>
        ))}
      </ol>
      {holds.length > 0 && <p className="muted">On hold {holds.length === 1 ? 'once' : `${holds.length} times`}, {formatClock(waited)} in all.</p>}
    </nav>
  );
}

/** Brings a transcript line into view and moves focus to it, so a keyboard user continues reading from there. */
function showTurn(index: number) {
  const turn = document.getElementById(`review-turn-${index}`);
  turn?.scrollIntoView({ block: 'center' });
  turn?.focus();
}
