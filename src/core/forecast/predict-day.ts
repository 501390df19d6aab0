/**
 * One day-ahead forecast with quantile bands, as it would be issued live: the model is started
 * `warmupDays` before the target day and driven day by day through the warm-up (forecast, record
 * the error in the bands, learn the actuals), then forecasts the target day; the bands of that day
 * come from the warm-up's errors only, and the warm-up's accuracy is tracked day by day (what an
 * operator would have seen). Nothing on or after the target day is read.
 */
import { type AccuracySummary, AccuracyTracker } from './accuracy-tracker.ts';
import type { DayAheadModel } from './day-ahead-model.ts';

export interface DayBands {
  push(actual: ArrayLike<number>, forecast: ArrayLike<number>, context?: ArrayLike<number>): void;
  quantiles(point: ArrayLike<number>, levels: readonly number[], context?: ArrayLike<number>): Float64Array[];
}

export interface QuantileDay {
  readonly point: Float64Array;
  readonly p10: Float64Array;
  readonly p50: Float64Array;
  readonly p90: Float64Array;
  /** How the model did over the warm-up days (the operation's view of recent accuracy). */
  readonly recent: AccuracySummary;
}

export function predictDay(
  model: DayAheadModel,
  actual: Float64Array,
  day: number,
  bands: DayBands,
  options: { warmupDays: number; context?: Float64Array },
): QuantileDay {
  const first = Math.max(model.minHistoryDays, day - options.warmupDays);
  const contextOf = (d: number) => options.context?.subarray(d * 24, d * 24 + 24);
  const tracker = new AccuracyTracker();
  model.start(first);
  for (let d = first; d < day; d++) {
    const forecast = model.forecast(d);
    const dayActual = actual.subarray(d * 24, d * 24 + 24);
    const [lower, upper] = bands.quantiles(forecast, [0.1, 0.9], contextOf(d));
    tracker.record(d, dayActual, forecast, lower, upper);
    bands.push(dayActual, forecast, contextOf(d));
    model.observe(d);
  }
  const point = model.forecast(day);
  const [p10, p50, p90] = bands.quantiles(point, [0.1, 0.5, 0.9], contextOf(day));
  return { point, p10, p50, p90, recent: tracker.summary() };
}
