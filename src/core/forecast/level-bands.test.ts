import { describe, expect, it } from 'vitest';
import { LevelBands } from './level-bands.ts';

describe('LevelBands', () => {
  it('takes the quantiles of the errors of the nearest recorded forecasts', () => {
    const bands = new LevelBands(10, 5, 0, 100);
    // day 1: forecasts 10 with errors -2..2 at hours 0-4; forecasts 50 with errors -10..10 at hours 5-9
    const forecast = new Float64Array(24);
    const actual = new Float64Array(24);
    for (let h = 0; h < 5; h++) {
      forecast[h] = 10;
      actual[h] = 10 + (h - 2);
    }
    for (let h = 5; h < 10; h++) {
      forecast[h] = 50;
      actual[h] = 50 + 5 * (h - 7);
    }
    bands.push(actual, forecast);
    const point = new Float64Array(24);
    point[0] = 11; // nearest: the five forecasts of 10
    point[1] = 48; // nearest: the five forecasts of 50
    point[2] = 99; // nearest: the five of 50; the band is clipped at 100
    const [p10, p50, p90] = bands.quantiles(point, [0.1, 0.5, 0.9]);
    expect([p10[0], p50[0], p90[0]]).toEqual([11 - 1.6, 11, 11 + 1.6]);
    expect([p10[1], p50[1], p90[1]]).toEqual([48 - 8, 48, 48 + 8]);
    expect([p10[2], p50[2], p90[2]]).toEqual([91, 99, 100]);
    // a zero forecast (night) gets a zero band; NaN stays NaN
    expect([p10[3], p90[3]]).toEqual([0, 0]);
  });

  it('with a context, takes the neighbours of similar context among equal forecasts', () => {
    const bands = new LevelBands(10, 5);
    const forecast = new Float64Array(24).fill(1);
    const actual = new Float64Array(24);
    const context = new Float64Array(24);
    for (let h = 0; h < 24; h++) {
      // the same forecast; small errors where the context is 1 (dawn), large where it is 3 (noon)
      context[h] = h < 12 ? 1 : 3;
      actual[h] = h < 12 ? 1 + 0.01 * ((h % 5) - 2) : 1 + 0.5 * ((h % 5) - 2);
    }
    bands.push(actual, forecast, context);
    const point = new Float64Array(24).fill(1);
    const dawn = bands.quantiles(point, [0.1, 0.9], new Float64Array(24).fill(1));
    const noon = bands.quantiles(point, [0.1, 0.9], new Float64Array(24).fill(3));
    expect(dawn[1][0] - dawn[0][0]).toBeLessThan(0.05);
    expect(noon[1][0] - noon[0][0]).toBeGreaterThan(1);
  });

  it('forgets errors older than its window and gives NaN before it has any', () => {
    const bands = new LevelBands(2, 3);
    const point = new Float64Array(24).fill(5);
    expect(Number.isNaN(bands.quantiles(point, [0.5])[0][0])).toBe(true);
    const f = new Float64Array(24).fill(5);
    bands.push(new Float64Array(24).fill(105), f); // error +100
    bands.push(new Float64Array(24).fill(6), f); // error +1
    bands.push(new Float64Array(24).fill(7), f); // error +2: the +100 day is gone
    const [p50] = bands.quantiles(point, [0.5]);
    expect(p50[0]).toBeGreaterThanOrEqual(6);
    expect(p50[0]).toBeLessThanOrEqual(7);
  });
});
