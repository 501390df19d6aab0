/**
 * Reactive power from the inverters where it is consumed: each bus's PV and battery inverters supply
 * the reactive power of the loads on the same bus, as far as their rating allows after their active
 * power (Q_max = sqrt(S^2 - P^2), S the inverter rating: a PV unit's capacity, a battery's larger
 * power limit), shared in proportion to that headroom. Reactive current then no longer flows through
 * the LV cables and transformers, which cuts their I^2 R losses and lifts the voltage at the far end.
 */
import type { Grid } from '../../core/grid/index.ts';
import type { IntervalDecision, IntervalTruth } from './advance-interval.ts';

export function supplyReactiveLocally(
  grid: Grid,
  truth: IntervalTruth,
  decision: IntervalDecision,
): Map<string, number> {
  const demand = new Map<string, number>();
  for (const l of grid.loads) {
    const p = (truth.loadDemandMw.get(l.id) ?? l.pMw) * (1 - (decision.shedFraction.get(l.id) ?? 0));
    const q = l.pMw !== 0 ? (l.qMvar / l.pMw) * p : 0;
    demand.set(l.busId, (demand.get(l.busId) ?? 0) + q);
  }
  const units: { id: string; busId: string; roomMvar: number }[] = [];
  for (const p of grid.pv) {
    const pMw = Math.min(
      truth.pvAvailableMw.get(p.id) ?? 0,
      decision.pvCapMw.get(p.id) ?? Number.POSITIVE_INFINITY,
    );
    units.push({ id: p.id, busId: p.busId, roomMvar: Math.sqrt(Math.max(0, p.capacityMw ** 2 - pMw ** 2)) });
  }
  for (const s of grid.storage) {
    if (s.id === decision.gridFormerStorageId) continue;
    const rating = Math.max(s.pChargeMaxMw, s.pDischargeMaxMw);
    const pMw = decision.storageMw.get(s.id) ?? 0;
    units.push({ id: s.id, busId: s.busId, roomMvar: Math.sqrt(Math.max(0, rating ** 2 - pMw ** 2)) });
  }
  const room = new Map<string, number>();
  for (const u of units) room.set(u.busId, (room.get(u.busId) ?? 0) + u.roomMvar);
  const out = new Map<string, number>();
  for (const u of units) {
    const need = Math.max(0, demand.get(u.busId) ?? 0);
    const total = room.get(u.busId) ?? 0;
    out.set(u.id, total > 0 ? (u.roomMvar / total) * Math.min(need, total) : 0);
  }
  return out;
}
