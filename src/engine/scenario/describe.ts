/**
 * Guards and actions in words, for the checker's messages and the studio's
 * diagram labels: "knows orderedMonday", "said empathy or paraphrase".
 */
import type { ActionRef, GuardRef } from './scenario-schema';

function bounds(params: Record<string, { atLeast?: number; below?: number } | undefined>): string {
  return Object.entries(params)
    .map(([dimension, bound]) => [bound?.atLeast !== undefined ? `${dimension} ≥ ${bound.atLeast}` : '', bound?.below !== undefined ? `${dimension} < ${bound.below}` : ''].filter(Boolean).join(' and '))
    .join(' and ');
}

export function describeGuard(guard: GuardRef | undefined): string {
  if (!guard) return 'always';
  switch (guard.type) {
    case 'said': {
      const { anyOf, allOf, noneOf } = guard.params;
      return [anyOf && `said ${anyOf.join(' or ')}`, allOf && `said ${allOf.join(' and ')}`, noneOf && `did not say ${noneOf.join(' or ')}`].filter(Boolean).join(', ') || 'said anything';
    }
    case 'mood':
      return `mood ${bounds(guard.params)}`;
    case 'knows':
      return `knows ${guard.params.facts.join(', ')}`;
    case 'flagged':
      return `flag ${guard.params.flag}`;
    case 'lookedUp':
      return `looked up ${guard.params.section}`;
    case 'verified':
      return 'caller verified';
    case 'disclosed':
      return 'revealed account details';
    case 'offered':
      return `offered ${guard.params.resolution ?? (guard.params.correct === true ? 'a correct resolution' : guard.params.correct === false ? 'a wrong resolution' : 'a resolution')}`;
    case 'all':
      return guard.params.of.map(describeGuard).join(' and ');
    case 'any':
      return `(${guard.params.of.map(describeGuard).join(' or ')})`;
    case 'not':
      return `not (${describeGuard(guard.params.guard)})`;
  }
}

export function describeAction(action: ActionRef): string {
  switch (action.type) {
    case 'say':
      return `says ${action.params.line}`;
    case 'reveal':
      return `reveals ${action.params.fact}`;
    case 'flag':
      return `flags ${action.params.flag}`;
    case 'mood':
      return `mood ${Object.entries(action.params).map(([dimension, delta]) => `${dimension} ${delta! >= 0 ? '+' : ''}${delta}`).join(', ')}`;
  }
}
