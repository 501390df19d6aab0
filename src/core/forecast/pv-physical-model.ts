/**
 * The physical PV model and the estimation of its site parameters from measured history:
 *   P_ac = min(clip, k * mean_samples[ POA_eff / 1000 * (1 + gamma (Tc - 25)) ])
 * with POA_eff the Hay-Davies plane-of-array irradiance after the incidence modifier, Tc the NOCT
 * cell temperature and gamma = -0.4 %/K (crystalline silicon). Unknown tilt, azimuth and scale k
 * (kW at 1000 W/m2 and 25 degC, i.e. the DC rating times inverter efficiency) are estimated by
 * least squares on daylight hours of the history: a grid over orientations with k in closed form,
 * then a pattern search from the best grid point; twice, the second time without hours whose
 * residual exceeds four robust standard deviations. Left out from the start: clipped hours and
 * days whose energy is below a fifth of what their irradiance suggests (outages, snow cover). The clip level is the 99.9th percentile of the measured hourly power.
 */
import { findCellTemperatureC, type PanelOrientation, planeOfArrayWm2 } from '../solar/index.ts';
import { type PvProblem, SAMPLES_PER_HOUR, type SkyTable } from './pv-problem.ts';
import { empiricalQuantile } from './residual-bands.ts';

const GAMMA_PER_K = -0.004;

export interface PvSiteParameters extends PanelOrientation {
  /** kW of AC output at 1000 W/m2 plane-of-array and 25 degC cell temperature. */
  readonly scaleKw: number;
  /** Highest hourly output seen (inverter limit), kW. */
  readonly clipKw: number;
  /** Hours used in the final fit and its RMSE, kW. */
  readonly fitHours: number;
  readonly fitRmseKw: number;
}

/** Model output per kW of scale for hour `h` (mean over its samples) under the skies `sky`. */
export function unitPowerAt(problem: PvProblem, h: number, panel: PanelOrientation, sky: SkyTable): number {
  const rad = Math.PI / 180;
  const cosTilt = Math.cos(panel.tiltDeg * rad);
  const sinTilt = Math.sin(panel.tiltDeg * rad);
  const cosAz = Math.cos(panel.azimuthDeg * rad);
  const sinAz = Math.sin(panel.azimuthDeg * rad);
  const sun = problem.sun;
  let sum = 0;
  for (let k = 0; k < SAMPLES_PER_HOUR; k++) {
    const s = h * SAMPLES_PER_HOUR + k;
    const poa = planeOfArrayWm2(
      sun.cosZenith[s],
      sun.sinZenith[s],
      sun.cosAzimuth[s],
      sun.sinAzimuth[s],
      sky.ghiWm2[s],
      sky.dniWm2[s],
      sky.dhiWm2[s],
      sun.extraterrestrialWm2[s],
      cosTilt,
      sinTilt,
      cosAz,
      sinAz,
    );
    const cell = findCellTemperatureC(sky.tempAirC[s], poa);
    sum += (poa / 1000) * (1 + GAMMA_PER_K * (cell - 25));
  }
  return sum / SAMPLES_PER_HOUR;
}

/** Clear-sky GHI of hour `h` (mean of its samples), W/m2: zero at night. */
export function clearSkyGhiAt(problem: PvProblem, h: number): number {
  let sum = 0;
  for (let k = 0; k < SAMPLES_PER_HOUR; k++) sum += problem.clearSky.ghiWm2[h * SAMPLES_PER_HOUR + k];
  return sum / SAMPLES_PER_HOUR;
}

interface Fit {
  panel: PanelOrientation;
  scale: number;
  sse: number;
}

function fitOrientation(problem: PvProblem, hours: readonly number[], panel: PanelOrientation): Fit {
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const h of hours) {
    const x = unitPowerAt(problem, h, panel, problem.sky);
    if (Number.isNaN(x)) continue;
    const y = problem.powerKw[h];
    sxy += x * y;
    sxx += x * x;
    syy += y * y;
  }
  const scale = sxx > 0 ? sxy / sxx : 0;
  return { panel, scale, sse: syy - scale * sxy };
}

function searchGrid(problem: PvProblem, hours: readonly number[], tilts: number[], azimuths: number[]): Fit {
  let best: Fit | undefined;
  for (const tiltDeg of tilts) {
    for (const azimuthDeg of tiltDeg === 0 ? [180] : azimuths) {
      const fit = fitOrientation(problem, hours, { tiltDeg, azimuthDeg });
      if (best === undefined || fit.sse < best.sse) best = fit;
    }
  }
  if (best === undefined) throw new Error('searchGrid: empty grid');
  return best;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(v);
  return out;
}

