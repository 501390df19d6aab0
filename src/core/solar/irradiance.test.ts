import { describe, expect, it } from 'vitest';
import {
  findCellTemperatureC,
  findExtraterrestrialWm2,
  findPlaneOfArrayWm2,
  splitGlobalIrradiance,
} from './index.ts';

describe('splitGlobalIrradiance (Erbs)', () => {
  it('follows the Erbs diffuse fraction in each of its three ranges and conserves GHI', () => {
    const e0 = 1361;
    for (const [kt, fraction] of [
      [0.1, 1 - 0.009],
      [0.5, 0.9511 - 0.1604 * 0.5 + 4.388 * 0.25 - 16.638 * 0.125 + 12.336 * 0.0625],
      [0.85, 0.165],
    ]) {
      const zenithDeg = 30;
      const cosZ = Math.cos((zenithDeg * Math.PI) / 180);
      const ghi = kt * e0 * cosZ;
      const { dniWm2, dhiWm2 } = splitGlobalIrradiance(ghi, zenithDeg, e0);
      expect(dhiWm2 / ghi).toBeCloseTo(fraction, 10);
      expect(dniWm2 * cosZ + dhiWm2).toBeCloseTo(ghi, 9);
    }
  });

  it('gives no beam with the sun at or below the horizon', () => {
    expect(splitGlobalIrradiance(20, 89, 1361)).toEqual({ dniWm2: 0, dhiWm2: 20 });
    expect(splitGlobalIrradiance(0, 100, 1361)).toEqual({ dniWm2: 0, dhiWm2: 0 });
  });
});

describe('findPlaneOfArrayWm2', () => {
  const sky = { ghiWm2: 800, dniWm2: 700, dhiWm2: 100, extraterrestrialWm2: 1361 };
  it('equals GHI on a flat panel with the sun at the zenith', () => {
    const poa = findPlaneOfArrayWm2(
      { ...sky, zenithDeg: 0, sunAzimuthDeg: 180 },
      { tiltDeg: 0, azimuthDeg: 180 },
    );
    expect(poa).toBeCloseTo(800, 9);
  });

  it('is highest on the panel that faces the sun and lowest on the one that turns away', () => {
    const sun = { ...sky, zenithDeg: 40, sunAzimuthDeg: 200 };
    const facing = findPlaneOfArrayWm2(sun, { tiltDeg: 40, azimuthDeg: 200 });
    const away = findPlaneOfArrayWm2(sun, { tiltDeg: 40, azimuthDeg: 20 });
    const flat = findPlaneOfArrayWm2(sun, { tiltDeg: 0, azimuthDeg: 180 });
    expect(facing).toBeGreaterThan(flat);
    expect(flat).toBeGreaterThan(away);
    // facing: the whole beam at normal incidence (IAM 1) plus circumsolar and isotropic diffuse and ground
    const ai = 700 / 1361;
    const rb = 1 / Math.cos((40 * Math.PI) / 180);
    const cosB = Math.cos((40 * Math.PI) / 180);
    const expected = 700 + 100 * (ai * rb + (1 - ai) * (1 + cosB) * 0.5) + 800 * 0.2 * (1 - cosB) * 0.5;
    expect(facing).toBeCloseTo(expected, 9);
  });

  it('is zero at night', () => {
    expect(
      findPlaneOfArrayWm2({ ...sky, zenithDeg: 95, sunAzimuthDeg: 0 }, { tiltDeg: 30, azimuthDeg: 180 }),
    ).toBe(0);
  });
});

describe('findExtraterrestrialWm2 and findCellTemperatureC', () => {
  it('is highest in early January (perihelion) and lowest in early July', () => {
    const jan = findExtraterrestrialWm2(Date.UTC(2012, 0, 3));
    const jul = findExtraterrestrialWm2(Date.UTC(2012, 6, 4));
    expect(jan).toBeCloseTo(1361 * 1.033, 0);
    expect(jul).toBeCloseTo(1361 * 0.967, 0);
  });

  it('heats the cell 31.25 K above the air at 1000 W/m2 (NOCT 45)', () => {
    expect(findCellTemperatureC(10, 1000)).toBeCloseTo(41.25, 12);
  });
});
