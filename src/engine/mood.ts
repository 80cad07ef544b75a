import type { DialogueAct } from './acts';

export const MOOD_DIMENSIONS = ['anger', 'trust', 'confusion', 'patience'] as const;
export type MoodDimension = (typeof MOOD_DIMENSIONS)[number];

/** Each dimension runs from 0 to 100. */
export type Mood = Record<MoodDimension, number>;
export type MoodDelta = Partial<Record<MoodDimension, number>>;

/** A bound on one or more dimensions: `atLeast` is inclusive, `below` exclusive. */
export type MoodCondition = Partial<Record<MoodDimension, { atLeast?: number; below?: number }>>;

/**
 * What each act does to an ordinary customer. Scenarios override any entry
 * (`moodEffects`), so a confused caller can care more about plain
 * explanations and less about apologies than an irate one.
 */
export const DEFAULT_MOOD_EFFECTS: Record<DialogueAct | 'silence' | 'turn' | 'unclear', MoodDelta> = {
  greeting: { trust: 4 },
  verifyIdentity: { trust: 3, patience: -1 },
  askWho: { patience: -1 },
  askWhat: { anger: -3, trust: 2 },
  askWhen: { patience: -1 },
  askWhere: { patience: -1 },
  askWhy: { anger: -2, trust: 2 },
  empathy: { anger: -12, trust: 8 },
  paraphrase: { anger: -8, trust: 10, confusion: -6 },
  apology: { anger: -6, trust: 4 },
  explainPlainly: { confusion: -15, trust: 5 },
  offerOptions: { anger: -8, trust: 6 },
  setExpectations: { trust: 8, confusion: -6, patience: 4 },
  holdAndReturn: { patience: 6, trust: 2 },
  escalate: { anger: -4 },
  checkResolved: { trust: 5 },
  closing: { trust: 2 },
  blame: { anger: 20, trust: -15 },
  negativeWording: { anger: 10, trust: -8 },
  jargon: { confusion: 15, patience: -5 },
  dismissal: { anger: 18, trust: -12, patience: -10 },
  interrupting: { anger: 12, patience: -8 },
  overTalking: { patience: -10, confusion: 8 },
  // Not acts: the cost of the trainee saying nothing, of any turn at all, and of a turn the customer cannot make sense of.
  silence: { anger: 6, patience: -10 },
  turn: { patience: -2 },
  unclear: { patience: -5, trust: -2 },
};

function clampLevel(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value)));
}

/** `scale` lets repeated soothing acts count for less each time. */
export function applyMoodDelta(mood: Mood, delta: MoodDelta, scale = 1): Mood {
  // Each level is clamped as it is worked out, with no unclamped mood made in between: every trainee turn moves the mood.
  return {
    anger: clampLevel(mood.anger + (delta.anger ?? 0) * scale),
    trust: clampLevel(mood.trust + (delta.trust ?? 0) * scale),
    confusion: clampLevel(mood.confusion + (delta.confusion ?? 0) * scale),
    patience: clampLevel(mood.patience + (delta.patience ?? 0) * scale),
  };
}

export function moodMatches(mood: Mood, condition: MoodCondition | undefined): boolean {
  if (!condition) return true;
  // for…in reads the keys in Object.entries' order, without making the entries: guards and line variants ask this all the time.
  for (const dimension in condition) {
    const value = mood[dimension as MoodDimension];
    const bound = condition[dimension as MoodDimension];
    if (bound?.atLeast !== undefined && value < bound.atLeast) return false;
    if (bound?.below !== undefined && value >= bound.below) return false;
  }
  return true;
}
