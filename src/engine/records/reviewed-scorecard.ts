/**
 * A scorecard as the review leaves it: supervisors' overrides applied, the
 * computed figures kept beside them, and the competency and overall scores
 * recomputed by the scorer's own functions, so a reviewed score is worked
 * out exactly as a computed one.
 */
import type { Rubric } from '../scoring/rubric';
import { levelFor, RUBRIC } from '../scoring/rubric';
import { competencyScore, overallScore, type Scorecard } from '../scoring/scorer';
import { effectiveEntries, reviewStatus, type OverrideTarget, type ReviewEntry } from './review-log';
import type { ReviewedScores, StoredSession } from './stored-session';

export interface AppliedOverride {
  target: OverrideTarget;
  computed: number | null;
  score: number;
  reason: string;
  entryId: string;
  by: string;
  at: string;
}

export interface ReviewedScorecard {
  scorecard: Scorecard;
  /** The overall score before any override. */
  computedOverall: number;
  /** The overrides in effect, newest last; a later override of the same target replaces the earlier one. */
  overrides: AppliedOverride[];
}

export function reviewedScorecard(computed: Scorecard, log: readonly ReviewEntry[], rubric: Rubric = RUBRIC): ReviewedScorecard {
  const latest = new Map<string, Extract<ReviewEntry, { kind: 'override' }>>();
  for (const entry of effectiveEntries(log)) {
    if (entry.kind !== 'override') continue;
    const key = targetKey(entry.target);
    latest.delete(key);
    latest.set(key, entry);
  }
  if (latest.size === 0) return { scorecard: computed, computedOverall: computed.overall, overrides: [] };

  const overrides: AppliedOverride[] = [];
  const applied = (entry: Extract<ReviewEntry, { kind: 'override' }>, before: number | null): AppliedOverride => ({
    target: entry.target,
    computed: before,
    score: entry.score,
    reason: entry.reason,
    entryId: entry.id,
    by: entry.author.name,
    at: entry.at,
  });

  const competencies = computed.competencies.map((competency) => {
    let behaviours = competency.behaviours;
    let touched = false;
    behaviours = behaviours.map((behaviour) => {
      const entry = latest.get(targetKey({ competency: competency.id, behaviour: behaviour.id }));
      if (!entry) return behaviour;
      touched = true;
      overrides.push(applied(entry, behaviour.applicable ? behaviour.earned : null));
      // An override makes a behaviour count even where the scorer found nothing to assess.
      return { ...behaviour, applicable: true, earned: entry.score };
    });
    const recomputed = touched ? { ...competency, behaviours, ...competencyScore(behaviours, rubric) } : competency;
    const whole = latest.get(targetKey({ competency: competency.id }));
    if (!whole) return recomputed;
    overrides.push(applied(whole, recomputed.score));
    return { ...recomputed, score: whole.score, level: levelFor(whole.score, rubric) };
  });
  const scorecard: Scorecard = { ...computed, competencies, ...overallScore(competencies, computed.ending, rubric) };
  overrides.sort((a, b) => a.at.localeCompare(b.at) || a.entryId.localeCompare(b.entryId));
  return { scorecard, computedOverall: computed.overall, overrides };
}

function targetKey(target: OverrideTarget): string {
  return target.behaviour === undefined ? target.competency : `${target.competency}/${target.behaviour}`;
}

/** What a scored session keeps of its review for the lists: its status, and the scores after overrides. */
export function reviewFields(scorecard: Scorecard, log: readonly ReviewEntry[]): Pick<StoredSession, 'reviewStatus' | 'reviewedScores'> {
  const reviewed = reviewedScorecard(scorecard, log);
  const reviewedScores: ReviewedScores | undefined = reviewed.overrides.length
    ? { overall: reviewed.scorecard.overall, level: reviewed.scorecard.level, competencies: reviewed.scorecard.competencies.map(({ id, score, level }) => ({ id, score, level })) }
    : undefined;
  return { reviewStatus: reviewStatus(log), reviewedScores };
}
