import { describe, expect, it } from 'vitest';
import { estimatePvSite, physicalPowerKw } from './pv-physical-model.ts';
import { buildSyntheticPvProblem, TEST_SITE } from './pv-test-support.ts';

describe('estimatePvSite', () => {
  const problem = buildSyntheticPvProblem(120);

  it('recovers tilt, azimuth and scale of the panel that made the power', () => {
    const site = estimatePvSite(problem, 0, problem.powerKw.length);
    if (site === undefined) throw new Error('no estimate');
    expect(site.tiltDeg).toBeCloseTo(TEST_SITE.tiltDeg, 1);
    expect(site.azimuthDeg).toBeCloseTo(TEST_SITE.azimuthDeg, 1);
    expect(site.scaleKw).toBeCloseTo(TEST_SITE.scaleKw, 6);
    expect(site.fitRmseKw).toBeLessThan(1e-6);
  });

  it('is not fooled by an outage: days of zero output are left out of the fit', () => {
    const powerKw = problem.powerKw.slice();
    powerKw.fill(0, 10 * 24, 30 * 24);
    const site = estimatePvSite({ ...problem, powerKw }, 0, powerKw.length);
    expect(site?.tiltDeg).toBeCloseTo(TEST_SITE.tiltDeg, 1);
    expect(site?.azimuthDeg).toBeCloseTo(TEST_SITE.azimuthDeg, 1);
    expect(site?.scaleKw).toBeCloseTo(TEST_SITE.scaleKw, 2);
  });

  it('warm-started from a nearby orientation, finds the same answer', () => {
    const site = estimatePvSite(problem, 0, problem.powerKw.length, { tiltDeg: 38, azimuthDeg: 185 });
    expect(site?.tiltDeg).toBeCloseTo(TEST_SITE.tiltDeg, 1);
    expect(site?.azimuthDeg).toBeCloseTo(TEST_SITE.azimuthDeg, 1);
  });

  it('needs 100 daylight hours', () => {
    expect(estimatePvSite(problem, 0, 24 * 5)).toBeUndefined();
  });
});

describe('physicalPowerKw', () => {
  it('is zero at night and peaks near solar noon', () => {
    const problem = buildSyntheticPvProblem(3);
    const day = Array.from({ length: 24 }, (_, h) =>
      physicalPowerKw(problem, 24 + h, TEST_SITE, problem.clearSky),
    );
    expect(day[0]).toBe(0);
    expect(day[23]).toBe(0);
    const peak = day.indexOf(Math.max(...day));
    expect(peak).toBeGreaterThanOrEqual(11); // local standard time; the panel faces 20 deg west of south
    expect(peak).toBeLessThanOrEqual(13);
  });
});
