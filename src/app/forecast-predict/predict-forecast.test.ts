import { describe, expect, it } from 'vitest';
import type { RegularSeries } from '../../core/forecast/index.ts';
import type { LoadDataset } from '../ports.ts';
import { buildForecastChart, predictForecast } from './index.ts';

function dataset(days: number): LoadDataset {
  const n = days * 24;
  const startMs = Date.UTC(2010, 0, 1);
  const series = (name: string, unit: string, f: (i: number) => number): RegularSeries => ({
    name,
    unit,
    startMs,
    stepMs: 3_600_000,
    clock: { kind: 'wall' },
    values: Float64Array.from({ length: n }, (_, i) => f(i)),
  });
  const temp = (i: number) =>
    50 + 20 * Math.sin((2 * Math.PI * i) / (24 * 365)) + 5 * Math.sin((2 * Math.PI * i) / 24);
  return {
    kind: 'load',
    name: 'synthetic',
    zones: [series('a', 'kW', (i) => 100 + (temp(i) - 50) ** 2 / 10 + 10 * Math.sin((2 * Math.PI * i) / 24))],
    temperature: [series('station_1', 'degF', temp)],
    holidays: [],
  };
}

describe('predictForecast', () => {
  const data = dataset(200);

  it('forecasts the day at --at with ordered quantiles, the actuals where known and a week of history', () => {
    const outcome = predictForecast(data, { at: '2010-07-01', horizonHours: 12, weather: 'actual' });
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const [zone] = outcome.prediction.zones;
    expect(zone.timesMs.length).toBe(12);
    expect(zone.timesMs[0]).toBe(Date.UTC(2010, 6, 1));
    expect(zone.history.values.length).toBe(7 * 24);
    expect(zone.history.timesMs[zone.history.timesMs.length - 1]).toBe(Date.UTC(2010, 5, 30, 23));
    for (let h = 0; h < 12; h++) {
      expect(zone.p10[h]).toBeLessThanOrEqual(zone.p50[h]);
      expect(zone.p50[h]).toBeLessThanOrEqual(zone.p90[h]);
      expect(Math.abs(zone.p50[h] - zone.actual[h]) / zone.actual[h]).toBeLessThan(0.05);
    }
    const chart = buildForecastChart(outcome.prediction, zone);
    expect(chart.series.map((s) => s.kind)).toEqual(['band', 'line', 'line', 'line']);
    expect(chart.markers?.[0].atMs).toBe(zone.timesMs[0]);
  });

  it('forecasts the day after the data with persistence weather, and refuses actual weather there', () => {
    const after = predictForecast(data, { at: '2010-07-20', horizonHours: 24, weather: 'persistence' });
    if (!after.ok) throw new Error(after.errors.join('\n'));
    const [zone] = after.prediction.zones;
    expect(zone.p50.every(Number.isFinite)).toBe(true);
    expect(zone.actual.every(Number.isNaN)).toBe(true);
    const actual = predictForecast(data, { at: '2010-07-20', horizonHours: 24, weather: 'actual' });
    expect(actual.ok).toBe(false);
  });

  it('explains what --at and --horizon must be', () => {
    const errors = (at: string, horizonHours = 24) => {
      const o = predictForecast(data, { at, horizonHours, weather: 'persistence' });
      return o.ok ? [] : o.errors;
    };
    expect(errors('2010-07-01T06:00')[0]).toMatch(/expected a local midnight/);
    expect(errors('2010-07-01', 48)[0]).toMatch(/expected 1h to 24h/);
    expect(errors('2010-02-01')[0]).toMatch(/the earliest --at is 2010-04-27/);
    expect(errors('2010-08-01')[0]).toMatch(/the data ends on 2010-07-19; the latest --at is 2010-07-20/);
  });
});
