/**
 * How well predicted acts match the labels: per-act precision, recall and F1,
 * their macro average with a bootstrap 95% interval, and the false-alarm
 * rate on benign replies (supportive or neutral ones heard as harmful).
 */
import { DIALOGUE_ACTS, HARMFUL_ACTS, type DialogueAct } from '../../engine/acts';
import { nextRandom, seedState } from '../../engine/random';

export interface Labelled {
  acts: readonly DialogueAct[];
}

export interface ActScore {
  act: DialogueAct;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ActScores {
  acts: ActScore[];
  /** Mean F1 over the acts present in the labels. */
  macroF1: number;
  /** Items whose predicted set is exactly the labelled one. */
  exact: number;
}

/** The harmful acts a benign reply must never be heard as. */
export const ALARMS: readonly DialogueAct[] = ['blame', 'dismissal', 'negativeWording', 'interrupting'];
const harmful: ReadonlySet<DialogueAct> = new Set(HARMFUL_ACTS);

export function scorePredictions(items: readonly Labelled[], predicted: readonly (readonly DialogueAct[])[]): ActScores {
  const tp = new Map<DialogueAct, number>();
  const fp = new Map<DialogueAct, number>();
  const fn = new Map<DialogueAct, number>();
  const add = (counts: Map<DialogueAct, number>, act: DialogueAct) => counts.set(act, (counts.get(act) ?? 0) + 1);
  let exact = 0;
  items.forEach((item, i) => {
    const heard = new Set(predicted[i]);
    const gold = new Set(item.acts);
    let same = heard.size === gold.size;
    for (const act of gold) {
      if (heard.has(act)) add(tp, act);
      else {
        add(fn, act);
        same = false;
      }
    }
    for (const act of heard) if (!gold.has(act)) add(fp, act);
    if (same) exact++;
  });
  const acts = DIALOGUE_ACTS.map((act): ActScore => {
    const hits = tp.get(act) ?? 0;
    const support = hits + (fn.get(act) ?? 0);
    const predictedCount = hits + (fp.get(act) ?? 0);
    const precision = predictedCount ? hits / predictedCount : 0;
    const recall = support ? hits / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { act, support, predicted: predictedCount, precision, recall, f1 };
  });
  const present = acts.filter((score) => score.support > 0);
  return { acts, macroF1: present.reduce((sum, score) => sum + score.f1, 0) / (present.length || 1), exact };
}

/** A 95% percentile interval for macro-F1 from resampling the items with replacement (seeded, so it repeats). */
export function bootstrapMacroF1(items: readonly Labelled[], predicted: readonly (readonly DialogueAct[])[], resamples = 1000, seed = 20261204): [low: number, high: number] {
  let state = seedState(seed);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sampleItems: Labelled[] = [];
    const samplePredicted: (readonly DialogueAct[])[] = [];
    for (let i = 0; i < items.length; i++) {
      const [value, next] = nextRandom(state);
      state = next;
      const pick = Math.floor(value * items.length);
      sampleItems.push(items[pick]!);
      samplePredicted.push(predicted[pick]!);
    }
    values.push(scorePredictions(sampleItems, samplePredicted).macroF1);
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(0.025 * resamples)]!, values[Math.min(resamples - 1, Math.ceil(0.975 * resamples) - 1)]!];
}

/** Of the replies labelled with no harmful act, how many were heard as blame, dismissal, negative wording or interrupting. */
export function falseAlarms(items: readonly Labelled[], predicted: readonly (readonly DialogueAct[])[]): { benign: number; alarmed: number; rate: number } {
  let benign = 0;
  let alarmed = 0;
  items.forEach((item, i) => {
    if (item.acts.some((act) => harmful.has(act))) return;
    benign++;
    if (predicted[i]!.some((act) => ALARMS.includes(act))) alarmed++;
  });
  return { benign, alarmed, rate: benign ? alarmed / benign : 0 };
}
