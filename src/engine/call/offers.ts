/**
 * What a turn offered, read one way for everyone: the customer machine's
 * `offered` guard and the scorer's resolution checks both ask here, so the
 * customer and the scorecard never disagree about whether the right
 * resolution was offered.
 */
import type { Scenario } from '../scenario/scenario-schema';

export type Resolution = Scenario['policy']['resolutions'][string];

export interface OfferRead {
  id: string;
  resolution: Resolution | undefined;
  /** The scenario's policy supports it. */
  right: boolean;
}

export function readOffer(scenario: Scenario, offers: string | null | undefined): OfferRead | null {
  if (!offers) return null;
  const resolution = scenario.policy.resolutions[offers];
  return { id: offers, resolution, right: resolution?.correct === true };
}

/** The resolution the policy calls for (the first marked correct). */
export function rightResolution(scenario: Scenario): [string, Resolution] | undefined {
  return Object.entries(scenario.policy.resolutions).find(([, resolution]) => resolution.correct);
}
