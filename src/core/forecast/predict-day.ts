/**
 * One day-ahead forecast with quantile bands, as it would be issued live: the model is started
 * `warmupDays` before the target day and driven day by day through the warm-up (forecast, record
 * the error in the bands, learn the actuals), then forecasts the target day; the bands of that day
 * come from the warm-up's errors only. Nothing on or after the target day is read.
 */
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
  model.start(first);
  for (let d = first; d < day; d++) {
    bands.push(actual.subarray(d * 24, d * 24 + 24), model.forecast(d), contextOf(d));
    model.observe(d);
  }
  const point = model.forecast(day);
  const [p10, p50, p90] = bands.quantiles(point, [0.1, 0.5, 0.9], contextOf(day));
  return { point, p10, p50, p90 };
}
