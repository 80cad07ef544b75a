import { moodMatches } from '../mood';
import type { CallContext } from './call-context';
import { readOffer } from './offers';
import type { GuardRef, Scenario } from '../scenario/scenario-schema';

export const GUARD_TYPES = ['said', 'mood', 'knows', 'flagged', 'lookedUp', 'verified', 'offered', 'disclosed', 'all', 'any', 'not'] as const;

/**
 * Evaluates one guard of the scenario vocabulary against the call so far.
 * Loops rather than some()/every() with a closure: route exploration tests
 * guards millions of times, and each such closure is an allocation.
 */
export function checkGuard(scenario: Scenario, context: CallContext, guard: GuardRef): boolean {
  switch (guard.type) {
    case 'said': {
      const acts = context.lastActs as string[];
      const { anyOf, allOf, noneOf } = guard.params;
      if (anyOf && !includesAny(acts, anyOf)) return false;
      if (allOf) for (const act of allOf) if (!acts.includes(act)) return false;
      if (noneOf && includesAny(acts, noneOf)) return false;
      return true;
    }
    case 'mood':
      return moodMatches(context.mood, guard.params);
    case 'knows':
      for (const fact of guard.params.facts) if (!context.revealed.includes(fact)) return false;
      return true;
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
      for (const inner of guard.params.of) if (!checkGuard(scenario, context, inner)) return false;
      return true;
    case 'any':
      for (const inner of guard.params.of) if (checkGuard(scenario, context, inner)) return true;
      return false;
    case 'not':
      return !checkGuard(scenario, context, guard.params.guard);
  }
}

function includesAny(list: readonly string[], wanted: readonly string[]): boolean {
  for (const item of wanted) if (list.includes(item)) return true;
  return false;
}
