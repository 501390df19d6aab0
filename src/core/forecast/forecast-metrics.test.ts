import { describe, expect, it } from 'vitest';
import { intervalCoverage, pinballLoss, scorePoints, seasonalNaiveScale } from './forecast-metrics.ts';

describe('forecast metrics', () => {
  it('scores points, skipping missing values', () => {
    const s = scorePoints([100, 200, Number.NaN, 50], [110, 180, 5, Number.NaN]);
    expect(s.n).toBe(2);
    expect(s.mae).toBeCloseTo(15, 12);
    expect(s.rmse).toBeCloseTo(Math.sqrt((100 + 400) / 2), 12);
    expect(s.mape).toBeCloseTo(10, 12);
  });

  it('computes the seasonal naive scale of MASE', () => {
    // season 2: differences |3-1|, |4-2|, |7-3| = 2, 2, 4
    expect(seasonalNaiveScale([1, 2, 3, 4, 7], 2)).toBeCloseTo(8 / 3, 12);
  });

  it('computes the pinball loss and the coverage', () => {
    const y = [10, 10];
    // q=0.1 forecast 12 (over): 0.9*2 = 1.8 each; q=0.9 forecast 8 (under): 0.9*2 = 1.8 each
    expect(
      pinballLoss(
        y,
        [0.1, 0.9],
        [
          [12, 12],
          [8, 8],
        ],
      ),
    ).toBeCloseTo(1.8, 12);
    expect(intervalCoverage([1, 5, 9, 20], [0, 0, 0, 0], [10, 10, 10, 10])).toBe(0.75);
  });
});
