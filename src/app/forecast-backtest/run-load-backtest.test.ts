import { describe, expect, it } from 'vitest';
import type { RegularSeries } from '../../core/forecast/index.ts';
import type { LoadDataset } from '../ports.ts';
import { runLoadBacktest } from './index.ts';

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
    zones: [
      series('a', 'kW', (i) => 100 + (temp(i) - 50) ** 2 / 10 + 10 * Math.sin((2 * Math.PI * i) / 24)),
      series('b', 'kW', (i) => 50 + 5 * Math.cos((2 * Math.PI * i) / 24)),
    ],
    temperature: [series('station_1', 'degF', temp)],
    holidays: [],
  };
}

describe('runLoadBacktest', () => {
  it('scores every model on every zone and on the total', () => {
    const outcome = runLoadBacktest(dataset(400), {
      from: '2010-12-01',
      to: '2010-12-07',
      weather: 'actual',
    });
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const rows = outcome.report.results.map((r) => `${r.zone}/${r.model}`);
    expect(rows).toEqual([
      'a/default',
      'a/seasonal-naive',
      'a/previous-day',
      'b/default',
      'b/seasonal-naive',
      'b/previous-day',
      'total/default',
      'total/seasonal-naive',
      'total/previous-day',
    ]);
    for (const r of outcome.report.results) expect(r.hours).toBe(7 * 24);
  });

  it('refuses a --from without enough history, naming the earliest possible date', () => {
    const outcome = runLoadBacktest(dataset(400), {
      from: '2010-02-01',
      to: '2010-02-07',
      weather: 'actual',
    });
    expect(outcome).toEqual({
      ok: false,
      errors: [
        '--from 2010-02-01: the data starts on 2010-01-01 and the models need 116 days of history (training and a 56-day warm-up of the quantile bands); the earliest --from is 2010-04-27',
      ],
    });
  });

  it('refuses a --to after the data, and malformed dates', () => {
    expect(
      runLoadBacktest(dataset(400), { from: '2010-12-01', to: '2011-03-01', weather: 'actual' }),
    ).toEqual({
      ok: false,
      errors: ['--to 2011-03-01: the data ends on 2011-02-04'],
    });
    expect(runLoadBacktest(dataset(400), { from: '1 Dec', to: '2010-12-07', weather: 'actual' })).toEqual({
      ok: false,
      errors: ['--from 1 Dec: expected a date YYYY-MM-DD'],
    });
  });
});
