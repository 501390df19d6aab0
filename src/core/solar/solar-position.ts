/**
 * Position of the sun seen from a site at an instant (apparent altitude with refraction, azimuth
 * clockwise from north), from the Meeus series of the `suncalc` package, the only importer of it.
 */
import { getPosition } from 'suncalc';

export interface SunPosition {
  /** Apparent zenith angle (90 - refraction-corrected altitude), degrees. */
  readonly zenithDeg: number;
  /** Azimuth clockwise from north (90 = east, 180 = south), degrees. */
  readonly azimuthDeg: number;
}

/** Sun position at epoch `ms` (UTC instant) for latitude/longitude in degrees (east positive). */
export function findSunPosition(ms: number, latDeg: number, lonDeg: number): SunPosition {
  const p = getPosition(new Date(ms), latDeg, lonDeg);
  return { zenithDeg: 90 - p.altitude, azimuthDeg: p.azimuth };
}
