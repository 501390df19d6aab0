/**
 * Time series of the forecasting core: regular series with an explicit resolution and clock, and
 * the clocks the datasets use (local wall time without offset, a fixed UTC offset, or an IANA
 * time zone with daylight saving). Timestamps are epoch milliseconds; values are Float64Array with
 * NaN for a missing value (never silently filled).
 */

/**
 * How a series' timestamps relate to local time:
 * - `wall`: local wall-clock time without offset, stored as if it were UTC (GEFCom2012: 24 hours
 *   every day, daylight saving already normalised by the publisher);
 * - `fixed-offset`: true instants, local time = UTC + offsetMinutes (Tetouan: +60);
 * - `zone`: true instants, local time from an IANA zone with daylight saving (America/Denver).
 */
export type SeriesClock =
  | { readonly kind: 'wall' }
  | { readonly kind: 'fixed-offset'; readonly offsetMinutes: number }
  | { readonly kind: 'zone'; readonly timeZone: string };

export interface RegularSeries {
  readonly name: string;
  /** Unit of the values as published (e.g. 'kW', 'degF', 'W/m2'). */
  readonly unit: string;
  /** Timestamp of values[0]: an instant in epoch ms, or wall time as if UTC for `wall` clocks. */
  readonly startMs: number;
  /** Resolution in milliseconds (3_600_000 for hourly). */
  readonly stepMs: number;
  readonly clock: SeriesClock;
  /** One value per step; NaN marks a missing value. */
  readonly values: Float64Array;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Timestamp of value `i`. */
export function timeAt(series: RegularSeries, i: number): number {
  return series.startMs + i * series.stepMs;
}

/** Index of the value at timestamp `ms` (may be out of range or fractional if off-grid). */
export function indexAt(series: RegularSeries, ms: number): number {
  return (ms - series.startMs) / series.stepMs;
}
