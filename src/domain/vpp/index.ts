/**
 * Virtual power plants: many small DERs planned as one (each low-voltage network aggregated onto its
 * transformer) and the plan's set-points shared back out to the devices by their headroom.
 */
export type { AggregatedGrid } from './aggregate-low-voltage.ts';
export { aggregateLowVoltage } from './aggregate-low-voltage.ts';
export type { StorageMember } from './share-set-point.ts';
export { shareByHeadroom, shareStorageSetPoint, storageHeadroomMw } from './share-set-point.ts';
