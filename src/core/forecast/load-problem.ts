/**
 * A day-ahead load forecasting problem for one zone: hourly load and temperature on local wall
 * time (each day 24 values from local midnight) and the holidays. Finer series are averaged to
 * hours first; a missing value stays NaN and is never filled in.
 */
import { DAY_MS, HOUR_MS, type RegularSeries } from './time-series.ts';

export interface LoadProblem {
  readonly zone: string;
  /** Local wall time of load[0] as if UTC; a local midnight. */
  readonly startMs: number;
  /** Hourly load (NaN = missing). */
  readonly load: Float64Array;
  /** Hourly temperature aligned with `load` (NaN = missing). */
  readonly temperature: Float64Array;
  /** Local dates ('YYYY-MM-DD') of holidays. */
  readonly holidays: ReadonlySet<string>;
}

/** Local wall time of the first value of `series` as if UTC (its instants shifted by the offset). */
export function wallStartMs(series: RegularSeries): number {
  const clock = series.clock;
  if (clock.kind === 'wall') return series.startMs;
  if (clock.kind === 'fixed-offset') return series.startMs + clock.offsetMinutes * 60_000;
  throw new Error(`wallStartMs: series ${series.name} has a daylight-saving clock; convert it first`);
}

/**
 * Hourly means of a regular series on wall time, starting at the first local midnight. An hour is
 * NaN unless at least half of its values exist.
 */
export function toHourlyWall(series: RegularSeries): { startMs: number; values: Float64Array } {
  const start = wallStartMs(series);
  const perHour = HOUR_MS / series.stepMs;
  if (!Number.isInteger(perHour) || perHour < 1) {
    throw new Error(`toHourlyWall: step ${series.stepMs} ms does not divide an hour`);
  }
  const firstMidnight = Math.ceil(start / DAY_MS) * DAY_MS;
  const skip = Math.round((firstMidnight - start) / series.stepMs);
  const hours = Math.floor((series.values.length - skip) / perHour);
  const values = new Float64Array(Math.max(0, hours));
  for (let h = 0; h < hours; h++) {
    let sum = 0;
    let n = 0;
    for (let k = 0; k < perHour; k++) {
      const v = series.values[skip + h * perHour + k];
      if (!Number.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    values[h] = n * 2 >= perHour ? sum / n : Number.NaN;
  }
  return { startMs: firstMidnight, values };
}

/** Local date key 'YYYY-MM-DD' of day `d` of a problem. */
export function dateKey(startMs: number, d: number): string {
  return new Date(startMs + d * DAY_MS).toISOString().slice(0, 10);
}
