import { describe, expect, it } from 'vitest';
import { AccuracyTracker } from './accuracy-tracker.ts';

const day = (v: number) => new Float64Array(24).fill(v);

describe('AccuracyTracker', () => {
  it('keeps daily errors and rolling means, and flags a day that went wrong', () => {
    const tracker = new AccuracyTracker();
    for (let d = 0; d < 10; d++) {
      const entry = tracker.record(d, day(100), day(d % 2 ? 102 : 98), day(95), day(105));
      expect(entry.maeKw).toBeCloseTo(2, 12);
      expect(entry.wapePct).toBeCloseTo(2, 12);
      expect(entry).toMatchObject({ coverage: 1, flagged: false });
    }
    const bad = tracker.record(10, day(100), day(110), day(105), day(115));
    expect(bad.flagged).toBe(true);
    expect(bad.reason).toBe('MAE 5.0 times the median of the last 10 days; only 0 % of hours inside P10-P90');
    const summary = tracker.summary();
    expect(summary.last?.day).toBe(10);
    expect(summary.wape7Pct).toBeCloseTo((6 * 2 + 10) / 7, 12);
    expect(summary.coverage28).toBeCloseTo(10 / 11, 12);
    expect(summary.flaggedDays28).toBe(1);
  });

  it('does not flag before it has a week to compare with, and skips missing actuals', () => {
    const tracker = new AccuracyTracker();
    const actual = day(100);
    actual[0] = Number.NaN;
    const entry = tracker.record(0, actual, day(150), day(140), day(160));
    expect(entry.maeKw).toBe(50);
    expect(entry.reason).toBe('only 0 % of hours inside P10-P90');
  });
});
