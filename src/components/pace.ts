import { paceOf, type Pace } from '../engine/scenario/pace';

const PACE_NAMES: Record<Pace, string> = { brisk: 'Brisk', steady: 'Steady', patient: 'Patient' };

/** A customer's pace as a trainee reads it: "Brisk (notices 10 seconds of silence)". */
export function paceText(silenceMs: number): string {
  return `${PACE_NAMES[paceOf(silenceMs)]} (notices ${silenceSeconds(silenceMs)} of silence)`;
}

export function silenceSeconds(silenceMs: number): string {
  const seconds = Math.round(silenceMs / 1000);
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
