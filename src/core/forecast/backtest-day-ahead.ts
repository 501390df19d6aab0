/**
 * Rolling-origin day-ahead backtest: for each day from `fromDay` to `toDay`, every model issues its
 * forecast at the day's local midnight from data strictly before it, then learns the day's actuals.
 * Quantile bands come from each model's own recent errors; a warm-up before `fromDay` (forecast but
 * not scored) fills them. Scores follow forecast-metrics.ts; MASE is scaled by the in-sample MAE of
 * the weekly seasonal naive on the data before `fromDay`.
 */
import type { DayAheadModel } from './day-ahead-model.ts';
import { intervalCoverage, pinballLoss, scorePoints, seasonalNaiveScale } from './forecast-metrics.ts';
import type { LoadProblem } from './load-problem.ts';
import { forecastDays } from './predict-day.ts';
import { ResidualBands } from './residual-bands.ts';

export const QUANTILE_LEVELS = [0.1, 0.5, 0.9] as const;

export interface BacktestScores {
  readonly model: string;
  readonly zone: string;
  readonly hours: number;
  readonly mape: number;
  readonly rmse: number;
  readonly mase: number;
  readonly pinball: number;
  readonly coverageP10P90: number;
}

export interface BacktestOutcome {
  readonly scores: BacktestScores[];
  /** Per model: point, p10, p50, p90 over the scored days (hourly, aligned with `actual`). */
  readonly forecasts: Map<
    string,
    { point: Float64Array; p10: Float64Array; p50: Float64Array; p90: Float64Array }
  >;
  readonly actual: Float64Array;
}

export interface BacktestOptions {
  readonly fromDay: number;
  readonly toDay: number;
  readonly warmupDays?: number;
  /** Called after each day with the number of days done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export function backtestDayAhead(
  problem: LoadProblem,
  models: readonly DayAheadModel[],
  options: BacktestOptions,
): BacktestOutcome {
  const warmup = options.warmupDays ?? 56;
  const { fromDay, toDay } = options;
  const nDays = toDay - fromDay + 1;
  const actual = problem.load.slice(fromDay * 24, (toDay + 1) * 24);
  const forecasts: BacktestOutcome['forecasts'] = new Map();
  const scale = seasonalNaiveScale(problem.load.subarray(0, fromDay * 24), 168);
  const scores: BacktestScores[] = [];
  const totalSteps = models.length * (nDays + warmup);
  let done = 0;
  for (const model of models) {
    done += Math.max(0, Math.max(model.minHistoryDays, fromDay - warmup) - (fromDay - warmup));
    const out = forecastDays(model, problem.load, new ResidualBands(), {
      fromDay,
      toDay,
      warmupDays: warmup,
      onDay: () => options.onProgress?.(++done, totalSteps),
    });
    forecasts.set(model.name, out);
    const points = scorePoints(actual, out.point);
    scores.push({
      model: model.name,
      zone: problem.zone,
      hours: points.n,
      mape: points.mape,
      rmse: points.rmse,
      mase: points.mae / scale,
      pinball: pinballLoss(actual, QUANTILE_LEVELS, [out.p10, out.p50, out.p90]),
      coverageP10P90: intervalCoverage(actual, out.p10, out.p90),
    });
  }
  return { scores, forecasts, actual };
}
