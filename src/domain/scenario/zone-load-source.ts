/**
 * The GEFCom2012 zones a grid zone's load can come from, and what the dataset's README says about
 * the zones that behave unlike a neighbourhood.
 */
import type { ZoneLoadSource } from './scenario-series-schema.ts';

export const GEFCOM_ZONES: readonly string[] = Array.from({ length: 20 }, (_, i) => `zone_${i + 1}`);

/** Data-quality notes of the GEFCom2012 README, by zone. */
export const GEFCOM_ZONE_NOTES: Readonly<Record<string, string>> = {
  zone_4: 'very small (about 500 kW) with short outages below 100 kW',
  zone_9: 'looks like an industrial customer with irregular shutdowns',
  zone_10: 'has level shifts (a step in December 2004, about 3x from January 2008)',
};

/** The GEFCom zone name of a mapping entry. */
export function sourceZoneOf(source: ZoneLoadSource): string {
  return typeof source === 'string' ? source : source.source;
}

/** The peak the zone's series is scaled to, if the scenario gives one. */
export function peakMwOf(source: ZoneLoadSource): number | undefined {
  return typeof source === 'string' ? undefined : source.peakMw;
}
