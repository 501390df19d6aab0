/**
 * The Kirchhoff loop as a controller. Each interval: (1) fold the meter readings into the forecasts
 * (feedback); (2) forecast demand and PV per zone; (3) every few intervals, or at once after an
 * event, plan the horizon with the grid-aware, loss-pricing dispatch on the aggregated grid
 * (batteries are pre-positioned ahead of forecast peaks and of the demand charge); share the plan's
 * set-points out to the devices; (4) shed by priority what the plan sheds, and in an island as much
 * more as keeps the grid-forming battery within 80 % of its power; (5) check the interval on the
 * engine's AC power flow with the estimated demand and correct locally where a voltage would leave
 * its band; inverters supply the reactive power of the loads on their own bus (reactive-support.ts). Faults are isolated with remote switches and the healthy parts re-supplied through a tie.
 */
import type { Grid } from '../../core/grid/index.ts';
import type { LpSolver } from '../../core/optimize/index.ts';
import type { ScenarioData } from '../scenario/index.ts';
import { aggregateLowVoltage, shareStorageSetPoint } from '../vpp/index.ts';
import { advanceInterval, type IntervalDecision, type PlantState } from './advance-interval.ts';
import { buildHorizonPlan, type HorizonPlan, type PlanContext } from './build-horizon-plan.ts';
import type { Controller, ControllerDecision, Observation, ZoneForecastNow } from './controller.ts';
import { ForecastBank } from './forecast-bank.ts';
import { correctLocally, guardIsland, restoreAfterFault } from './kirchhoff-guards.ts';
import { supplyReactiveLocally } from './reactive-support.ts';

const none = new Map<string, never>();
/** No set-points: what the network does with the estimated demand alone (for the tie check). */
const idle: IntervalDecision = {
  storageMw: none,
  pvCapMw: none,
  evMw: none,
  shedFraction: none,
  generatorMw: none,
  switches: none,
};

