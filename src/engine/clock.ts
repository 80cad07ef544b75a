/**
 * Time for a call. XState's delays and the transcript's timestamps both read
 * it, so a test can drive a call with XState's SimulatedClock and a reloaded
 * call can be fast-forwarded through its past before it goes live again.
 */
export interface CallClock {
  now(): number;
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

interface Pending {
  due: number;
  fn: () => void;
  live?: ReturnType<typeof setTimeout>;
}

/**
 * Starts at 0. While replaying, time moves only when `advanceTo` says so and
 * due timers fire in order; `goLive` then hands what is still pending to the
 * real timers, so a reload neither loses a timer nor counts the time the page
 * was gone.
 */
export class ReplayClock implements CallClock {
  private current = 0;
  private live: { base: number; wallAtStart: number } | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** While a live timer fires, time reads its due time, as it did in the replay: the two never drift apart. */
  private firing: number | null = null;

  constructor(private readonly wall: () => number = () => Date.now()) {}

  static live(wall?: () => number): ReplayClock {
    const clock = new ReplayClock(wall);
    clock.goLive();
    return clock;
  }

  now(): number {
    if (this.firing !== null) return this.firing;
    return this.live ? this.live.base + (this.wall() - this.live.wallAtStart) : this.current;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = this.nextId++;
    const entry: Pending = { due: this.now() + timeout, fn: () => fn() };
    this.pending.set(id, entry);
    if (this.live) this.arm(id, entry);
    return id;
  }

  clearTimeout(id: unknown): void {
    const entry = this.pending.get(id as number);
    if (entry?.live !== undefined) clearTimeout(entry.live);
    this.pending.delete(id as number);
  }

  /** Replay only: fires, in order, every timer due by `time`, including ones they set. */
  advanceTo(time: number): void {
    if (this.live) throw new Error('The clock is live; it can no longer be advanced by hand');
    for (;;) {
      const next = [...this.pending.entries()].filter(([, entry]) => entry.due <= time).sort((a, b) => a[1].due - b[1].due || a[0] - b[0])[0];
      if (!next) break;
      this.current = Math.max(this.current, next[1].due);
      this.pending.delete(next[0]);
      next[1].fn();
    }
    this.current = Math.max(this.current, time);
  }

  goLive(): void {
    if (this.live) return;
    this.live = { base: this.current, wallAtStart: this.wall() };
    for (const [id, entry] of this.pending) this.arm(id, entry);
  }

  private arm(id: number, entry: Pending) {
    entry.live = setTimeout(() => {
      this.pending.delete(id);
      this.firing = entry.due;
      try {
        entry.fn();
      } finally {
        this.firing = null;
      }
    }, Math.max(0, entry.due - this.now()));
  }
}
