/**
 * Plays a call typed in the trainee's own words through the engine, with the
 * real classifier: the same path a typed reply takes in the browser, minus
 * the page. Steps are what the trainee types, or "LOOKUP <section>".
 */
import { createShippedClassifier } from '../../src/cli/acts/shipped-classifier';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import type { AccountSection } from '../../src/engine/vocabulary';
import { Call } from '../../src/engine/call/call';
import { advance, newClock } from './play';

let shared: ReturnType<typeof createShippedClassifier> | undefined;
export function englishClassifier() {
  shared ??= createShippedClassifier();
  return shared;
}

export function playTyped(scenario: Scenario, steps: string[], { seed = 'typed', pause = 4000 } = {}) {
  const clock = newClock();
  const call = new Call(scenario, { seed, clock });
  call.answer();
  advance(clock, 1000);
  for (const step of steps) {
    if (call.view.status !== 'live') break;
    if (step.startsWith('LOOKUP ')) call.send({ type: 'LOOKUP', section: step.slice(7) as AccountSection });
    else call.sayTyped(englishClassifier(), step);
    advance(clock, pause);
  }
  return call;
}

/** How often each customer line was said, for spotting loops. */
export function lineCounts(call: Call): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of call.view.transcript) if (entry.kind === 'customer') counts.set(entry.text, (counts.get(entry.text) ?? 0) + 1);
  return counts;
}