export function createKirchhoffController(
  data: ScenarioData,
  solver: LpSolver,
  nowMs: () => number,
  options: { upstreamBranchIds: readonly string[]; importGeneratorId: string },
): Controller {
  const { grid, period, control } = data;
  const intervalsPerHour = 60 / period.intervalMin;
  const aggregated = aggregateLowVoltage(grid);
  const zoneOfBus = new Map(grid.buses.map((b) => [b.id, b.zoneId ?? '']));
  const zones = Object.keys(data.zoneLoadMw);
  const zoneNominal = new Map<string, number>();
  for (const l of grid.loads)
    zoneNominal.set(
      zoneOfBus.get(l.busId) ?? '',
      (zoneNominal.get(zoneOfBus.get(l.busId) ?? '') ?? 0) + l.pMw,
    );
  const nominalOf = new Map(grid.loads.map((l) => [l.id, l.pMw]));
  const loadShare = new Map<string, { zone: string; share: number }>();
  for (const l of aggregated.grid.loads) {
    const zone = zoneOfBus.get(l.busId) ?? '';
    if (!zones.includes(zone)) continue;
    const members = aggregated.members.loads.get(l.id) ?? [];
    const mw = members.reduce((s, m) => s + (nominalOf.get(m) ?? 0), 0);
    loadShare.set(l.id, { zone, share: mw / Math.max(1e-12, zoneNominal.get(zone) ?? 0) });
  }
  const stepIntervals = Math.max(1, Math.round(control.planStepMin / period.intervalMin));
  const ctx: PlanContext = {
    aggregated,
    loadShare,
    pvZone: new Map(aggregated.grid.pv.map((p) => [p.id, zoneOfBus.get(p.busId) ?? ''])),
    chargerMaxMw: new Map(grid.evChargers.map((c) => [c.id, c.pMaxMw])),
    importBusId: data.importBusId,
    importGeneratorId: options.importGeneratorId,
    upstreamBranchIds: options.upstreamBranchIds,
    upstreamGeneratorIds: grid.generators
      .filter((g) => !zones.includes(zoneOfBus.get(g.busId) ?? ''))
      .map((g) => g.id),
    importLimitMw: control.importLimitMw ?? 1e6,
    exportLimitMw: control.exportLimitMw ?? 1e6,
    importPriceByInterval: data.importPriceByInterval,
    exportPricePerMwh: control.exportPricePerMwh,
    importCo2TPerMwh: control.importCo2TPerMwh ?? 0,
    peakImportPricePerMw: control.peakImportPricePerMw,
    valueOfLostLoad: control.valueOfLostLoad,
    allowShedding: control.shedding,
    stepIntervals,
    lossShare: 0.03,
    steps: Math.max(1, Math.round(control.horizonIntervals / stepIntervals)),
    periodIntervals: period.intervalCount,
  };
  const bank = new ForecastBank({
    zones,
    historyStartMs: period.historyStartMs,
    historyIntervals: period.historyIntervalCount,
    periodIntervals: period.intervalCount,
    intervalsPerHour,
    zoneLoadMw: data.zoneLoadMw,
    temperature: data.temperatureDegF,
    pvPerUnitByZone: data.pvPerUnitByZone,
    forecaster: control.forecaster,
  });
  const normal = new Map(grid.switches.map((s) => [s.id, s.closed]));
  const handled = new Set<string>();
  let plan: HorizonPlan | undefined;
  let wasConnected = true;
  let peakImportSoFarMw = 0;
  let plannedImportMw = Number.NaN;
  let importCorrectionMw = 0;
  let generatorMw: Record<string, number> = Object.fromEntries(grid.generators.map((g) => [g.id, g.pMw]));
  let view = new Map<string, ZoneForecastNow>();
  const timings = { forecast: 0, dispatch: 0 };
  const storageById = new Map(grid.storage.map((s) => [s.id, s]));
  const pvById = new Map(grid.pv.map((p) => [p.id, p]));

  return {
    name: 'kirchhoff',
    get lastTimingsMs() {
      return timings;
    },
    zoneView: () => view,
    decide(obs: Observation): ControllerDecision {
      const t = obs.interval;
      const h = obs.intervalH;
      const actions: string[] = [];
      const f0 = nowMs();
      bank.observe(t, obs.meteredZoneLoadMw, obs.meteredPvPerUnit);
      for (const z of zones) bank.dayForecast(z, t); // a new day's forecast is made here, at its midnight
      if (Number.isFinite(obs.meteredImportMw))
        peakImportSoFarMw = Math.max(peakImportSoFarMw, obs.meteredImportMw);
      timings.forecast = nowMs() - f0;

      const estimate = estimateTruth(
        grid,
        obs,
        bank,
        zoneOfBus,
        zoneNominal,
        new Set(obs.faults.map((f) => f.branchId)),
        obs.upstreamConnected ? [] : options.upstreamBranchIds,
      );
      const estimateState: PlantState = {
        storageEnergyMwh: obs.storageEnergyMwh,
        evDeliveredMwh: new Map(),
        switchClosed: obs.switchClosed,
      };
      // self-healing first: the plan must see the topology it will run on
      const switches = new Map<string, boolean>();
      let event = obs.upstreamConnected !== wasConnected;
      const faulted = new Set(obs.faults.map((f) => f.branchId));
      for (const fault of obs.faults) {
        if (handled.has(fault.branchId)) continue;
        handled.add(fault.branchId);
        event = true;
        const restored = restoreAfterFault(grid, normal, fault.branchId, (candidate) => {
          const m = advanceInterval(
            grid,
            estimate,
            { ...estimateState, switchClosed: new Map([...obs.switchClosed, ...candidate]) },
            idle,
          ).measures;
          return m.voltageViolations + m.thermalViolations;
        });
        for (const [id, closed] of restored.switches) switches.set(id, closed);
        actions.push(...restored.actions);
      }
      for (const id of [...handled]) {
        if (faulted.has(id)) continue;
        handled.delete(id);
        event = true;
        for (const [sw, closed] of normal) if (obs.switchClosed.get(sw) !== closed) switches.set(sw, closed);
        actions.push(`restored the normal switching after the repair of ${id}`);
      }
      if (obs.upstreamConnected !== wasConnected) {
        actions.push(
          obs.upstreamConnected
            ? 'upstream grid back: reconnected, island ended'
            : 'upstream grid lost: islanded on local batteries and PV',
        );
      }
      wasConnected = obs.upstreamConnected;
      const topology = new Map(obs.switchClosed);
      for (const [id, c] of switches) topology.set(id, c);
      const planned = { ...obs, switchClosed: topology };

      const d0 = nowMs();
      if (
        !plan ||
        event ||
        t - plan.fromInterval >= control.replanEveryIntervals ||
        t - plan.fromInterval >= ctx.steps * stepIntervals
      ) {
        const next = buildHorizonPlan(
          ctx,
          planned,
          bank,
          { peakImportSoFarMw, outOfService: faulted, generatorMw },
          solver,
        );
        if (next.result.status === 'optimal') plan = next;
        else
          actions.push(
            `plan failed (${next.result.status}: ${next.result.message ?? ''}); kept the previous plan`,
          );
      }
      // the plan's set-points for this interval, shared out to the devices
      const step = plan ? Math.min(ctx.steps - 1, Math.floor((t - plan.fromInterval) / stepIntervals)) : 0;
      const at = (series: ReadonlyMap<string, Float64Array> | undefined, id: string) =>
        series?.get(id)?.[step] ?? 0;
      const storageMw = new Map<string, number>();
      const pvCapMw = new Map<string, number>();
      const shedFraction = new Map<string, number>();
      const evMw = new Map<string, number>();
      const generatorSet = new Map<string, number>();
      if (plan) {
        const r = plan.result;
        for (const s of aggregated.grid.storage) {
          const members = (aggregated.members.storage.get(s.id) ?? []).map((id) => ({
            ...(storageById.get(id) as Grid['storage'][number]),
            energyMwh: obs.storageEnergyMwh.get(id) ?? 0,
          }));
          const shares = shareStorageSetPoint(members, at(r.storageMw, s.id), h);
          for (const [k, m] of members.entries()) storageMw.set(m.id, shares[k]);
        }
        for (const p of aggregated.grid.pv) {
          const used = at(r.pvMw, p.id);
          const curtailed = at(r.pvCurtailedMw, p.id);
          if (curtailed <= 1e-6) continue;
          const ratio = used / Math.max(1e-12, used + curtailed);
          for (const id of aggregated.members.pv.get(p.id) ?? []) {
            const unit = pvById.get(id);
            if (unit)
              pvCapMw.set(id, ratio * unit.capacityMw * bank.pvPerUnit(zoneOfBus.get(unit.busId) ?? '', t));
          }
        }
        for (const l of aggregated.grid.loads) {
          const served = at(r.loadServedMw, l.id);
          const shed = at(r.loadShedMw, l.id);
          if (shed <= 1e-9) continue;
          for (const id of aggregated.members.loads.get(l.id) ?? [])
            shedFraction.set(id, shed / Math.max(1e-12, served + shed));
        }
        // EVs: the plan's rate, but never less than what still delivers the energy owed by departure
        for (const s of obs.evSessions) {
          const hoursLeft = Math.max(h, (s.departureInterval - t) * h);
          evMw.set(s.id, Math.max(at(r.evMw, s.id), s.owedMwh / hoursLeft));
        }
        // generators: the plan's set-points; dispatchable ones also follow the deviation of the import
        // from its planned value (secondary control: forecast errors, losses, unplanned EVs)
        const deviation =
          Number.isFinite(obs.meteredImportMw) && Number.isFinite(plannedImportMw)
            ? obs.meteredImportMw - plannedImportMw
            : 0;
        // the deviation is measured against the import expected with the last correction in place, so it
        // is the present mismatch itself (not to be summed); smoothed against meter noise
        importCorrectionMw = obs.upstreamConnected ? 0.5 * importCorrectionMw + 0.5 * deviation : 0;
        const followers = grid.generators.filter(
          (g) => r.generatorMw.has(g.id) && g.rampMwPerMin !== undefined,
        );
        const room = followers.reduce((sum, g) => sum + ((g.pMaxMw ?? 0) - g.pMinMw), 0);
        for (const g of grid.generators) {
          if (!r.generatorMw.has(g.id)) {
            if (!obs.upstreamConnected && ctx.upstreamGeneratorIds.includes(g.id)) generatorSet.set(g.id, 0);
            continue;
          }
          const share =
            followers.includes(g) && room > 0
              ? (((g.pMaxMw ?? 0) - g.pMinMw) / room) * importCorrectionMw
              : 0;
          generatorSet.set(
            g.id,
            Math.min(
              g.pMaxMw ?? Number.POSITIVE_INFINITY,
              Math.max(g.pMinMw, at(r.generatorMw, g.id) + share),
            ),
          );
        }
        const applied = followers.reduce(
          (sum, g) => sum + (generatorSet.get(g.id) ?? 0) - at(r.generatorMw, g.id),
          0,
        );
        importCorrectionMw = applied;
        plannedImportMw = at(r.importMw, 'upstream') - applied;
      }
      generatorMw = Object.fromEntries(generatorSet);
      let decision: ControllerDecision = {
        storageMw,
        pvCapMw,
        evMw,
        shedFraction,
        generatorMw: generatorSet,
        switches,
        actions,
      };
      // (4)-(5): island guard and local corrections, on the AC power flow with estimated demand

      const state: PlantState = {
        storageEnergyMwh: obs.storageEnergyMwh,
        evDeliveredMwh: new Map(),
        switchClosed: topology,
      };
      if (!obs.upstreamConnected) decision = guardIsland(grid, estimate, state, decision);
      decision = correctLocally(grid, aggregated, { ...estimate }, state, {
        ...decision,
        reactiveMvar: supplyReactiveLocally(grid, estimate, decision),
      });
      // the inverters' reactive power for the active power finally set
      decision = { ...decision, reactiveMvar: supplyReactiveLocally(grid, estimate, decision) };
      timings.dispatch = nowMs() - d0;

      view = new Map(
        zones.map((z) => {
          const band = bank.band(z, t);
          return [
            z,
            {
              pointMw: bank.pointMw(z, t, 0, false), // the day-ahead forecast as issued (the KPI and the plot)
              p10Mw: band.p10,
              p90Mw: band.p90,
              pricePerMwh: zonePrice(plan, step, z, aggregated.grid, zoneOfBus),
            },
          ];
        }),
      );
      return decision;
    },
  };
}

