/**
 * The default day-ahead PV model: the physical model of pv-physical-model.ts, with site parameters
 * re-estimated every 28 days from the last year before the origin (warm-started from the last estimate), corrected by a learned residual
 * model, a ridge regression without intercept refitted each day on the last 120 days:
 *   P = b1 Pw + b2 Pc + b3 Pw kc + b4 Pc kc + b5 Pc kc^2 + b6 Pc sin(sun azimuth)
 * where Pw is the physical output under the forecast weather, Pc under clear sky (20 degC), kc the
 * hour's clear-sky index of the forecast weather; clipped to [0, clip]. The last term lets the fit
 * absorb a morning/afternoon asymmetry (a timestamp convention, a shading obstacle).
 * Weather: `actual` uses the observed weather of the target day (a perfect weather forecast);
 * `persistence` uses only what is known at the origin: the previous day's clear-sky index applied
 * to the target day's clear sky (Erbs split) and the previous day's air temperature at the same time.
 * The regression is trained on the same kind of weather it is used with.
 */
import { splitGlobalIrradiance } from '../solar/index.ts';
import type { DayAheadModel } from './day-ahead-model.ts';
import { NormalEquations } from './dense-cholesky.ts';
import {
  clearSkyGhiAt,
  estimatePvSite,
  type PvSiteParameters,
  physicalPowerKw,
} from './pv-physical-model.ts';
import { createSkyTable, type PvProblem, SAMPLES_PER_HOUR, type SkyTable } from './pv-problem.ts';

const REFIT_SITE_DAYS = 28;
const SITE_HISTORY_DAYS = 365;
const RESIDUAL_WINDOW_DAYS = 120;
const N_FEATURES = 6;
const SAMPLES_PER_DAY = 24 * SAMPLES_PER_HOUR;

export interface PvModelOptions {
  readonly weather: 'actual' | 'persistence';
}

/** The sky known at each day's origin: yesterday's clear-sky index on today's clear sky. */
export function buildPersistenceSky(problem: PvProblem): SkyTable {
  const n = problem.sky.ghiWm2.length;
  const out = createSkyTable(n);
  const nDays = n / SAMPLES_PER_DAY;
  let kc = Number.NaN;
  for (let d = 0; d < nDays; d++) {
    if (d > 0) {
      let ghi = 0;
      let clear = 0;
      for (let s = (d - 1) * SAMPLES_PER_DAY; s < d * SAMPLES_PER_DAY; s++) {
        if (problem.clearSky.ghiWm2[s] > 0 && !Number.isNaN(problem.sky.ghiWm2[s])) {
          ghi += problem.sky.ghiWm2[s];
          clear += problem.clearSky.ghiWm2[s];
        }
      }
      if (clear > 0) kc = Math.min(1.2, ghi / clear);
    }
    for (let s = d * SAMPLES_PER_DAY; s < (d + 1) * SAMPLES_PER_DAY; s++) {
      const ghi = kc * problem.clearSky.ghiWm2[s];
      const split = splitGlobalIrradiance(ghi, problem.sun.zenithDeg[s], problem.sun.extraterrestrialWm2[s]);
      out.ghiWm2[s] = ghi;
      out.dniWm2[s] = split.dniWm2;
      out.dhiWm2[s] = split.dhiWm2;
      out.tempAirC[s] = d > 0 ? problem.sky.tempAirC[s - SAMPLES_PER_DAY] : Number.NaN;
    }
  }
  return out;
}

/** Features of hour `h` under `sky` into `x`; false at night (the forecast is then zero). */
function fillFeatures(
  problem: PvProblem,
  site: PvSiteParameters,
  sky: SkyTable,
  h: number,
  x: Float64Array,
): boolean {
  const clearGhi = clearSkyGhiAt(problem, h);
  if (!(clearGhi > 0)) return false;
  let ghi = 0;
  let sinAz = 0;
  for (let k = 0; k < SAMPLES_PER_HOUR; k++) {
    const s = h * SAMPLES_PER_HOUR + k;
    ghi += sky.ghiWm2[s] / SAMPLES_PER_HOUR;
    sinAz += problem.sun.sinAzimuth[s] / SAMPLES_PER_HOUR;
  }
  const kc = Math.min(1.5, Math.max(0, ghi / clearGhi));
  const pw = physicalPowerKw(problem, h, site, sky);
  const pc = physicalPowerKw(problem, h, site, problem.clearSky);
  x[0] = pw;
  x[1] = pc;
  x[2] = pw * kc;
  x[3] = pc * kc;
  x[4] = pc * kc * kc;
  x[5] = pc * sinAz;
  return true;
}

export function createPvDayAheadModel(problem: PvProblem, options: PvModelOptions): DayAheadModel {
  const sky = options.weather === 'actual' ? problem.sky : buildPersistenceSky(problem);
  let site: PvSiteParameters | undefined;
  let siteDay = Number.NEGATIVE_INFINITY;
  const beta = new Float64Array(N_FEATURES);
  const x = new Float64Array(N_FEATURES);
  let fitted = false;

  const refit = (d: number): void => {
    if (site === undefined || d - siteDay >= REFIT_SITE_DAYS) {
      site = estimatePvSite(problem, (d - SITE_HISTORY_DAYS) * 24, d * 24, site) ?? site;
      siteDay = d;
    }
    if (site === undefined) return;
    const sums = new NormalEquations(N_FEATURES);
    for (let h = Math.max(0, (d - RESIDUAL_WINDOW_DAYS) * 24); h < d * 24; h++) {
      const y = problem.powerKw[h];
      if (Number.isNaN(y) || !fillFeatures(problem, site, sky, h, x) || x.some(Number.isNaN)) continue;
      sums.update(x, y, 1);
    }
    fitted = sums.rows >= 10 * N_FEATURES && sums.solve(beta, 1e-6);
  };

  return {
    name: 'default',
    minHistoryDays: 14,
    start(firstDay) {
      refit(firstDay);
    },
    forecast(d) {
      refit(d);
      const out = new Float64Array(24).fill(Number.NaN);
      if (site === undefined) return out;
      for (let hour = 0; hour < 24; hour++) {
        const h = d * 24 + hour;
        if (!fillFeatures(problem, site, sky, h, x)) {
          out[hour] = 0;
          continue;
        }
        let y = x[0];
        if (fitted) {
          y = 0;
          for (let j = 0; j < N_FEATURES; j++) y += beta[j] * x[j];
        }
        out[hour] = Math.min(site.clipKw, Math.max(0, y));
      }
      return out;
    },
    observe() {},
  };
}
