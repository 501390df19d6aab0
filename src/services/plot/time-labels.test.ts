import { describe, expect, it } from 'vitest';
import { clockShiftMs, createTickFormatter, formatTick, formatWallTime } from './time-labels.ts';

describe('time labels', () => {
  it('labels times of day, midnights with the date, the first label and 1 January with the year', () => {
    expect(formatTick(Date.UTC(2024, 2, 15, 6), false)).toBe('06:00');
    expect(formatTick(Date.UTC(2024, 2, 15, 6, 30), true)).toBe('15 Mar 06:30');
    expect(formatTick(Date.UTC(2024, 2, 15), false)).toBe('15 Mar');
    expect(formatTick(Date.UTC(2024, 2, 15), true)).toBe('15 Mar 2024');
    expect(formatTick(Date.UTC(2025, 0, 1), false)).toBe('1 Jan 2025');
  });

  it('formats wall times as YYYY-MM-DD HH:mm', () => {
    expect(formatWallTime(Date.UTC(2024, 11, 31, 23, 45))).toBe('2024-12-31 23:45');
  });

  it('shifts by the clock offset, and hands the caller the instant back', () => {
    expect(clockShiftMs({ label: 't', utcOffsetMinutes: -330 })).toBe(-330 * 60_000);
    expect(clockShiftMs({ label: 't' })).toBe(0);
    const iso = createTickFormatter({
      label: 't',
      utcOffsetMinutes: 60,
      formatTime: (ms) => new Date(ms).toISOString(),
    });
    expect(iso(Date.UTC(2024, 0, 1, 1), 3)).toBe('2024-01-01T00:00:00.000Z');
    const plain = createTickFormatter({ label: 't', utcOffsetMinutes: 60 });
    expect(plain(Date.UTC(2024, 0, 1, 1), 3)).toBe('01:00');
  });
});