/** The controller's estimate of the interval: forecast demand shared over the loads, PV from the forecast. */
function estimateTruth(
  grid: Grid,
  obs: Observation,
  bank: ForecastBank,
  zoneOfBus: ReadonlyMap<string, string>,
  zoneNominal: ReadonlyMap<string, number>,
  faulted: ReadonlySet<string>,
  cut: readonly string[],
) {
  const t = obs.interval;
  const loadDemandMw = new Map<string, number>();
  for (const l of grid.loads) {
    const z = zoneOfBus.get(l.busId) ?? '';
    const forecast = bank.pointMw(z, t, 0);
    const nominal = zoneNominal.get(z) ?? 0;
    loadDemandMw.set(l.id, Number.isFinite(forecast) && nominal > 0 ? (l.pMw / nominal) * forecast : l.pMw);
  }
  return {
    intervalH: obs.intervalH,
    loadDemandMw,
    pvAvailableMw: new Map(
      grid.pv.map((p) => [p.id, p.capacityMw * bank.pvPerUnit(zoneOfBus.get(p.busId) ?? '', t)]),
    ),
    evSessions: obs.evSessions.map((s) => ({ id: s.id, chargerId: s.chargerId, energyMwh: s.owedMwh })),
    outOfServiceBranchIds: new Set([...faulted, ...cut]),
  };
}

/** Demand-weighted mean of the plan's prices over a zone's buses at the step. */
function zonePrice(
  plan: HorizonPlan | undefined,
  step: number,
  zone: string,
  grid: Grid,
  zoneOfBus: ReadonlyMap<string, string>,
): number {
  if (!plan) return Number.NaN;
  let sum = 0;
  let n = 0;
  for (const b of grid.buses) {
    if (zoneOfBus.get(b.id) !== zone) continue;
    const p = plan.result.priceByBus.get(b.id)?.[step];
    if (p !== undefined && Number.isFinite(p)) {
      sum += p;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}
