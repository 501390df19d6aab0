import { describe, expect, it } from 'vitest';
import { downsampleVoltages } from './voltage-heat-map.ts';

describe('downsampleVoltages', () => {
  const times = [0, 1, 2, 3, 4];
  it('keeps the value farthest from 1.0 p.u. of each column, a dip or a rise', () => {
    // Two rows of 5 intervals into columns of 2 intervals (3 columns).
    const values = [0.97, 0.93, 1.06, 1.0, 0.99, 1.01, 1.02, Number.NaN, Number.NaN, Number.NaN];
    const grid = downsampleVoltages(times, values, 2, 3);
    expect(grid.intervalsPerColumn).toBe(2);
    expect(Array.from(grid.timesMs)).toEqual([0, 2, 4]);
    expect(Array.from(grid.values)).toEqual([0.93, 1.06, 0.99, 1.02, Number.NaN, Number.NaN]);
  });

  it('leaves a short run as it is', () => {
    const values = [0.97, 0.93, 1.06, 1.0, 0.99];
    const grid = downsampleVoltages(times, values, 1, 400);
    expect(grid.intervalsPerColumn).toBe(1);
    expect(Array.from(grid.values)).toEqual(values);
  });
});
