/**
 * Solar geometry and irradiance for PV models: sun position, extraterrestrial irradiance, the
 * Erbs split of global irradiance, Hay-Davies transposition to a tilted plane, cell temperature.
 */
export type { PanelOrientation, PlaneOfArrayInput } from './irradiance.ts';
export {
  findCellTemperatureC,
  findExtraterrestrialWm2,
  findPlaneOfArrayWm2,
  planeOfArrayWm2,
  splitGlobalIrradiance,
} from './irradiance.ts';
export type { SunPosition } from './solar-position.ts';
export { findSunPosition } from './solar-position.ts';
