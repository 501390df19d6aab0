/**
 * Irradiance on a tilted PV plane from global horizontal irradiance:
 *   extraterrestrial normal  E0 = 1361 (1 + 0.033 cos(2 pi doy / 365))                [Duffie & Beckman 1.4.1b]
 *   clearness index          kt = GHI / (E0 cos z)
 *   diffuse fraction (Erbs)  DHI/GHI = 1 - 0.09 kt                                    kt <= 0.22
 *                                    = 0.9511 - 0.1604 kt + 4.388 kt^2 - 16.638 kt^3 + 12.336 kt^4   kt <= 0.80
 *                                    = 0.165                                          otherwise
 *                           DNI = (GHI - DHI) / cos z                                [Erbs, Klein & Duffie 1982]
 *   angle of incidence       cos t = cos z cos b + sin z sin b cos(gs - gp)
 *   plane of array (Hay-Davies) POA = DNI cos t + DHI (Ai Rb + (1 - Ai)(1 + cos b)/2) + GHI r (1 - cos b)/2,
 *                           Ai = DNI / E0, Rb = cos t / cos z                         [Hay & Davies 1980]
 *   beam incidence modifier  IAM = 1 - b0 (1 / cos t - 1), b0 = 0.05                  [ASHRAE, Souka & Safwat 1966]
 *   cell temperature (NOCT)  Tc = Ta + POA (NOCT - 20) / 800                          [Ross 1976]
 * Angles in degrees at the interface; z = sun zenith, b = panel tilt, gs/gp = sun/panel azimuth.
 */

const SOLAR_CONSTANT_WM2 = 1361;
const RAD = Math.PI / 180;
/** cos z below this (sun under ~3.7 deg) gives no direct beam: the formulas blow up at the horizon. */
const MIN_COS_ZENITH = 0.065;

/** Extraterrestrial irradiance normal to the sun's rays at epoch `ms`, W/m2. */
export function findExtraterrestrialWm2(ms: number): number {
  const dayOfYear = (ms / 86_400_000) % 365.2422;
  return SOLAR_CONSTANT_WM2 * (1 + 0.033 * Math.cos((2 * Math.PI * dayOfYear) / 365.2422));
}

/** Erbs split of GHI into direct-normal and diffuse-horizontal parts, W/m2. */
export function splitGlobalIrradiance(
  ghiWm2: number,
  zenithDeg: number,
  extraterrestrialWm2: number,
): { dniWm2: number; dhiWm2: number } {
  const cosZ = Math.cos(zenithDeg * RAD);
  if (!(ghiWm2 > 0) || cosZ < MIN_COS_ZENITH) return { dniWm2: 0, dhiWm2: Math.max(0, ghiWm2) };
  const kt = Math.min(1, ghiWm2 / (extraterrestrialWm2 * cosZ));
  const fraction =
    kt <= 0.22
      ? 1 - 0.09 * kt
      : kt <= 0.8
        ? 0.9511 + kt * (-0.1604 + kt * (4.388 + kt * (-16.638 + kt * 12.336)))
        : 0.165;
  const dhiWm2 = fraction * ghiWm2;
  return { dniWm2: (ghiWm2 - dhiWm2) / cosZ, dhiWm2 };
}

export interface PlaneOfArrayInput {
  readonly ghiWm2: number;
  readonly dniWm2: number;
  readonly dhiWm2: number;
  readonly zenithDeg: number;
  readonly sunAzimuthDeg: number;
  readonly extraterrestrialWm2: number;
}

export interface PanelOrientation {
  readonly tiltDeg: number;
  /** Clockwise from north: 180 = facing south. */
  readonly azimuthDeg: number;
}

const GROUND_ALBEDO = 0.2;
const IAM_B0 = 0.05;

/** Effective irradiance on the panel plane (beam after the incidence modifier), W/m2. */
export function findPlaneOfArrayWm2(sky: PlaneOfArrayInput, panel: PanelOrientation): number {
  const z = sky.zenithDeg * RAD;
  const gs = sky.sunAzimuthDeg * RAD;
  const tilt = panel.tiltDeg * RAD;
  const gp = panel.azimuthDeg * RAD;
  return planeOfArrayWm2(
    Math.cos(z),
    Math.sin(z),
    Math.cos(gs),
    Math.sin(gs),
    sky.ghiWm2,
    sky.dniWm2,
    sky.dhiWm2,
    sky.extraterrestrialWm2,
    Math.cos(tilt),
    Math.sin(tilt),
    Math.cos(gp),
    Math.sin(gp),
  );
}

/**
 * The same from precomputed cosines and sines (sun zenith and azimuth, panel tilt and azimuth),
 * for fits that evaluate many orientations over the same skies.
 */
export function planeOfArrayWm2(
  cosZ: number,
  sinZ: number,
  cosSunAz: number,
  sinSunAz: number,
  ghiWm2: number,
  dniWm2: number,
  dhiWm2: number,
  extraterrestrialWm2: number,
  cosTilt: number,
  sinTilt: number,
  cosPanelAz: number,
  sinPanelAz: number,
): number {
  if (cosZ <= 0) return 0;
  const cosT = cosZ * cosTilt + sinZ * sinTilt * (cosSunAz * cosPanelAz + sinSunAz * sinPanelAz);
  const beamCos = Math.max(0, cosT);
  const iam = beamCos > 0 ? Math.max(0, 1 - IAM_B0 * (1 / beamCos - 1)) : 0;
  const anisotropy = Math.min(1, Math.max(0, dniWm2 / extraterrestrialWm2));
  const rb = beamCos / Math.max(cosZ, MIN_COS_ZENITH);
  const diffuse = dhiWm2 * (anisotropy * rb + (1 - anisotropy) * (1 + cosTilt) * 0.5);
  const ground = ghiWm2 * GROUND_ALBEDO * (1 - cosTilt) * 0.5;
  return Math.max(0, dniWm2 * beamCos * iam + diffuse + ground);
}

const NOCT_C = 45;

/** Cell temperature from air temperature and plane-of-array irradiance (NOCT model), degC. */
export function findCellTemperatureC(airC: number, poaWm2: number): number {
  return airC + (poaWm2 * (NOCT_C - 20)) / 800;
}
