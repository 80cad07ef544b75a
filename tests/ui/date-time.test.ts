import { dateTime } from '../../src/components/date-time';

describe('dateTime', () => {
  it('writes a moment in local time as day, month name, year and a 24-hour clock with seconds', () => {
    expect(dateTime(new Date(2026, 11, 1, 14, 5, 9))).toBe('1 Dec 2026, 14:05:09');
    expect(dateTime(new Date(2027, 0, 31, 0, 0, 0).toISOString())).toBe('31 Jan 2027, 00:00:00');
  });

  it('says the time is unknown rather than writing NaN', () => {
    expect(dateTime('not a date')).toBe('unknown time');
  });
});
