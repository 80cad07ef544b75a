import { useState } from 'react';
import type { OverrideTarget } from '../../engine/records/review-log';
import type { ReviewedScorecard } from '../../engine/records/reviewed-scorecard';
import type { AddEntry } from './add-entry';
import { OverrideForm } from './override-form';

const keyOf = (target: OverrideTarget) => `${target.competency}/${target.behaviour ?? ''}`;

/** The scorecard with overrides shown beside the computed figures, and a way to override each competency and behaviour. */
export function ReviewScorecard({ reviewed, onOverride }: { reviewed: ReviewedScorecard; onOverride: AddEntry }) {
  const [open, setOpen] = useState<string | null>(null);
  const overrideOf = (target: OverrideTarget) => reviewed.overrides.find((o) => keyOf(o.target) === keyOf(target));
  return (
    <section className="review-scorecard" aria-labelledby="review-scorecard-heading">
      <h2 id="review-scorecard-heading">Scorecard</h2>
      {reviewed.scorecard.cap && <p className="notice notice-warning">{reviewed.scorecard.cap.reason}</p>}
      {reviewed.scorecard.competencies.map((competency) => {
        const target = { competency: competency.id };
        const overridden = overrideOf(target);
        return (
          <section key={competency.id} className="review-competency" aria-labelledby={`rc-${competency.id}`}>
            <h3 id={`rc-${competency.id}`}>
              {competency.title}: {competency.score ?? 'not assessed'}
              {competency.level && <span className="muted"> ({competency.level})</span>}
            </h3>
            {overridden && (
              <p className="override-note">
                Overridden from {overridden.computed ?? 'not assessed'} to {overridden.score} by {overridden.by}: “{overridden.reason}”
              </p>
            )}
            {open === keyOf(target) ? (
              <OverrideForm target={target} label={competency.title} max={100} current={competency.score} onAdd={onOverride} onDone={() => setOpen(null)} />
            ) : (
              <button type="button" className="link-button" onClick={() => setOpen(keyOf(target))}>
                Override {competency.title}
              </button>
            )}
            <ul className="review-behaviours">
              {competency.behaviours.map((behaviour) => {
                const behaviourTarget = { competency: competency.id, behaviour: behaviour.id };
                const changed = overrideOf(behaviourTarget);
                return (
                  <li key={behaviour.id}>
                    {behaviour.title}: {behaviour.applicable ? `${behaviour.earned} of ${behaviour.points}` : 'not assessed'}
                    {changed && <span className="override-note"> (computed {changed.computed ?? 'not assessed'}; {changed.by}: “{changed.reason}”)</span>}{' '}
                    {open === keyOf(behaviourTarget) ? (
                      <OverrideForm target={behaviourTarget} label={behaviour.title} max={behaviour.points} current={behaviour.applicable ? behaviour.earned : null} onAdd={onOverride} onDone={() => setOpen(null)} />
                    ) : (
                      <button type="button" className="link-button" aria-label={`Override ${behaviour.title}`} onClick={() => setOpen(keyOf(behaviourTarget))}>
                        override
                      </button>
                    )}
                    {behaviour.findings.length > 0 && (
                      <ul className="findings">
                        {behaviour.findings.map((finding, index) => (
                          <li key={index} className={finding.points < 0 ? 'lost' : 'won'}>
                            {finding.points > 0 ? `+${finding.points}` : finding.points} {finding.note}
                            {finding.turn !== null && <span className="muted"> (turn {finding.turn + 1})</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
