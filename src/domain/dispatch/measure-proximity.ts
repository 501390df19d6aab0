/**
 * Proximity made visible: how far the energy of a dispatch travelled.
 * - losses: the DC estimate r f^2 of every branch and interval, MWh and share of demand;
 * - local share per zone: sum_t min(local supply_t, demand_t) / sum_t demand_t, where local supply is
 *   the zone's generators, PV and storage discharge and demand its served load, EV charging and storage
 *   charging (imports from upstream are never local);
 * - transport distance: sum_k,t |f_kt| |z_k| dt / sum_t demand_t dt, the impedance (ohms) an average MWh
 *   crossed: energy-weighted electrical distance between sources and loads;
 * - peak import from the upstream grid.
 */
import type { DispatchInput } from './dispatch-input.ts';
import type { DispatchResult } from './dispatch-result.ts';

export interface ProximityMeasures {
  readonly demandMwh: number;
  readonly lossesMwh: number;
  readonly lossShare: number;
  readonly localShareByZone: ReadonlyMap<string, number>;
  /** Demand-weighted over the zones. */
  readonly localShare: number;
  readonly transportDistanceOhm: number;
  readonly peakImportMw: number;
  /** Branch-intervals above their rating, and the worst loading (1 = at the rating). */
  readonly overloads: number;
  readonly worstLoading: number;
}

export function measureProximity(input: DispatchInput, result: DispatchResult): ProximityMeasures {
  const { grid } = input;
  const T = result.intervalCount;
  const dt = result.intervalH;
  const zoneOfBus = new Map(grid.buses.map((b) => [b.id, b.zoneId ?? '']));
  const zones = [...new Set(grid.buses.map((b) => b.zoneId).filter((z): z is string => z !== undefined))];
  const supply = new Map(zones.map((z) => [z, new Float64Array(T)]));
  const demand = new Map(zones.map((z) => [z, new Float64Array(T)]));
  const add = (
    target: Map<string, Float64Array>,
    busId: string,
    values: ArrayLike<number> | undefined,
    sign = 1,
  ) => {
    const series = target.get(zoneOfBus.get(busId) ?? '');
    if (!series || !values) return;
    for (let t = 0; t < T; t++) series[t] += sign * values[t];
  };
  for (const g of grid.generators) add(supply, g.busId, result.generatorMw.get(g.id));
  for (const p of grid.pv) add(supply, p.busId, result.pvMw.get(p.id));
  for (const s of grid.storage) {
    const net = result.storageMw.get(s.id);
    if (!net) continue;
    add(
      supply,
      s.busId,
      Array.from(net, (v) => Math.max(0, v)),
    );
    add(
      demand,
      s.busId,
      Array.from(net, (v) => Math.max(0, -v)),
    );
  }
  for (const l of grid.loads) add(demand, l.busId, result.loadServedMw.get(l.id));
  for (const session of input.evSessions ?? []) {
    const charger = grid.evChargers.find((c) => c.id === session.chargerId);
    if (charger) add(demand, charger.busId, result.evMw.get(session.id));
  }
  let demandMwh = 0;
  for (const l of grid.loads) for (const v of result.loadServedMw.get(l.id) ?? []) demandMwh += v * dt;
  for (const mw of result.evMw.values()) for (const v of mw) demandMwh += v * dt;
  const localShareByZone = new Map<string, number>();
  let localTotal = 0;
  let zoneDemandTotal = 0;
  for (const z of zones) {
    const s = supply.get(z) ?? new Float64Array(T);
    const d = demand.get(z) ?? new Float64Array(T);
    let local = 0;
    let total = 0;
    for (let t = 0; t < T; t++) {
      local += Math.min(s[t], d[t]) * dt;
      total += d[t] * dt;
    }
    localShareByZone.set(z, total > 0 ? local / total : Number.NaN);
    localTotal += local;
    zoneDemandTotal += total;
  }
  let transport = 0;
  let overloads = 0;
  let worstLoading = 0;
  const baseKv = new Map(grid.buses.map((b) => [b.id, b.baseKv]));
  for (const br of grid.branches) {
    const flows = result.branchFlowMw.get(br.id);
    if (!flows) continue;
    const zBase = (baseKv.get(br.fromBusId) ?? 1) ** 2 / grid.baseMva;
    const zOhm = Math.hypot(br.rPu, br.xPu) * zBase;
    const rate = br.rateAMva ?? 0;
    for (const f of flows) {
      transport += Math.abs(f) * zOhm * dt;
      if (rate > 0) {
        worstLoading = Math.max(worstLoading, Math.abs(f) / rate);
        if (Math.abs(f) > rate * (1 + 1e-6)) overloads++;
      }
    }
  }
  let peakImportMw = 0;
  for (const mw of result.importMw.values()) for (const v of mw) peakImportMw = Math.max(peakImportMw, v);
  return {
    demandMwh,
    lossesMwh: result.lossesMwh,
    lossShare: demandMwh > 0 ? result.lossesMwh / demandMwh : Number.NaN,
    localShareByZone,
    localShare: zoneDemandTotal > 0 ? localTotal / zoneDemandTotal : Number.NaN,
    transportDistanceOhm: demandMwh > 0 ? transport / demandMwh : Number.NaN,
    peakImportMw,
    overloads,
    worstLoading,
  };
}

/**
 * The same dispatch problem solved twice: as Kirchhoff does it (line limits, losses priced) and as a
 * plain merit order on a copper plate (no limits, no loss price), each measured on the real network,
 * so that what proximity saves is measured, not claimed.
 */
export function compareWithMeritOrder(
  input: DispatchInput,
  dispatch: (input: DispatchInput) => DispatchResult,
): {
  kirchhoff: { result: DispatchResult; measures: ProximityMeasures };
  meritOrder: { result: DispatchResult; measures: ProximityMeasures };
} {
  const kirchhoff = dispatch(input);
  const meritOrder = dispatch({ ...input, ignoreNetwork: true });
  return {
    kirchhoff: { result: kirchhoff, measures: measureProximity(input, kirchhoff) },
    meritOrder: { result: meritOrder, measures: measureProximity(input, meritOrder) },
  };
}
