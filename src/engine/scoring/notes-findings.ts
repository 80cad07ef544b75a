/**
 * The trainee's wrap-up notes beside the account facts they should record,
 * as the scorer judged them: each notes field with what the trainee wrote,
 * the scorer's findings on it (which name the fact), and one verdict. It
 * reads the scorecard's findings and never checks the notes itself, so a
 * review can never disagree with the score.
 */
import { FACT_CATEGORIES } from '../acts';
import type { CallNotes } from '../call/transcript';
import { amountsIn } from '../text';
import type { Scorecard } from './scorer';

export type NoteVerdict = 'matched' | 'missing' | 'wrong';

export interface NoteCheck {
  field: keyof CallNotes;
  written: string;
  /** Null when the call gave this field nothing to check (no fact of its kind came up, no action was taken). */
  verdict: NoteVerdict | null;
  findings: { behaviour: string; note: string; points: number }[];
}

export const NOTE_FIELDS: readonly (keyof CallNotes)[] = [...FACT_CATEGORIES, 'action'];

/** The rubric behaviour that checks the figures in the notes against the account (checks-outcome.ts). */
const AMOUNTS_CHECK = 'notesAmounts';

/**
 * One row per notes field. The verdict: wrong when the figures check found
 * fault with a field that gives a figure (one that matches nothing on the
 * account, or not the amount offered); missing when any other finding on the
 * field lost points (the fact is not recorded); matched when its findings
 * only won points.
 */
export function notesBesideFacts(scorecard: Scorecard, notes: CallNotes): NoteCheck[] {
  const findings = scorecard.competencies.flatMap((competency) =>
    competency.behaviours.flatMap((behaviour) => behaviour.findings.filter((finding) => finding.notesField).map((finding) => ({ ...finding, behaviour: behaviour.id }))),
  );
  return NOTE_FIELDS.map((field) => {
    const written = notes[field];
    const here = findings.filter((finding) => finding.notesField === field).map(({ behaviour, note, points }) => ({ behaviour, note, points }));
    const lost = here.filter((finding) => finding.points < 0);
    const verdict: NoteVerdict | null = lost.some((finding) => finding.behaviour === AMOUNTS_CHECK) && amountsIn(written).length > 0 ? 'wrong' : lost.length ? 'missing' : here.length ? 'matched' : null;
    return { field, written, verdict, findings: here };
  });
}
