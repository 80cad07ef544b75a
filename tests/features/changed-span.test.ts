import { describe, expect, it } from 'vitest';
import { changedSpan } from '../../src/features/studio/changed-span';

const apply = (before: string, span: ReturnType<typeof changedSpan>) => before.slice(0, span.from) + span.insert + before.slice(span.to);

describe('the span a form edit changes in the JSON editor', () => {
  it('is only the words that changed, and applying it gives the new file', () => {
    const before = '{\n  "title": "A late parcel",\n  "level": 1\n}\n';
    const after = '{\n  "title": "A lost parcel",\n  "level": 1\n}\n';
    const span = changedSpan(before, after);
    expect(span).toEqual({ from: before.indexOf('ate'), to: before.indexOf('ate') + 3, insert: 'ost' });
    expect(apply(before, span)).toBe(after);
  });

  it('handles insertions, deletions, repeats at the seam, and no change at all', () => {
    for (const [before, after] of [
      ['aaaa', 'aaaaaa'],
      ['abcabc', 'abc'],
      ['', 'new'],
      ['old', ''],
      ['same', 'same'],
      ['x"y"x', 'x"y""y"x'],
    ]) {
      const span = changedSpan(before!, after!);
      expect(apply(before!, span)).toBe(after);
      expect(span.to - span.from + span.insert.length).toBeLessThanOrEqual(Math.abs(before!.length - after!.length) + 2);
    }
  });
});
