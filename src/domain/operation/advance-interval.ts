/**
 * One interval of the simulated "true" grid: the controller's set-points applied to the true
 * demand and PV of the interval, on the present topology, solved with the engine's AC power flow;
 * then the state carried on (battery energy, EV energy delivered) and what happened measured. Loads
 * on buses left without supply (an isolated section, an island without a grid-forming battery) are
 * not served. In island operation a battery can form the grid: its bus becomes the reference and
 * the power flow decides its output (the balance of the island), limited by what it holds.
 */
import type { Grid, LoadPriority } from '../../core/grid/index.ts';
import { runAcPowerFlow } from '../../core/powerflow/index.ts';

export interface PlantState {
  readonly storageEnergyMwh: ReadonlyMap<string, number>;
  /** Energy delivered so far per EV session id. */
  readonly evDeliveredMwh: ReadonlyMap<string, number>;
  readonly switchClosed: ReadonlyMap<string, boolean>;
  /** Output of each generator in the last interval, MW (for ramp limits; absent: its pMw). */
  readonly generatorMw?: ReadonlyMap<string, number>;
}

export interface ActiveEvSession {
  readonly id: string;
  readonly chargerId: string;
  readonly energyMwh: number;
}

export interface IntervalTruth {
  readonly intervalH: number;
  /** True demand of each load before any shedding, MW. */
  readonly loadDemandMw: ReadonlyMap<string, number>;
  readonly pvAvailableMw: ReadonlyMap<string, number>;
  /** EV sessions plugged in during this interval. */
  readonly evSessions: readonly ActiveEvSession[];
  /** Branches out of service (faulted, or cut from upstream). */
  readonly outOfServiceBranchIds: ReadonlySet<string>;
  /** Generators out of service (the upstream connection while it is lost). */
  readonly outOfServiceGeneratorIds?: ReadonlySet<string>;
}

export interface IntervalDecision {
  /** Battery set-points, MW (> 0 discharge); a missing battery idles. */
  readonly storageMw: ReadonlyMap<string, number>;
  /** PV output caps, MW (curtailment); a missing PV runs at what is available. */
  readonly pvCapMw: ReadonlyMap<string, number>;
  /** Charging power per EV session, MW; a missing session charges at full power (uncontrolled). */
  readonly evMw: ReadonlyMap<string, number>;
  /** Share of each load shed, 0..1. */
  readonly shedFraction: ReadonlyMap<string, number>;
  /** Generator set-points, MW (the reference generator takes the balance). */
  readonly generatorMw: ReadonlyMap<string, number>;
  /** Switch states to set (true = closed). */
  readonly switches: ReadonlyMap<string, boolean>;
  /** A battery that forms the grid of an island: its bus becomes the reference. */
  readonly gridFormerStorageId?: string;
  /** Reactive power of PV and battery inverters by element id, MVAr (> 0 injected); absent: unity power factor. */
  readonly reactiveMvar?: ReadonlyMap<string, number>;
}

export interface IntervalMeasures {
  readonly converged: boolean;
  readonly demandMw: number;
  readonly servedMw: number;
  readonly shedMw: Record<LoadPriority, number>;
  /** Output of each in-service generator, MW (the reference's from the power flow). */
  readonly generatorMw: ReadonlyMap<string, number>;
  readonly pvMw: number;
  readonly pvAvailableMw: number;
  readonly batteryMw: number;
  readonly evChargingMw: number;
  readonly lossesMw: number;
  readonly minVmPu: number;
  readonly maxVmPu: number;
  readonly maxLoadingPct: number;
  readonly voltageViolations: number;
  readonly worstVoltageViolationPu: number;
  readonly thermalViolations: number;
  /** Per zone, apart: loads and EV served, PV and generators, battery discharge and charge, MW (for energy provenance). */
  readonly zoneFlowsMw: ReadonlyMap<string, { use: number; own: number; discharge: number; charge: number }>;
  /** Lowest voltage of every bus id (NaN when dark). */
  readonly vmPuByBus: ReadonlyMap<string, number>;
  /** Battery output actually delivered, MW (> 0 discharge). */
  readonly storageMw: ReadonlyMap<string, number>;
  /** The grid-forming battery could not hold its island (beyond its power or energy): the island went dark. */
  readonly islandCollapsed: boolean;
}

