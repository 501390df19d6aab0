/**
 * A synthetic PV site for tests: clear sky from the Haurwitz model, daily clearness drawn from a
 * seeded generator, air temperature with a daily cycle, and power from the physical model of a
 * known panel (so that estimates can be checked against the truth).
 */
import { findSunPosition } from '../solar/index.ts';
import { type PvSiteParameters, physicalPowerKw } from './pv-physical-model.ts';
import { buildPvProblem, type PvProblem } from './pv-problem.ts';
import type { RegularSeries } from './time-series.ts';

export const TEST_LOCATION = { latDeg: 39.74, lonDeg: -105.18, standardOffsetMinutes: -420 } as const;
export const TEST_SITE: PvSiteParameters = {
  tiltDeg: 30,
  azimuthDeg: 200,
  scaleKw: 2.5,
  clipKw: 10,
  fitHours: 0,
  fitRmseKw: 0,
};

/** Park-Miller generator in [0, 1): deterministic for a seed. */
export function createRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

export function buildSyntheticPvProblem(days: number, seed = 7): PvProblem {
  const weatherStart = Date.UTC(2012, 0, 1, 7);
  const step = 1_800_000;
  const n = (days + 2) * 48;
  const clear = new Float64Array(n);
  const ghi = new Float64Array(n);
  const temp = new Float64Array(n);
  const random = createRandom(seed);
  let kc = 1;
  for (let i = 0; i < n; i++) {
    if (i % 48 === 0) kc = 0.3 + 0.7 * random();
    const ms = weatherStart + i * step;
    const cosZ = Math.cos(
      (findSunPosition(ms, TEST_LOCATION.latDeg, TEST_LOCATION.lonDeg).zenithDeg * Math.PI) / 180,
    );
    clear[i] = cosZ > 0 ? 1098 * cosZ * Math.exp(-0.057 / cosZ) : 0;
    ghi[i] = clear[i] * kc;
    temp[i] = 10 + 8 * Math.sin(((i % 48) / 48) * 2 * Math.PI - Math.PI / 2);
  }
  const series = (name: string, unit: string, values: Float64Array, startMs = weatherStart, stepMs = step) =>
    ({
      name,
      unit,
      startMs,
      stepMs,
      clock: { kind: 'zone', timeZone: 'America/Denver' },
      values,
    }) as RegularSeries;
  const power = series('ac_power', 'kW', new Float64Array(days * 96), weatherStart, 900_000);
  const problem = buildPvProblem(
    'pv',
    power,
    {
      ghiWm2: series('ghi', 'W/m2', ghi),
      tempAirC: series('t', 'degC', temp),
      ghiClearWm2: series('c', 'W/m2', clear),
    },
    TEST_LOCATION,
  );
  const powerKw = problem.powerKw.map((_, h) => physicalPowerKw(problem, h, TEST_SITE, problem.sky));
  return { ...problem, powerKw };
}
