/**
 * Day-ahead forecasts with quantile bands, issued as they would be live: the model is started
 * `warmupDays` before the first day kept (or as soon as its history allows) and driven day by day
 * (forecast, bands from the errors recorded so far, record the day's error, learn its actuals);
 * the days from `fromDay` to `toDay` are kept. Nothing on or after a day is read to forecast it.
 * `predictDay` keeps one day and also tracks the warm-up's accuracy (what an operator would have seen).
 */
import { type AccuracySummary, AccuracyTracker } from './accuracy-tracker.ts';
import type { DayAheadModel } from './day-ahead-model.ts';

export interface DayBands {
  push(actual: ArrayLike<number>, forecast: ArrayLike<number>, context?: ArrayLike<number>): void;
  quantiles(point: ArrayLike<number>, levels: readonly number[], context?: ArrayLike<number>): Float64Array[];
}

export interface QuantileDays {
  readonly point: Float64Array;
  readonly p10: Float64Array;
  readonly p50: Float64Array;
  readonly p90: Float64Array;
}

export interface QuantileDay extends QuantileDays {
  readonly recent: AccuracySummary;
}

const LEVELS = [0.1, 0.5, 0.9] as const;

export function forecastDays(
  model: DayAheadModel,
  actual: Float64Array,
  bands: DayBands,
  options: {
    readonly fromDay: number;
    readonly toDay: number;
    readonly warmupDays: number;
    /** Per-hour context for the bands (e.g. PV clear-sky potential), aligned with `actual`. */
    readonly context?: Float64Array;
    /** Called after each day driven, with the day and its forecast and band (before learning it). */
    readonly onDay?: (day: number, forecast: Float64Array, p10: Float64Array, p90: Float64Array) => void;
  },
): QuantileDays {
  const { fromDay, toDay } = options;
  const n = (toDay - fromDay + 1) * 24;
  const out = {
    point: new Float64Array(n).fill(Number.NaN),
    p10: new Float64Array(n).fill(Number.NaN),
    p50: new Float64Array(n).fill(Number.NaN),
    p90: new Float64Array(n).fill(Number.NaN),
  };
  const first = Math.max(model.minHistoryDays, fromDay - options.warmupDays);
  model.start(first);
  for (let d = first; d <= toDay; d++) {
    const point = model.forecast(d);
    const context = options.context?.subarray(d * 24, d * 24 + 24);
    const [p10, p50, p90] = bands.quantiles(point, LEVELS, context);
    if (d >= fromDay) {
      const at = (d - fromDay) * 24;
      out.point.set(point, at);
      out.p10.set(p10, at);
      out.p50.set(p50, at);
      out.p90.set(p90, at);
    }
    options.onDay?.(d, point, p10, p90);
    if (d < toDay || d * 24 + 24 <= actual.length)
      bands.push(actual.subarray(d * 24, d * 24 + 24), point, context);
    model.observe(d);
  }
  return out;
}

export function predictDay(
  model: DayAheadModel,
  actual: Float64Array,
  day: number,
  bands: DayBands,
  options: { warmupDays: number; context?: Float64Array },
): QuantileDay {
  const tracker = new AccuracyTracker();
  const days = forecastDays(model, actual, bands, {
    fromDay: day,
    toDay: day,
    warmupDays: options.warmupDays,
    context: options.context,
    onDay: (d, forecast, p10, p90) => {
      if (d < day) tracker.record(d, actual.subarray(d * 24, d * 24 + 24), forecast, p10, p90);
    },
  });
  return { ...days, recent: tracker.summary() };
}