export function advanceInterval(
  grid: Grid,
  truth: IntervalTruth,
  state: PlantState,
  decision: IntervalDecision,
): { next: PlantState; measures: IntervalMeasures } {
  const h = truth.intervalH;
  const switchClosed = new Map(state.switchClosed);
  for (const [id, closed] of decision.switches) switchClosed.set(id, closed);
  const storage = new Map(grid.storage.map((s) => [s.id, s]));
  // battery set-points within what each holds and can take this interval
  const storageMw = new Map<string, number>();
  for (const s of grid.storage) {
    const energy = state.storageEnergyMwh.get(s.id) ?? s.energyMwh;
    const want = decision.storageMw.get(s.id) ?? 0;
    const maxOut = Math.min(
      s.pDischargeMaxMw,
      (Math.max(0, energy - s.socMinFraction * s.energyCapacityMwh) * s.dischargeEfficiency) / h,
    );
    const maxIn = Math.min(
      s.pChargeMaxMw,
      Math.max(0, s.socMaxFraction * s.energyCapacityMwh - energy) / s.chargeEfficiency / h,
    );
    storageMw.set(s.id, Math.max(-maxIn, Math.min(maxOut, want)));
  }
  // EV charging: the set-point, or full power while energy is owed
  const chargerMw = new Map<string, number>();
  const chargerMax = new Map(grid.evChargers.map((c) => [c.id, c.pMaxMw]));
  const sessionMw = new Map<string, number>();
  for (const s of truth.evSessions) {
    const owed = Math.max(0, s.energyMwh - (state.evDeliveredMwh.get(s.id) ?? 0));
    const max = chargerMax.get(s.chargerId) ?? 0;
    const mw = Math.max(0, Math.min(decision.evMw.get(s.id) ?? max, max, owed / h));
    sessionMw.set(s.id, mw);
    chargerMw.set(s.chargerId, (chargerMw.get(s.chargerId) ?? 0) + mw);
  }
  // a generator's set-point within its limits and within its ramp from the last interval's output
  const reachable = (g: Grid['generators'][number], wanted: number) => {
    const before = state.generatorMw?.get(g.id) ?? g.pMw;
    const ramp = g.rampMwPerMin !== undefined ? g.rampMwPerMin * 60 * h : Number.POSITIVE_INFINITY;
    const lo = Math.max(g.pMinMw, before - ramp);
    const hi = Math.min(g.pMaxMw ?? Number.POSITIVE_INFINITY, before + ramp);
    return Math.min(hi, Math.max(lo, wanted));
  };
  const former =
    decision.gridFormerStorageId !== undefined ? storage.get(decision.gridFormerStorageId) : undefined;
  const formerEnergy = former ? (state.storageEnergyMwh.get(former.id) ?? former.energyMwh) : 0;
  const solvedGrid: Grid = {
    ...grid,
    buses: grid.buses.map((b) => (former && b.id === former.busId ? { ...b, type: 'slack' as const } : b)),
    branches: grid.branches.map((b) =>
      truth.outOfServiceBranchIds.has(b.id) ? { ...b, inService: false } : b,
    ),
    switches: grid.switches.map((s) => ({ ...s, closed: switchClosed.get(s.id) ?? s.closed })),
    loads: grid.loads.map((l) => {
      const keep = 1 - Math.min(1, Math.max(0, decision.shedFraction.get(l.id) ?? 0));
      const demand = truth.loadDemandMw.get(l.id) ?? l.pMw;
      const ratio = l.pMw !== 0 ? l.qMvar / l.pMw : 0;
      return { ...l, pMw: demand * keep, qMvar: demand * keep * ratio };
    }),
    pv: grid.pv.map((p) => ({
      ...p,
      pMw: Math.min(
        truth.pvAvailableMw.get(p.id) ?? 0,
        decision.pvCapMw.get(p.id) ?? Number.POSITIVE_INFINITY,
      ),
      qMvar: withinRating(
        decision.reactiveMvar?.get(p.id) ?? p.qMvar,
        p.capacityMw,
        Math.min(truth.pvAvailableMw.get(p.id) ?? 0, decision.pvCapMw.get(p.id) ?? Number.POSITIVE_INFINITY),
      ),
    })),
    storage: grid.storage.map((s) => ({
      ...s,
      pMw: s.id === former?.id ? 0 : (storageMw.get(s.id) ?? 0),
      qMvar:
        s.id === former?.id
          ? 0
          : withinRating(
              decision.reactiveMvar?.get(s.id) ?? s.qMvar,
              Math.max(s.pChargeMaxMw, s.pDischargeMaxMw),
              storageMw.get(s.id) ?? 0,
            ),
    })),
    evChargers: grid.evChargers.map((c) => ({ ...c, pMw: chargerMw.get(c.id) ?? 0 })),
    generators: [
      ...grid.generators.map((g) => ({
        ...g,
        pMw: reachable(g, decision.generatorMw.get(g.id) ?? g.pMw),
        inService: g.inService && !truth.outOfServiceGeneratorIds?.has(g.id),
      })),
      ...(former
        ? [
            {
              id: `${former.id}:grid-former`,
              busId: former.busId,
              pMw: 0,
              qMvar: 0,
              pMinMw: -former.pChargeMaxMw,
              pMaxMw: former.pDischargeMaxMw,
              vSetPu: 1,
              inService: true,
            },
          ]
        : []),
    ] as Grid['generators'],
  };
  const pf = runAcPowerFlow(solvedGrid);
  const converged = pf.status === 'converged';
  const energised = new Map<string, boolean>();
  const vmByBus = new Map<string, number>();
  pf.buses.id.forEach((id, k) => {
    const on = converged && pf.buses.energised[k] === 1;
    energised.set(id, on);
    vmByBus.set(id, on ? pf.buses.vmPu[k] : Number.NaN);
  });
  if (former) {
    // a grid-forming battery beyond its power or energy cannot hold the island: it collapses
    const mw = converged ? (pf.generators.pMw[pf.generators.id.indexOf(`${former.id}:grid-former`)] ?? 0) : 0;
    const energyNeeded = mw > 0 ? (mw * h) / former.dischargeEfficiency : 0;
    const energyTaken = mw < 0 ? -mw * h * former.chargeEfficiency : 0;
    const roomAbove = formerEnergy - former.socMinFraction * former.energyCapacityMwh;
    const roomBelow = former.socMaxFraction * former.energyCapacityMwh - formerEnergy;
    const tolerance = 1e-6;
    if (
      !converged ||
      mw > former.pDischargeMaxMw + tolerance ||
      -mw > former.pChargeMaxMw + tolerance ||
      energyNeeded > roomAbove + tolerance ||
      energyTaken > roomBelow + tolerance
    ) {
      const { gridFormerStorageId: _, ...withoutFormer } = decision;
      const collapsed = advanceInterval(grid, truth, state, withoutFormer);
      return { ...collapsed, measures: { ...collapsed.measures, islandCollapsed: true } };
    }
  }
  const on = (busId: string) => energised.get(busId) === true;
  const zoneOf = new Map(grid.buses.map((b) => [b.id, b.zoneId ?? '']));

  const shedMw: Record<LoadPriority, number> = { critical: 0, essential: 0, flexible: 0 };
  const zoneFlowsMw = new Map<string, { use: number; own: number; discharge: number; charge: number }>();
  const flow = (busId: string, key: 'use' | 'own' | 'discharge' | 'charge', v: number) => {
    const z = zoneOf.get(busId) ?? '';
    const f = zoneFlowsMw.get(z) ?? { use: 0, own: 0, discharge: 0, charge: 0 };
    f[key] += v;
    zoneFlowsMw.set(z, f);
  };
  let demandMw = 0;
  let servedMw = 0;
  solvedGrid.loads.forEach((l, k) => {
    const demand = truth.loadDemandMw.get(l.id) ?? grid.loads[k].pMw;
    const served = on(l.busId) && l.inService ? l.pMw : 0;
    demandMw += demand;
    servedMw += served;
    shedMw[l.priority] += demand - served;
    flow(l.busId, 'use', served);
  });
  let pvMw = 0;
  let pvAvailableMw = 0;
  for (const p of solvedGrid.pv) {
    pvAvailableMw += truth.pvAvailableMw.get(p.id) ?? 0;
    if (!on(p.busId)) continue;
    pvMw += p.pMw;
    flow(p.busId, 'own', p.pMw);
  }
  const generatorMw = new Map(pf.generators.id.map((id, k) => [id, converged ? pf.generators.pMw[k] : 0]));
  // batteries: the grid-former delivers what the island needed
  const delivered = new Map<string, number>();
  for (const s of grid.storage) {
    const mw =
      s.id === former?.id
        ? (generatorMw.get(`${former.id}:grid-former`) ?? 0)
        : on(s.busId)
          ? (storageMw.get(s.id) ?? 0)
          : 0;
    delivered.set(s.id, mw);
    flow(s.busId, mw > 0 ? 'discharge' : 'charge', Math.abs(mw));
  }
  generatorMw.delete(`${former?.id}:grid-former`);
  for (const g of grid.generators) {
    const mw = generatorMw.get(g.id) ?? 0;
    if (mw > 0 && zoneOf.get(g.busId)) {
      flow(g.busId, 'own', mw);
    }
  }
  let evChargingMw = 0;
  const evDeliveredMwh = new Map(state.evDeliveredMwh);
  const chargerBus = new Map(grid.evChargers.map((c) => [c.id, c.busId]));
  for (const s of truth.evSessions) {
    const bus = chargerBus.get(s.chargerId) ?? '';
    const mw = on(bus) ? (sessionMw.get(s.id) ?? 0) : 0;
    evChargingMw += mw;
    flow(bus, 'use', mw);
    evDeliveredMwh.set(s.id, (evDeliveredMwh.get(s.id) ?? 0) + mw * h);
  }
  const storageEnergyMwh = new Map(state.storageEnergyMwh);
  let batteryMw = 0;
  for (const s of grid.storage) {
    const mw = delivered.get(s.id) ?? 0;
    batteryMw += mw;
    const energy = state.storageEnergyMwh.get(s.id) ?? s.energyMwh;
    const change = mw >= 0 ? -(mw * h) / s.dischargeEfficiency : -mw * h * s.chargeEfficiency;
    storageEnergyMwh.set(s.id, Math.min(s.energyCapacityMwh, Math.max(0, energy + change)));
  }

  let minVm = Number.POSITIVE_INFINITY;
  let maxVm = Number.NEGATIVE_INFINITY;
  let voltageViolations = 0;
  let worstVoltage = 0;
  grid.buses.forEach((b) => {
    const vm = vmByBus.get(b.id) ?? Number.NaN;
    if (!Number.isFinite(vm)) return;
    minVm = Math.min(minVm, vm);
    maxVm = Math.max(maxVm, vm);
    const beyond = Math.max(b.vmMinPu - vm, vm - b.vmMaxPu);
    if (beyond > 1e-6) {
      voltageViolations++;
      worstVoltage = Math.max(worstVoltage, beyond);
    }
  });
  let maxLoading = 0;
  let thermalViolations = 0;
  pf.branches.loadingPercent.forEach((v) => {
    if (!converged || !Number.isFinite(v)) return;
    maxLoading = Math.max(maxLoading, v);
    if (v > 100 + 1e-6) thermalViolations++;
  });
  return {
    next: { storageEnergyMwh, evDeliveredMwh, switchClosed, generatorMw },
    measures: {
      converged,
      demandMw,
      servedMw,
      shedMw,
      generatorMw,
      pvMw,
      pvAvailableMw,
      batteryMw,
      evChargingMw,
      lossesMw: converged ? pf.losses.pMw : Number.NaN,
      minVmPu: Number.isFinite(minVm) ? minVm : Number.NaN,
      maxVmPu: Number.isFinite(maxVm) ? maxVm : Number.NaN,
      maxLoadingPct: maxLoading,
      voltageViolations,
      worstVoltageViolationPu: worstVoltage,
      thermalViolations,
      zoneFlowsMw,
      vmPuByBus: vmByBus,
      storageMw: delivered,
      islandCollapsed: false,
    },
  };
}

/** Reactive power an inverter of rating `ratingMva` can give at active power `pMw`: |q| <= sqrt(S^2 - P^2). */
function withinRating(qMvar: number, ratingMva: number, pMw: number): number {
  const room = Math.sqrt(Math.max(0, ratingMva ** 2 - pMw ** 2));
  return Math.max(-room, Math.min(room, qMvar));
}
