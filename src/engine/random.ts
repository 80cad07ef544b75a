/**
 * A seeded random source whose whole state is one 32-bit number, so it can sit
 * in machine context and survive a persisted snapshot: the same seed and the
 * same replies always give the same call.
 */
export function seedState(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0;
  // FNV-1a, so that readable seeds such as a session id work too.
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** One mulberry32 step: a value in [0, 1) and the next state. */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

export function pickIndex(state: number, length: number): [index: number, next: number] {
  // Indexed rather than destructured: a call's every line picks its words here.
  const step = nextRandom(state);
  return [Math.floor(step[0] * length), step[1]];
}
