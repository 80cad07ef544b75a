/**
 * How briskly a customer expects to be answered, from how long they wait in
 * silence before reacting (timing.silenceMs): the picker and the briefing say
 * it, so a trainee knows before the call which customers will not wait.
 */
export type Pace = 'brisk' | 'steady' | 'patient';

/** Silences at or under this are brisk: a customer who says "Hello?" after ten seconds. */
const BRISK_MS = 10_000;
/** And at or over this, patient: the schema's default, a customer who waits twenty. */
const PATIENT_MS = 20_000;

export function paceOf(silenceMs: number): Pace {
  if (silenceMs <= BRISK_MS) return 'brisk';
  if (silenceMs >= PATIENT_MS) return 'patient';
  return 'steady';
}
