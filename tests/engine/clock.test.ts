import { ReplayClock } from '../../src/engine/clock';

describe('the replay clock', () => {
  it('fires due timers in order while replaying, including timers they set', () => {
    const clock = new ReplayClock(() => 0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => {
      fired.push(`a@${clock.now()}`);
      clock.setTimeout(() => fired.push(`a2@${clock.now()}`), 50);
    }, 100);
    clock.advanceTo(160);
    expect(fired).toEqual(['a@100', 'a2@150']);
    expect(clock.now()).toBe(160);
    clock.advanceTo(500);
    expect(fired).toEqual(['a@100', 'a2@150', 'b@200']);
  });

  it('does not fire cleared timers', () => {
    const clock = new ReplayClock(() => 0);
    const fired: number[] = [];
    const id = clock.setTimeout(() => fired.push(1), 10);
    clock.clearTimeout(id);
    clock.advanceTo(100);
    expect(fired).toEqual([]);
  });

  it('hands pending timers to real time when it goes live, keeping what was left of them', () => {
    vi.useFakeTimers();
    try {
      let wall = 1_000_000;
      const clock = new ReplayClock(() => wall);
      const fired: number[] = [];
      clock.setTimeout(() => fired.push(clock.now()), 1000);
      clock.advanceTo(400);
      clock.goLive();
      expect(clock.now()).toBe(400);
      wall += 599;
      vi.advanceTimersByTime(599);
      expect(fired).toEqual([]);
      wall += 1;
      vi.advanceTimersByTime(1);
      expect(fired).toEqual([1000]);
      expect(() => clock.advanceTo(2000)).toThrow(/live/);
    } finally {
      vi.useRealTimers();
    }
  });
});
