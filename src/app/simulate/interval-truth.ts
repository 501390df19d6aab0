/**
 * The true state of the world interval by interval, from a scenario: every load's demand (its
 * zone's series shared by the loads' nominal sizes, times a heat wave's factor), every PV unit's
 * availability, the EV sessions plugged in, and the branches out of service (faults until repair,
 * the substation while the upstream grid is lost).
 */
import type { IntervalTruth } from '../../domain/operation/index.ts';
import type { ScenarioData } from '../../domain/scenario/index.ts';

export interface TruthSource {
  truthAt(t: number): IntervalTruth;
  /** Zone of every load (loads outside the series' zones are constant at their nominal size). */
  readonly zoneOfLoad: ReadonlyMap<string, string>;
  /** True demand of a zone in interval t (after a heat wave's factor), MW. */
  zoneDemandMw(zone: string, t: number): number;
  upstreamLost(t: number): boolean;
  /** Faults in progress at t (failed at or before t, not yet repaired). */
  faultsAt(t: number): { branchId: string; atInterval: number }[];
}

export function createTruthSource(data: ScenarioData): TruthSource {
  const { grid, period } = data;
  const hist = period.historyIntervalCount;
  const zoneOfBus = new Map(grid.buses.map((b) => [b.id, b.zoneId ?? '']));
  const zoneOfLoad = new Map(grid.loads.map((l) => [l.id, zoneOfBus.get(l.busId) ?? '']));
  const nominal = new Map<string, number>();
  for (const l of grid.loads) {
    const z = zoneOfLoad.get(l.id) ?? '';
    nominal.set(z, (nominal.get(z) ?? 0) + l.pMw);
  }
  const heat = data.events.filter((e) => e.kind === 'heat-wave');
  const factorAt = (t: number) =>
    heat.reduce((f, e) => (t >= e.fromInterval && t < e.toInterval ? f * e.loadFactor : f), 1);
  const faults = data.events.filter((e) => e.kind === 'line-fault');
  const outages = data.events.filter((e) => e.kind === 'upstream-loss');
  const zoneDemandMw = (zone: string, t: number) =>
    (data.zoneLoadMw[zone]?.[hist + t] ?? Number.NaN) * factorAt(t);
  const faultsAt = (t: number) =>
    faults
      .filter((f) => t >= f.atInterval && t < f.repairInterval)
      .map((f) => ({ branchId: f.branchId, atInterval: f.atInterval }));
  const upstreamLost = (t: number) => outages.some((e) => t >= e.fromInterval && t < e.toInterval);
  return {
    zoneOfLoad,
    zoneDemandMw,
    upstreamLost,
    faultsAt,
    truthAt(t: number): IntervalTruth {
      const loadDemandMw = new Map<string, number>();
      for (const l of grid.loads) {
        const z = zoneOfLoad.get(l.id) ?? '';
        const series = data.zoneLoadMw[z];
        const total = nominal.get(z) ?? 0;
        loadDemandMw.set(l.id, series && total > 0 ? (l.pMw / total) * zoneDemandMw(z, t) : l.pMw);
      }
      const pvAvailableMw = new Map(grid.pv.map((p) => [p.id, data.pvAvailableMw[p.id]?.[t] ?? 0]));
      const evSessions = data.evSessions
        .filter((s) => s.arrivalInterval <= t && t < s.departureInterval)
        .map((s) => ({ id: s.id, chargerId: s.chargerId, energyMwh: s.energyMwh }));
      const out = new Set<string>(faultsAt(t).map((f) => f.branchId));
      for (const e of outages)
        if (t >= e.fromInterval && t < e.toInterval) for (const b of e.branchIds) out.add(b);
      // while the upstream grid is lost, its connection (the import generator) is gone too
      const cut = upstreamLost(t)
        ? grid.generators.filter((g) => g.busId === data.importBusId).map((g) => g.id)
        : [];
      return {
        intervalH: period.intervalMin / 60,
        loadDemandMw,
        pvAvailableMw,
        evSessions,
        outOfServiceBranchIds: out,
        outOfServiceGeneratorIds: new Set(cut),
      };
    },
  };
}
