import { describe, expect, it } from 'vitest';
import { findSunPosition } from './index.ts';

// Golden, Colorado (NREL): on the June solstice the noon altitude is 90 - 39.7406 + 23.44 = 73.70 deg
// (plus 0.005 deg refraction); solar noon is near 12:00 + 105.1775/15 h - equation of time
// (-1.6 min on 20 June 2012) = 19:02:20 UTC.
const LAT = 39.7406;
const LON = -105.1775;

function highestOfDay(dayUtcMs: number): { ms: number; zenithDeg: number; azimuthDeg: number } {
  let best = { ms: 0, zenithDeg: 180, azimuthDeg: 0 };
  for (let m = 0; m < 24 * 60; m++) {
    const ms = dayUtcMs + m * 60_000;
    const p = findSunPosition(ms, LAT, LON);
    if (p.zenithDeg < best.zenithDeg) best = { ms, ...p };
  }
  return best;
}

describe('findSunPosition', () => {
  it('puts the solstice noon sun at the right height, time and bearing', () => {
    const noon = highestOfDay(Date.UTC(2012, 5, 20));
    expect(90 - noon.zenithDeg).toBeCloseTo(73.7, 1);
    expect(Math.abs(noon.ms - Date.UTC(2012, 5, 20, 19, 2, 20))).toBeLessThanOrEqual(2 * 60_000);
    expect(noon.azimuthDeg).toBeGreaterThan(178);
    expect(noon.azimuthDeg).toBeLessThan(182);
  });

  it('has the sun in the east in the morning, in the west in the afternoon, below the horizon at night', () => {
    const morning = findSunPosition(Date.UTC(2012, 2, 20, 15), LAT, LON); // 08:00 MST
    const afternoon = findSunPosition(Date.UTC(2012, 2, 20, 23), LAT, LON); // 16:00 MST
    const night = findSunPosition(Date.UTC(2012, 2, 21, 7), LAT, LON); // 00:00 MST
    expect(morning.azimuthDeg).toBeGreaterThan(90);
    expect(morning.azimuthDeg).toBeLessThan(135);
    expect(afternoon.azimuthDeg).toBeGreaterThan(225);
    expect(afternoon.azimuthDeg).toBeLessThan(270);
    expect(night.zenithDeg).toBeGreaterThan(90);
  });
});
