/**
 * The default day-ahead load model: 24 linear regressions (one per hour of day) on the features of
 * regression-features.ts, fitted by ridge-regularised least squares over a rolling window of days.
 * The normal equations are running sums, so the daily update after each day's actuals (the
 * feedback loop) adds one day and drops the oldest: O(features^2) per hour instead of a refit.
 *
 * With less than a year of history at the first origin, the month and trend terms are left out
 * (see regression-features.ts), for the whole backtest.
 *
 * Weather: `actual` feeds the observed temperature of the target day (a perfect forecast, the usual
 * upper bound); `persistence` feeds yesterday's temperature at the same hour.
 */
import type { DayAheadModel } from './day-ahead-model.ts';
import { NormalEquations } from './dense-cholesky.ts';
import type { LoadProblem } from './load-problem.ts';
import {
  buildFeatures,
  FEATURE_COUNT,
  type FeatureContext,
  type FeatureScales,
} from './regression-features.ts';

export interface RegressionOptions {
  readonly weather: 'actual' | 'persistence';
  /** Days in the rolling training window (default 3 years). */
  readonly windowDays?: number;
}

export function createDayAheadRegression(problem: LoadProblem, options: RegressionOptions): DayAheadModel {
  const windowDays = options.windowDays ?? 1095;
  const hours = Array.from({ length: 24 }, () => new NormalEquations(FEATURE_COUNT));
  const beta = Array.from({ length: 24 }, () => new Float64Array(FEATURE_COUNT));
  const x = new Float64Array(FEATURE_COUNT);
  let scales: FeatureScales | undefined;
  let fitted = false;
  let firstTrainDay = 0;
  let seasonal = true;

  const actualTemperature = (j: number) => (j >= 0 ? problem.temperature[j] : Number.NaN);
  const context = (temperature: (j: number) => number): FeatureContext => ({
    startMs: problem.startMs,
    load: problem.load,
    holidays: problem.holidays,
    scales: scales!,
    seasonal,
    temperature,
  });
  const trainingContext = () => context(actualTemperature);

  const addDay = (d: number, sign: 1 | -1) => {
    const ctx = trainingContext();
    for (let h = 0; h < 24; h++) {
      const i = d * 24 + h;
      const y = problem.load[i];
      if (Number.isNaN(y) || !buildFeatures(ctx, i, x)) continue;
      hours[h].update(x, y / scales!.loadScale, sign);
    }
    fitted = false;
  };

  return {
    name: 'default',
    minHistoryDays: 60,
    start(firstDay) {
      scales = measureScales(problem, firstDay);
      firstTrainDay = Math.max(8, firstDay - windowDays);
      seasonal = firstDay - firstTrainDay >= 365;
      for (let d = firstTrainDay; d < firstDay; d++) addDay(d, 1);
    },
    forecast(d) {
      if (!fitted) {
        for (let h = 0; h < 24; h++) if (!hours[h].solve(beta[h])) beta[h].fill(Number.NaN);
        fitted = true;
      }
      const origin = d * 24;
      const temperature =
        options.weather === 'actual'
          ? actualTemperature
          : (j: number) =>
              j < origin
                ? actualTemperature(j)
                : actualTemperature(j - 24 * Math.ceil((j - origin + 1) / 24));
      const ctx = context(temperature);
      const out = new Float64Array(24);
      for (let h = 0; h < 24; h++) {
        if (!buildFeatures(ctx, origin + h, x)) {
          out[h] = Number.NaN;
          continue;
        }
        let y = 0;
        for (let k = 0; k < FEATURE_COUNT; k++) y += beta[h][k] * x[k];
        out[h] = y * scales!.loadScale;
      }
      return out;
    },
    observe(d) {
      addDay(d, 1);
      const leaving = d - windowDays;
      if (leaving >= firstTrainDay) addDay(leaving, -1);
    },
  };
}

/** Load and temperature scales from the data before the first forecast day only (no leakage). */
function measureScales(problem: LoadProblem, firstDay: number): FeatureScales {
  const end = Math.min(firstDay * 24, problem.load.length);
  let sumL = 0;
  let nL = 0;
  let sumT = 0;
  let sumT2 = 0;
  let nT = 0;
  for (let i = 0; i < end; i++) {
    const l = problem.load[i];
    if (!Number.isNaN(l)) {
      sumL += l;
      nL++;
    }
    const t = problem.temperature[i];
    if (!Number.isNaN(t)) {
      sumT += t;
      sumT2 += t * t;
      nT++;
    }
  }
  const tempMean = sumT / nT;
  const tempStd = Math.sqrt(Math.max(sumT2 / nT - tempMean * tempMean, 1e-12));
  return { loadScale: nL > 0 && sumL !== 0 ? Math.abs(sumL / nL) : 1, tempMean, tempStd };
}
