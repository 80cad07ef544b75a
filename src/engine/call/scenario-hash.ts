/**
 * A short content hash of a scenario, stored with a saved call: a reload
 * against the same content replays exactly, and only a real change to the
 * scenario is reported as one.
 */
import { seedState } from '../random';
import type { Scenario } from '../scenario/scenario-schema';

const hashes = new WeakMap<Scenario, string>();

export function scenarioHash(scenario: Scenario): string {
  let hash = hashes.get(scenario);
  if (!hash) {
    const text = JSON.stringify(scenario);
    // Two FNV-1a passes over halves of the text: 64 bits, enough to tell versions apart.
    const middle = Math.floor(text.length / 2);
    hash = `${scenario.version}-${seedState(text.slice(0, middle)).toString(16)}${seedState(text.slice(middle)).toString(16)}`;
    hashes.set(scenario, hash);
  }
  return hash;
}
