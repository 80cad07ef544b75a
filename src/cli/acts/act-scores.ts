/** Per-act precision, recall and F1 of a classifier over labelled utterances, and their macro average. */
import { DIALOGUE_ACTS, type DialogueAct } from '../../engine/acts';
import type { Classifier } from '../../engine/classifier/classify';
import type { LabelledUtterance } from './labelled-utterances';

export interface ActScore {
  act: DialogueAct;
  support: number;
  precision: number;
  recall: number;
  f1: number;
  /** Predicted at least once or present at least once: an act with neither says nothing. */
  seen: boolean;
}

export interface ActScores {
  acts: ActScore[];
  /** Mean F1 over the acts present in the gold labels. */
  macroF1: number;
  exact: number;
  errors: string[];
}

export function scoreActs(classifier: Classifier, items: LabelledUtterance[]): ActScores {
  const counts = new Map<DialogueAct, { tp: number; fp: number; fn: number }>(DIALOGUE_ACTS.map((act) => [act, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  for (const item of items) {
    const predicted = new Set(classifier.classify(item.text, item.context).acts);
    const gold = new Set(item.acts);
    for (const act of DIALOGUE_ACTS) {
      const count = counts.get(act)!;
      if (gold.has(act) && predicted.has(act)) count.tp++;
      else if (predicted.has(act)) count.fp++;
      else if (gold.has(act)) count.fn++;
    }
    const missed = [...gold].filter((act) => !predicted.has(act));
    const extra = [...predicted].filter((act) => !gold.has(act));
    if (missed.length || extra.length) errors.push(`${item.id} ${JSON.stringify(item.text.slice(0, 110))}\n    missed: ${missed.join(', ') || '-'}   extra: ${extra.join(', ') || '-'}`);
  }
  const acts = DIALOGUE_ACTS.map((act): ActScore => {
    const { tp, fp, fn } = counts.get(act)!;
    const support = tp + fn;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { act, support, precision, recall, f1, seen: support > 0 || fp > 0 };
  });
  const present = acts.filter((score) => score.support > 0);
  const macroF1 = present.reduce((sum, score) => sum + score.f1, 0) / (present.length || 1);
  return { acts, macroF1, exact: items.length - errors.length, errors };
}
