import { moodMatches } from '../mood';
import type { CallContext } from './call-context';
import { readOffer } from './offers';
import type { GuardRef, Scenario } from '../scenario/scenario-schema';

export const GUARD_TYPES = ['said', 'mood', 'knows', 'flagged', 'lookedUp', 'verified', 'offered', 'disclosed', 'all', 'any', 'not'] as const;

/** Evaluates one guard of the scenario vocabulary against the call so far. */
export function checkGuard(scenario: Scenario, context: CallContext, guard: GuardRef): boolean {
  switch (guard.type) {
    case 'said': {
      const acts = context.lastActs as string[];
      const { anyOf, allOf, noneOf } = guard.params;
      if (anyOf && !anyOf.some((act) => acts.includes(act))) return false;
      if (allOf && !allOf.every((act) => acts.includes(act))) return false;
      if (noneOf && noneOf.some((act) => acts.includes(act))) return false;
      return true;
    }
    case 'mood':
      return moodMatches(context.mood, guard.params);
    case 'knows':
      return guard.params.facts.every((fact) => context.revealed.includes(fact));
    case 'flagged':
      return context.flags.includes(guard.params.flag);
    case 'lookedUp':
      return context.lookedUp.includes(guard.params.section);
    case 'verified':
      return context.verified;
    case 'offered': {
      const offer = readOffer(scenario, context.lastOffer);
      if (!offer) return false;
      if (guard.params.resolution !== undefined && offer.id !== guard.params.resolution) return false;
      if (guard.params.correct !== undefined && offer.right !== guard.params.correct) return false;
      return true;
    }
    case 'disclosed': {
      // Read from the transcript, so a saved call needs nothing new to answer it.
      const last = context.transcript.findLast((entry) => entry.kind === 'trainee');
      return Boolean(last?.kind === 'trainee' && last.disclosesAccount);
    }
    case 'all':
      return guard.params.of.every((inner) => checkGuard(scenario, context, inner));
    case 'any':
      return guard.params.of.some((inner) => checkGuard(scenario, context, inner));
    case 'not':
      return !checkGuard(scenario, context, guard.params.guard);
  }
}
