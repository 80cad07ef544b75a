/**
 * A model call for a scenario: its best route of prepared replies, played
 * through the customer machine on a still clock, so the trainee can read a
 * call that reaches the best ending beside their own.
 */
import { Call } from './call';
import { ReplayClock } from '../clock';
import { findBestRoute } from '../scenario/routes';
import type { Scenario } from '../scenario/scenario-schema';
import type { TranscriptEntry } from './transcript';

export function modelCall(scenario: Scenario): TranscriptEntry[] | null {
  const best = findBestRoute(scenario);
  if (!best.found) return null;
  const clock = new ReplayClock();
  const call = new Call(scenario, { seed: 'model', clock });
  let at = 0;
  for (const event of best.events) {
    // A few seconds between moves, so the times read like a call.
    at = Math.max(at + 4000, call.context.speakingUntil + call.context.startedAt);
    clock.advanceTo(at);
    call.send(event);
  }
  const transcript = call.view.transcript;
  call.stop();
  return transcript;
}
