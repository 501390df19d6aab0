/**
 * A day-ahead PV forecasting problem: hourly mean AC power (kW) on days that start at the site's
 * local standard-time midnight (the sun keeps no daylight-saving time, so every day has 24 hours),
 * and the weather at two sample instants per hour (quarter past and quarter to), linearly
 * interpolated from the weather series, with the sun's position and the irradiance split at each.
 * Missing power stays NaN; weather gaps are interpolated only between existing neighbours.
 */
import { findExtraterrestrialWm2, findSunPosition, splitGlobalIrradiance } from '../solar/index.ts';
import { DAY_MS, HOUR_MS, type RegularSeries } from './time-series.ts';

export const SAMPLES_PER_HOUR = 2;
const CLEAR_SKY_AIR_C = 20;

export interface PvLocation {
  readonly latDeg: number;
  readonly lonDeg: number;
  /** Local standard time = UTC + this (America/Denver: -420). */
  readonly standardOffsetMinutes: number;
}

export interface PvWeatherInput {
  readonly ghiWm2: RegularSeries;
  readonly tempAirC: RegularSeries;
  /** Clear-sky GHI, and optionally its DNI/DHI split (else the Erbs split of clear-sky GHI). */
  readonly ghiClearWm2: RegularSeries;
  readonly dniClearWm2?: RegularSeries;
  readonly dhiClearWm2?: RegularSeries;
}

export interface PvProblem {
  readonly name: string;
  readonly location: PvLocation;
  /** Instant of hour 0: a local standard-time midnight. */
  readonly startMs: number;
  /** Hourly mean AC power, kW (NaN = missing). */
  readonly powerKw: Float64Array;
  /** Per sample (SAMPLES_PER_HOUR per hour, at their midpoints): the sun, the skies, the air. */
  readonly sun: SunTable;
  /** The observed weather. */
  readonly sky: SkyTable;
  /** Clear-sky irradiance with a constant 20 degC air: known in advance, a geometry reference. */
  readonly clearSky: SkyTable;
}

/** Sun geometry per sample. */
export interface SunTable {
  readonly zenithDeg: Float64Array;
  readonly cosZenith: Float64Array;
  readonly sinZenith: Float64Array;
  readonly cosAzimuth: Float64Array;
  readonly sinAzimuth: Float64Array;
  readonly extraterrestrialWm2: Float64Array;
}

/** Weather per sample: global horizontal irradiance and its direct-normal / diffuse split, air temperature. */
export interface SkyTable {
  readonly ghiWm2: Float64Array;
  readonly dniWm2: Float64Array;
  readonly dhiWm2: Float64Array;
  readonly tempAirC: Float64Array;
}

export function createSkyTable(n: number): SkyTable {
  return {
    ghiWm2: new Float64Array(n),
    dniWm2: new Float64Array(n),
    dhiWm2: new Float64Array(n),
    tempAirC: new Float64Array(n),
  };
}

/** Number of whole days of a problem. */
export function countPvDays(problem: PvProblem): number {
  return Math.floor(problem.powerKw.length / 24);
}

/** Builds the problem from a power series (unit W or kW, any step dividing an hour) and weather. */
export function buildPvProblem(
  name: string,
  power: RegularSeries,
  weather: PvWeatherInput,
  location: PvLocation,
): PvProblem {
  const toKw = power.unit === 'W' ? 1e-3 : power.unit === 'kW' ? 1 : Number.NaN;
  if (Number.isNaN(toKw)) throw new Error(`buildPvProblem: power unit ${power.unit}: expected W or kW`);
  const offsetMs = location.standardOffsetMinutes * 60_000;
  const firstMidnight = Math.ceil((power.startMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  const perHour = HOUR_MS / power.stepMs;
  if (!Number.isInteger(perHour))
    throw new Error(`buildPvProblem: step ${power.stepMs} ms does not divide an hour`);
  const skip = Math.round((firstMidnight - power.startMs) / power.stepMs);
  // whole days: a last day cut short (at night, as a rule) is completed with missing values
  const hours = Math.ceil((power.values.length - skip) / perHour / 24) * 24;
  const powerKw = new Float64Array(Math.max(0, hours));
  for (let h = 0; h < hours; h++) {
    let sum = 0;
    let n = 0;
    for (let k = 0; k < perHour; k++) {
      const v = power.values[skip + h * perHour + k] ?? Number.NaN;
      if (!Number.isNaN(v)) {
        sum += Math.max(0, v);
        n++;
      }
    }
    powerKw[h] = n === perHour ? (sum / n) * toKw : Number.NaN;
  }
  const n = hours * SAMPLES_PER_HOUR;
  const sun: SunTable = {
    zenithDeg: new Float64Array(n),
    cosZenith: new Float64Array(n),
    sinZenith: new Float64Array(n),
    cosAzimuth: new Float64Array(n),
    sinAzimuth: new Float64Array(n),
    extraterrestrialWm2: new Float64Array(n),
  };
  const sky = createSkyTable(n);
  const clearSky = createSkyTable(n);
  clearSky.tempAirC.fill(CLEAR_SKY_AIR_C);
  const sampleStepMs = HOUR_MS / SAMPLES_PER_HOUR;
  const rad = Math.PI / 180;
  for (let s = 0; s < n; s++) {
    const ms = firstMidnight + s * sampleStepMs + sampleStepMs / 2;
    const position = findSunPosition(ms, location.latDeg, location.lonDeg);
    const e0 = findExtraterrestrialWm2(ms);
    sun.zenithDeg[s] = position.zenithDeg;
    sun.cosZenith[s] = Math.cos(position.zenithDeg * rad);
    sun.sinZenith[s] = Math.sin(position.zenithDeg * rad);
    sun.cosAzimuth[s] = Math.cos(position.azimuthDeg * rad);
    sun.sinAzimuth[s] = Math.sin(position.azimuthDeg * rad);
    sun.extraterrestrialWm2[s] = e0;
    const ghi = interpolateAt(weather.ghiWm2, ms);
    const split = splitGlobalIrradiance(ghi, position.zenithDeg, e0);
    sky.ghiWm2[s] = ghi;
    sky.dniWm2[s] = split.dniWm2;
    sky.dhiWm2[s] = split.dhiWm2;
    const ghiClear = interpolateAt(weather.ghiClearWm2, ms);
    const clearSplit =
      weather.dniClearWm2 && weather.dhiClearWm2
        ? {
            dniWm2: interpolateAt(weather.dniClearWm2, ms),
            dhiWm2: interpolateAt(weather.dhiClearWm2, ms),
          }
        : splitGlobalIrradiance(ghiClear, position.zenithDeg, e0);
    clearSky.ghiWm2[s] = ghiClear;
    clearSky.dniWm2[s] = clearSplit.dniWm2;
    clearSky.dhiWm2[s] = clearSplit.dhiWm2;
    sky.tempAirC[s] = interpolateAt(weather.tempAirC, ms);
  }
  return { name, location, startMs: firstMidnight, powerKw, sun, sky, clearSky };
}

/** Linear interpolation of a regular series at instant `ms`; NaN outside or next to a gap. */
export function interpolateAt(series: RegularSeries, ms: number): number {
  const x = (ms - series.startMs) / series.stepMs;
  const i = Math.floor(x);
  if (i < 0 || i >= series.values.length) return Number.NaN;
  const a = series.values[i];
  if (i + 1 >= series.values.length) return x === i ? a : Number.NaN;
  const w = x - i;
  return a + (series.values[i + 1] - a) * w;
}
