import { describe, expect, it } from 'vitest';
import { createLagModel } from './day-ahead-model.ts';
import { backtestPv, estimatePvCapacityKw } from './pv-backtest.ts';
import { createPvDayAheadModel } from './pv-day-ahead-model.ts';
import { buildSyntheticPvProblem } from './pv-test-support.ts';

describe('backtestPv', () => {
  const problem = buildSyntheticPvProblem(130);

  it('scores daylight hours; the physical model beats persistence on a site it can explain', () => {
    const models = [
      createPvDayAheadModel(problem, { weather: 'actual' }),
      createLagModel(problem.powerKw, 'previous-day', 1),
    ];
    const { scores } = backtestPv(problem, models, { fromDay: 100, toDay: 129, warmupDays: 20 });
    const [model, persistence] = scores;
    expect(model.hours).toBeGreaterThan(30 * 9);
    expect(model.hours).toBeLessThan(30 * 16);
    expect(model.nrmse).toBeLessThan(0.01);
    expect(persistence.nrmse).toBeGreaterThan(0.1);
    expect(model.capacityKw).toBeCloseTo(estimatePvCapacityKw(problem, 100), 12);
  });

  it('uses no data from on or after the origin: changing the future leaves the forecast unchanged', () => {
    const run = (powerKw: Float64Array, weather: 'actual' | 'persistence') => {
      const p = { ...problem, powerKw };
      const out = backtestPv(p, [createPvDayAheadModel(p, { weather })], {
        fromDay: 100,
        toDay: 110,
        warmupDays: 20,
      });
      return out.forecasts.get('default')?.point.slice(0, 24);
    };
    const changed = problem.powerKw.slice();
    for (let h = 100 * 24; h < changed.length; h++) changed[h] *= 0.5;
    for (const weather of ['actual', 'persistence'] as const) {
      expect(run(changed, weather)).toEqual(run(problem.powerKw, weather));
    }
  });

  it("with persistence weather, the target day's observed weather is not used", () => {
    const forecastDay100 = (ghiWm2: Float64Array) => {
      const p = { ...problem, sky: { ...problem.sky, ghiWm2 } };
      const out = backtestPv(p, [createPvDayAheadModel(p, { weather: 'persistence' })], {
        fromDay: 100,
        toDay: 100,
        warmupDays: 5,
      });
      return out.forecasts.get('default')?.point;
    };
    const changed = problem.sky.ghiWm2.slice();
    for (let s = 100 * 48; s < changed.length; s++) changed[s] *= 0.3;
    expect(forecastDay100(changed)).toEqual(forecastDay100(problem.sky.ghiWm2));
  });

  it("with persistence weather, a day is forecast from the previous day's clearness", () => {
    const p = buildSyntheticPvProblem(40);
    const out = backtestPv(p, [createPvDayAheadModel(p, { weather: 'persistence' })], {
      fromDay: 30,
      toDay: 39,
      warmupDays: 5,
    });
    const actualScore = backtestPv(p, [createPvDayAheadModel(p, { weather: 'actual' })], {
      fromDay: 30,
      toDay: 39,
      warmupDays: 5,
    });
    // the synthetic clearness changes every day at random: persistence must be clearly worse
    expect(out.scores[0].nrmse).toBeGreaterThan(5 * actualScore.scores[0].nrmse);
  });
});