function searchOrientation(problem: PvProblem, hours: readonly number[], near?: PanelOrientation): Fit {
  const coarse = near
    ? searchGrid(
        problem,
        hours,
        range(Math.max(0, near.tiltDeg - 10), Math.min(90, near.tiltDeg + 10), 5),
        range(near.azimuthDeg - 20, near.azimuthDeg + 20, 10),
      )
    : searchGrid(problem, hours, range(0, 70, 5), range(70, 290, 10));
  return refineOrientation(problem, hours, coarse);
}

/** Pattern search from a grid point: steps of 4 degrees in tilt and azimuth, halved down to 1/8. */
function refineOrientation(problem: PvProblem, hours: readonly number[], start: Fit): Fit {
  let best = start;
  for (let step = 4; step >= 0.125; ) {
    let moved = false;
    for (const [dTilt, dAz] of [
      [step, 0],
      [-step, 0],
      [0, step],
      [0, -step],
    ]) {
      const tiltDeg = best.panel.tiltDeg + dTilt;
      if (tiltDeg < 0 || tiltDeg > 90) continue;
      const fit = fitOrientation(problem, hours, { tiltDeg, azimuthDeg: best.panel.azimuthDeg + dAz });
      if (fit.sse < best.sse) {
        best = fit;
        moved = true;
      }
    }
    if (!moved) step /= 2;
  }
  return best;
}

/**
 * Days whose measured energy is below a fifth of what their irradiance suggests (the median ratio
 * of measured energy to global irradiation over the days): outages, snow, a stuck logger.
 */
function findDeadDays(problem: PvProblem, hours: readonly number[]): Set<number> {
  const energy = new Map<number, { kwh: number; irradiation: number }>();
  for (const h of hours) {
    const day = Math.floor(h / 24);
    const e = energy.get(day) ?? { kwh: 0, irradiation: 0 };
    e.kwh += problem.powerKw[h];
    for (let k = 0; k < SAMPLES_PER_HOUR; k++) e.irradiation += problem.sky.ghiWm2[h * SAMPLES_PER_HOUR + k];
    energy.set(day, e);
  }
  const ratios = [...energy.values()]
    .filter((e) => e.irradiation > 0)
    .map((e) => e.kwh / e.irradiation)
    .sort((a, b) => a - b);
  const median = ratios.length > 0 ? empiricalQuantile(ratios, 0.5) : 0;
  const dead = new Set<number>();
  for (const [day, e] of energy) if (!(e.kwh / e.irradiation >= 0.2 * median)) dead.add(day);
  return dead;
}

/**
 * Estimates tilt, azimuth, scale and clip level from the hours [fromHour, toHour) of the history;
 * undefined when fewer than 100 usable daylight hours exist. Given an earlier estimate `near`, the
 * search starts from a local grid around it instead of the whole sky (a warm start).
 */
export function estimatePvSite(
  problem: PvProblem,
  fromHour: number,
  toHour: number,
  near?: PanelOrientation,
): PvSiteParameters | undefined {
  const daylight: number[] = [];
  const measured: number[] = [];
  for (let h = Math.max(0, fromHour); h < toHour; h++) {
    const y = problem.powerKw[h];
    if (Number.isNaN(y)) continue;
    measured.push(y);
    if (clearSkyGhiAt(problem, h) > 50) daylight.push(h);
  }
  if (daylight.length < 100) return undefined;
  measured.sort((a, b) => a - b);
  const clipKw = empiricalQuantile(measured, 0.999);
  const dead = findDeadDays(problem, daylight);
  const unclipped = daylight.filter(
    (h) => problem.powerKw[h] < 0.97 * clipKw && !dead.has(Math.floor(h / 24)),
  );
  const first = searchOrientation(problem, unclipped, near);
  const residuals = unclipped.map(
    (h) => problem.powerKw[h] - first.scale * unitPowerAt(problem, h, first.panel, problem.sky),
  );
  const sortedAbs = residuals.map(Math.abs).sort((a, b) => a - b);
  const robustSigma = 1.4826 * empiricalQuantile(sortedAbs, 0.5);
  const kept = unclipped.filter((_, i) => Math.abs(residuals[i]) <= 4 * robustSigma);
  const final = searchOrientation(problem, kept, first.panel);
  return {
    ...final.panel,
    scaleKw: final.scale,
    clipKw,
    fitHours: kept.length,
    fitRmseKw: Math.sqrt(Math.max(0, final.sse) / kept.length),
  };
}

/** Physical model output of hour `h` under the skies `sky` (all-sky, clear-sky or forecast), kW. */
export function physicalPowerKw(
  problem: PvProblem,
  h: number,
  site: PvSiteParameters,
  sky: SkyTable,
): number {
  return Math.min(site.clipKw, site.scaleKw * unitPowerAt(problem, h, site, sky));
}
