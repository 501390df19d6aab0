import { describe, expect, it } from 'vitest';
import {
  describePeriod,
  formatLocalDateTime,
  parseLocalDate,
  parseLocalDateTime,
  weekdayName,
} from './index.ts';

describe('scenario time', () => {
  it('reads local dates and date-times as wall ms and rejects impossible ones', () => {
    expect(parseLocalDate('2007-07-16')).toBe(Date.UTC(2007, 6, 16));
    expect(parseLocalDateTime('2007-07-16T17:45')).toBe(Date.UTC(2007, 6, 16, 17, 45));
    expect(parseLocalDateTime('2007-07-16T17:45:30')).toBe(Date.UTC(2007, 6, 16, 17, 45, 30));
    for (const bad of ['2007-02-30', '2007-13-01', '16.07.2007', '2007-07-16T17:45']) {
      expect(parseLocalDate(bad)).toBeNaN();
    }
    for (const bad of ['2007-07-16T24:00', '2007-07-16', '2007-07-16T17:45+01:00']) {
      expect(parseLocalDateTime(bad)).toBeNaN();
    }
    expect(formatLocalDateTime(Date.UTC(2007, 6, 23))).toBe('2007-07-23T00:00');
    expect(weekdayName(Date.UTC(2007, 6, 16))).toBe('Monday');
  });

  it('describes the period and its history on the interval grid', () => {
    const p = describePeriod({ start: '2007-07-16', days: 7, intervalMin: 15, historyDays: 56 });
    expect(p.intervalCount).toBe(672);
    expect(p.historyIntervalCount).toBe(56 * 96);
    expect(p.endMs - p.startMs).toBe(7 * 86_400_000);
    expect(p.historyStartMs).toBe(Date.UTC(2007, 4, 21));
  });
});
