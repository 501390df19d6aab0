import { describe, expect, it } from 'vitest';
import { estimateDailyPeak, fillGapLinearly, findGaps, interpolateAtCentres, scaleToPeak } from './index.ts';

const HOUR = 3_600_000;

describe('series on the interval grid', () => {
  it('interpolates hourly means to 15-minute intervals between hour centres', () => {
    const hourly = [10, 20, 30];
    const q = HOUR / 4;
    const out = interpolateAtCentres(hourly, { startMs: 0, stepMs: HOUR }, 12, (i) => i * q + q / 2);
    // 00:00-00:15 is before the first centre: held; 00:30-00:45 is 1/8 of the way to 01:30.
    expect(Array.from(out.slice(0, 6))).toEqual([10, 10, 11.25, 13.75, 16.25, 18.75]);
    expect(out[11]).toBe(30);
    // Same grid: the values themselves.
    const same = interpolateAtCentres([1, 2, 3], { startMs: 0, stepMs: q }, 3, (i) => i * q + q / 2);
    expect(Array.from(same)).toEqual([1, 2, 3]);
  });

  it('finds and fills gaps', () => {
    const v = Float64Array.from([1, Number.NaN, Number.NaN, 4, Number.NaN]);
    expect(findGaps(v, 0, 5)).toEqual([
      { from: 1, to: 3 },
      { from: 4, to: 5 },
    ]);
    expect(fillGapLinearly(v, { from: 1, to: 3 })).toBe(true);
    expect(fillGapLinearly(v, { from: 4, to: 5 })).toBe(true);
    expect(Array.from(v)).toEqual([1, 2, 3, 4, 4]);
    expect(fillGapLinearly(Float64Array.from([Number.NaN]), { from: 0, to: 1 })).toBe(false);
  });

  it('scales to a peak and estimates a daily peak robustly', () => {
    expect(Array.from(scaleToPeak(Float64Array.from([1, 2, 4]), 2))).toEqual([0.5, 1, 2]);
    const days = [3, 2, Number.NaN, 100].flatMap((max) => [0, max, 1]);
    // Daily maxima 3, 2, 100 (the NaN day has max 1); the 99th percentile of [1, 2, 3, 100] is 100.
    expect(estimateDailyPeak(days, 3)).toBe(100);
  });
});
