import { describe, expect, it } from 'vitest';
import { weightedQuantiles, weightedQuantilesSorted } from './weighted-quantile.ts';

describe('weightedQuantiles', () => {
  it('with equal weights is the Hazen quantile (median of an even count = mean of the middle two)', () => {
    // Positions p_i = (i - 1/2) / 4 = 0.125, 0.375, 0.625, 0.875.
    const q = weightedQuantiles([4, 1, 3, 2], [1, 1, 1, 1], [0.1, 0.25, 0.5, 0.9]);
    expect(q[0]).toBe(1); // below p_1: the smallest value
    expect(q[1]).toBeCloseTo(1.5, 12); // halfway between p_1 and p_2
    expect(q[2]).toBeCloseTo(2.5, 12);
    expect(q[3]).toBe(4); // above p_4: the largest value
  });

  it('matches hand-computed interpolation for unequal weights', () => {
    // Sorted 0, 10, 20 with weights 1, 1, 2 (W = 4): p = 0.125, 0.375, 0.75.
    // Q(0.5) = 10 + (0.5 - 0.375) / (0.75 - 0.375) * 10 = 13.333...
    // Q(0.25) = 0 + (0.25 - 0.125) / (0.375 - 0.125) * 10 = 5
    const q = weightedQuantiles([20, 0, 10], [2, 1, 1], [0.5, 0.25, 0.8]);
    expect(q[0]).toBeCloseTo(40 / 3, 12);
    expect(q[1]).toBeCloseTo(5, 12);
    expect(q[2]).toBe(20);
  });

  it('skips zero weights and NaN values; NaN without any positive weight', () => {
    expect(weightedQuantiles([1, 100, 3, Number.NaN], [1, 0, 1, 5], [0.5])[0]).toBeCloseTo(2, 12);
    expect(weightedQuantiles([1, 2], [0, 0], [0.5])[0]).toBeNaN();
    expect(weightedQuantiles([], [], [0.5])[0]).toBeNaN();
  });

  it('reads values through a presorted order', () => {
    const values = [30, 10, 20];
    const order = [1, 2, 0];
    expect(weightedQuantilesSorted(values, [1, 1, 1], order, [0.5])).toEqual([20]);
    // A heavy weight on 30 pulls the median toward it: p = (0.5, 1.5, 52) / 102, so
    // Q(0.5) = 20 + 10 * (51 - 1.5) / (52 - 1.5).
    expect(weightedQuantilesSorted(values, [100, 1, 1], order, [0.5])[0]).toBeCloseTo(20 + 495 / 50.5, 12);
  });
});
