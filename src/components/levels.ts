import type { Scenario } from '../engine/scenario/scenario-schema';

/** Seed 002's three class levels, as trainees see them. */
export const LEVEL_NAMES: Record<Scenario['level'], string> = {
  I: 'routine inquiry',
  II: 'complex inquiry',
  III: 'referred complaint',
};
