import { describe, expect, it } from 'vitest';
import { backtestDayAhead } from './backtest-day-ahead.ts';
import { createNaiveModel } from './day-ahead-model.ts';
import { createDayAheadRegression } from './day-ahead-regression.ts';
import type { LoadProblem } from './load-problem.ts';
import { DAY_MS } from './time-series.ts';

/** Three years of synthetic hourly load driven by temperature, hour and weekday, with noise. */
function syntheticProblem(): LoadProblem {
  const days = 3 * 365;
  const n = days * 24;
  const load = new Float64Array(n);
  const temperature = new Float64Array(n);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296 - 0.5;
  };
  const startMs = Date.UTC(2010, 0, 1);
  for (let i = 0; i < n; i++) {
    const d = Math.floor(i / 24);
    const h = i % 24;
    const season = Math.cos((2 * Math.PI * d) / 365);
    const t = 55 - 25 * season + 8 * Math.sin((2 * Math.PI * (h - 9)) / 24) + 6 * noise();
    temperature[i] = t;
    const weekday = (new Date(startMs + d * DAY_MS).getUTCDay() + 6) % 7;
    const daily = 1 + 0.3 * Math.sin((Math.PI * h) / 24) * (weekday < 5 ? 1 : 0.7);
    load[i] = (1000 + 4 * (t - 60) ** 2) * daily * (1 + 0.02 * noise());
  }
  return { zone: 'synthetic', startMs, load, temperature, holidays: new Set() };
}

describe('day-ahead regression', () => {
  const problem = syntheticProblem();

  it('beats both naive baselines on a temperature-driven load by far, with calibrated bands', () => {
    const models = [
      createNaiveModel(problem, 'seasonal-naive', 7),
      createNaiveModel(problem, 'previous-day', 1),
      createDayAheadRegression(problem, { weather: 'actual' }),
    ];
    const { scores } = backtestDayAhead(problem, models, { fromDay: 2 * 365, toDay: 2 * 365 + 89 });
    const [seasonal, previous, regression] = scores;
    expect(regression.hours).toBe(90 * 24);
    expect(regression.mape).toBeLessThan(2);
    expect(regression.mase).toBeLessThan(0.5 * Math.min(seasonal.mase, previous.mase));
    expect(regression.coverageP10P90).toBeGreaterThan(0.65);
    expect(regression.coverageP10P90).toBeLessThan(0.95);
  });

  it('uses no data from the forecast day or later', () => {
    const model = createDayAheadRegression(problem, { weather: 'persistence' });
    const d = 800;
    model.start(d);
    const before = model.forecast(d);
    const altered: LoadProblem = {
      ...problem,
      load: problem.load.map((v, i) => (i >= d * 24 ? v * 3 : v)),
      temperature: problem.temperature.map((v, i) => (i >= d * 24 ? v + 30 : v)),
    };
    const other = createDayAheadRegression(altered, { weather: 'persistence' });
    other.start(d);
    expect(Array.from(other.forecast(d))).toEqual(Array.from(before));
  });
});
