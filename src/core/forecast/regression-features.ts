/**
 * Features of the day-ahead regression for one target hour, after Hong's "vanilla" benchmark of
 * GEFCom2012 (trend, month, day type, a cubic in temperature interacting with month) with the
 * recency effect of Wang, Liu & Hong (2016): the moving average and lags of temperature, plus the
 * load of the same hour one day and one week earlier (known at the forecast origin), the first
 * interacting with the day type, the last load before the origin with its temperature (today's
 * level: a day that starts high stays high), with the temperature of that hour a day earlier (so the model can
 * take yesterday's weather out of yesterday's load), the day's extreme temperatures and a
 * temperature-by-day-type term. Holidays count as Sundays. One model per hour of day, so no
 * hour interactions are needed.
 *
 * Hong, Pinson & Fan (2014), Int. J. Forecasting 30(2); Wang, Liu & Hong (2016), Int. J.
 * Forecasting 32(3), "Electric load forecasting with recency effect: a big data approach".
 */
import { DAY_MS } from './time-series.ts';

export const FEATURE_COUNT = 84;

export interface FeatureScales {
  readonly loadScale: number;
  readonly tempMean: number;
  readonly tempStd: number;
}

export interface FeatureContext {
  readonly startMs: number;
  readonly load: Float64Array;
  readonly holidays: ReadonlySet<string>;
  readonly scales: FeatureScales;
  /**
   * Use the month and trend terms. They need a year of training data: with less, the months ahead
   * were never seen and the model would carry January's level and heating response into May.
   */
  readonly seasonal: boolean;
  /** Temperature at hour index j as seen by this forecast (actual or forecast). */
  readonly temperature: (j: number) => number;
}

/** Day type 0..6 = Monday..Sunday, holidays as Sunday. */
export function dayType(startMs: number, d: number, holidays: ReadonlySet<string>): number {
  const date = new Date(startMs + d * DAY_MS);
  if (holidays.has(date.toISOString().slice(0, 10))) return 6;
  return (date.getUTCDay() + 6) % 7;
}

/**
 * Writes the features of hour index `i` into `x`; returns false if one is missing (NaN input).
 */
export function buildFeatures(ctx: FeatureContext, i: number, x: Float64Array): boolean {
  const d = Math.floor(i / 24);
  const { scales } = ctx;
  const date = new Date(ctx.startMs + d * DAY_MS);
  const month = ctx.seasonal ? date.getUTCMonth() : 0; // 0..11; 0 turns the month terms off
  const type = dayType(ctx.startMs, d, ctx.holidays);
  const t = (ctx.temperature(i) - scales.tempMean) / scales.tempStd;
  let ma = 0;
  for (let k = 1; k <= 24; k++) ma += ctx.temperature(i - k);
  ma = (ma / 24 - scales.tempMean) / scales.tempStd;
  const lag1 = (ctx.temperature(i - 1) - scales.tempMean) / scales.tempStd;
  const lag2 = (ctx.temperature(i - 2) - scales.tempMean) / scales.tempStd;
  const lag3 = (ctx.temperature(i - 3) - scales.tempMean) / scales.tempStd;
  const lag24 = (ctx.temperature(i - 24) - scales.tempMean) / scales.tempStd;
  let dayMax = Number.NEGATIVE_INFINITY;
  let dayMin = Number.POSITIVE_INFINITY;
  for (let j = d * 24; j < d * 24 + 24; j++) {
    const v = ctx.temperature(j);
    if (v > dayMax) dayMax = v;
    if (v < dayMin) dayMin = v;
  }
  dayMax = (dayMax - scales.tempMean) / scales.tempStd;
  dayMin = (dayMin - scales.tempMean) / scales.tempStd;
  const l24 = i >= 24 ? ctx.load[i - 24] / scales.loadScale : Number.NaN;
  const l168 = i >= 168 ? ctx.load[i - 168] / scales.loadScale : Number.NaN;
  const origin = d * 24;
  const lLast = origin >= 1 ? ctx.load[origin - 1] / scales.loadScale : Number.NaN;
  const tLast = (ctx.temperature(origin - 1) - scales.tempMean) / scales.tempStd;

  x.fill(0);
  let k = 0;
  x[k++] = 1;
  x[k++] = ctx.seasonal ? (ctx.startMs + d * DAY_MS) / (365.25 * DAY_MS) - 30 : 0; // years since 2000
  if (month > 0) x[k + month - 1] = 1;
  k += 11;
  if (type < 6) x[k + type] = 1;
  k += 6;
  const t2 = t * t;
  const t3 = t2 * t;
  x[k++] = t;
  x[k++] = t2;
  x[k++] = t3;
  if (month > 0) {
    x[k + month - 1] = t;
    x[k + 11 + month - 1] = t2;
    x[k + 22 + month - 1] = t3;
  }
  k += 33;
  x[k++] = ma;
  x[k++] = ma * ma;
  x[k++] = ma * ma * ma;
  x[k++] = lag1;
  x[k++] = lag2;
  x[k++] = lag3;
  x[k + type] = l24;
  k += 7;
  x[k++] = l168;
  x[k++] = lag24;
  x[k++] = lag24 * lag24;
  x[k++] = lag24 * lag24 * lag24;
  x[k++] = dayMax;
  x[k++] = dayMax * dayMax;
  x[k++] = dayMin;
  x[k++] = dayMin * dayMin;
  if (type < 6) x[k + type] = t;
  k += 6;
  x[k++] = lLast;
  x[k++] = tLast;
  if (k !== FEATURE_COUNT) throw new Error(`buildFeatures wrote ${k} features, expected ${FEATURE_COUNT}`);
  for (let j = 0; j < k; j++) if (!Number.isFinite(x[j])) return false;
  return true;
}
