/**
 * Rolling-origin day-ahead backtest of PV models: for each day from `fromDay` to `toDay` every
 * model forecasts the day's 24 hourly means at the local (standard-time) midnight from data
 * strictly before it; quantile bands come from each model's errors of the 56 days before, by
 * forecast level and clear-sky potential of the hour (level-bands.ts), filled by a warm-up that is
 * forecast but not scored. Scored are the
 * daylight hours (clear-sky irradiance above zero) with a measured value:
 *   nRMSE = RMSE / capacity,  MAE,  pinball over P10/P50/P90,  P10-P90 coverage,
 * where capacity is the 99th percentile of the daily maxima of hourly power before `fromDay`.
 */
import type { DayAheadModel } from './day-ahead-model.ts';
import { intervalCoverage, pinballLoss, scorePoints } from './forecast-metrics.ts';
import { LevelBands } from './level-bands.ts';
import { forecastDays } from './predict-day.ts';
import { clearSkyGhiAt } from './pv-physical-model.ts';
import type { PvProblem } from './pv-problem.ts';
import { empiricalQuantile } from './residual-bands.ts';

const LEVELS = [0.1, 0.5, 0.9] as const;

export interface PvBacktestScores {
  readonly model: string;
  readonly zone: string;
  /** Daylight hours scored. */
  readonly hours: number;
  readonly capacityKw: number;
  readonly nrmse: number;
  readonly maeKw: number;
  readonly rmseKw: number;
  readonly pinballKw: number;
  readonly coverageP10P90: number;
}

export interface PvBacktestOutcome {
  readonly scores: PvBacktestScores[];
  readonly forecasts: Map<
    string,
    { point: Float64Array; p10: Float64Array; p50: Float64Array; p90: Float64Array }
  >;
  /** Measured hourly power of the scored days (NaN at night and where missing). */
  readonly actual: Float64Array;
}

/** 99th percentile of the daily maxima of hourly power over days [0, beforeDay); NaN if none. */
export function estimatePvCapacityKw(problem: PvProblem, beforeDay: number): number {
  const maxima: number[] = [];
  for (let d = 0; d < beforeDay; d++) {
    let max = Number.NaN;
    for (let h = d * 24; h < d * 24 + 24; h++) {
      const v = problem.powerKw[h];
      if (!Number.isNaN(v) && !(v <= max)) max = v;
    }
    if (!Number.isNaN(max)) maxima.push(max);
  }
  if (maxima.length === 0) return Number.NaN;
  return empiricalQuantile(
    maxima.sort((a, b) => a - b),
    0.99,
  );
}

/** Each hour's clear-sky potential (capacity at 1000 W/m2 global horizontal), kW: the bands' context. */
export function findClearSkyPotentialKw(problem: PvProblem, capacityKw: number): Float64Array {
  return problem.powerKw.map((_, h) => (capacityKw * clearSkyGhiAt(problem, h)) / 1000);
}

export function backtestPv(
  problem: PvProblem,
  models: readonly DayAheadModel[],
  options: {
    fromDay: number;
    toDay: number;
    warmupDays?: number;
    onProgress?: (done: number, total: number) => void;
  },
): PvBacktestOutcome {
  const warmup = options.warmupDays ?? 56;
  const { fromDay, toDay } = options;
  const nDays = toDay - fromDay + 1;
  const capacityKw = estimatePvCapacityKw(problem, fromDay);
  const actual = problem.powerKw.slice(fromDay * 24, (toDay + 1) * 24);
  for (let i = 0; i < actual.length; i++) {
    if (!(clearSkyGhiAt(problem, fromDay * 24 + i) > 0)) actual[i] = Number.NaN;
  }
  const potential = findClearSkyPotentialKw(problem, capacityKw);
  const forecasts: PvBacktestOutcome['forecasts'] = new Map();
  const scores: PvBacktestScores[] = [];
  const total = models.length * (nDays + warmup);
  let done = 0;
  for (const model of models) {
    done += Math.max(model.minHistoryDays, fromDay - warmup) - (fromDay - warmup);
    const out = forecastDays(model, problem.powerKw, new LevelBands(56, 150, 0, capacityKw * 1.2), {
      fromDay,
      toDay,
      warmupDays: warmup,
      context: potential,
      onDay: () => options.onProgress?.(++done, total),
    });
    forecasts.set(model.name, out);
    const points = scorePoints(actual, out.point);
    scores.push({
      model: model.name,
      zone: problem.name,
      hours: points.n,
      capacityKw,
      nrmse: points.rmse / capacityKw,
      maeKw: points.mae,
      rmseKw: points.rmse,
      pinballKw: pinballLoss(actual, LEVELS, [out.p10, out.p50, out.p90]),
      coverageP10P90: intervalCoverage(actual, out.p10, out.p90),
    });
  }
  return { scores, forecasts, actual };
}
