/**
 * What a scenario needs to know about its grid: the bus of the upstream connection, the branches an
 * upstream loss takes out by default, and the zone of each element (through its bus).
 */
import type { Grid } from '../../core/grid/index.ts';

/** `requested` if given, else the first slack bus with an in-service generator; undefined if none. */
export function findImportBusId(grid: Grid, requested?: string): string | undefined {
  if (requested !== undefined) return requested;
  const withGenerator = new Set(grid.generators.filter((g) => g.inService).map((g) => g.busId));
  return grid.buses.find((b) => b.type === 'slack' && b.inService && withGenerator.has(b.id))?.id;
}

/**
 * Branches that an upstream loss takes out when the event names none: the in-service transformers
 * with an end at the import bus (the substation), else every in-service branch at that bus.
 */
export function findUpstreamBranchIds(grid: Grid, importBusId: string): string[] {
  const atBus = grid.branches.filter(
    (b) => b.inService && (b.fromBusId === importBusId || b.toBusId === importBusId),
  );
  const transformers = atBus.filter((b) => b.kind === 'transformer');
  return (transformers.length > 0 ? transformers : atBus).map((b) => b.id);
}

/** Zone id of each bus id (buses without a zone are absent). */
export function mapZoneOfBus(grid: Grid): Map<string, string> {
  const zoneOfBus = new Map<string, string>();
  for (const b of grid.buses) if (b.zoneId !== undefined) zoneOfBus.set(b.id, b.zoneId);
  return zoneOfBus;
}
