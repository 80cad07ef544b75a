import type { Mood, MoodDimension } from '../engine/mood';
import { MoodFace, type Expression } from './mood-face';

const LABELS: Record<MoodDimension, string> = { anger: 'Anger', trust: 'Trust', confusion: 'Confusion', patience: 'Patience' };

function band(value: number) {
  return value >= 70 ? 'high' : value >= 35 ? 'medium' : 'low';
}

/** A face whose expression, and words, say how the customer feels: never colour alone. */
function expression(mood: Mood): { face: Expression; words: string } {
  if (mood.anger >= 70) return { face: 'furious', words: 'furious' };
  if (mood.anger >= 45) return { face: 'annoyed', words: 'annoyed' };
  if (mood.confusion >= 60) return { face: 'confused', words: 'confused' };
  if (mood.patience <= 25) return { face: 'tired', words: 'running out of patience' };
  if (mood.trust >= 65) return { face: 'reassured', words: 'reassured' };
  return { face: 'guarded', words: 'guarded' };
}

export function MoodPanel({ name, mood, headingId = 'customer-heading' }: { name: string; mood: Mood; headingId?: string }) {
  const { face, words } = expression(mood);
  return (
    <section className="mood-panel card" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p className="avatar">
        <MoodFace expression={face} />
        <span>Seems {words}</span>
      </p>
      <dl className="meters">
        {(Object.keys(LABELS) as MoodDimension[]).map((dimension) => (
          <div key={dimension} className={`meter meter-${dimension} band-${band(mood[dimension])}`}>
            <dt id={`${headingId}-${dimension}`}>{LABELS[dimension]}</dt>
            <dd>
              <meter aria-labelledby={`${headingId}-${dimension}`} min={0} max={100} low={35} high={70} optimum={dimension === 'anger' || dimension === 'confusion' ? 0 : 100} value={mood[dimension]} />
              <span className="meter-value">
                {mood[dimension]} ({band(mood[dimension])})
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
