/**
 * The Kirchhoff controller's plan: one multi-period dispatch over the horizon on the aggregated
 * grid (each LV network one node, vpp/), from the present state (battery energy, EV energy owed,
 * topology with faults and any loss of the upstream grid) and the forecasts, with the upstream
 * connection as an import point (its tariff, limit, demand charge, CO2) and losses priced at the
 * mean import price so that local supply wins where the losses justify it. Storage is valued at the
 * end at 90 % of the mean price, so that the plan does not empty it just because the horizon ends.
 * Quadratic generator costs enter as chords, so that the plan stays a linear program.
 */
import type { Grid } from '../../core/grid/index.ts';
import type { LpSolver } from '../../core/optimize/index.ts';
import { type DispatchInput, type DispatchResult, runDispatch } from '../dispatch/index.ts';
import type { AggregatedGrid } from '../vpp/index.ts';
import type { Observation } from './controller.ts';
import type { ForecastBank } from './forecast-bank.ts';

export interface PlanContext {
  readonly aggregated: AggregatedGrid;
  /** Full-grid nominal load per aggregated load id, and per zone. */
  readonly loadShare: ReadonlyMap<string, { zone: string; share: number }>;
  readonly pvZone: ReadonlyMap<string, string>;
  /** Power limit of every charger of the full grid, MW (a session charges at most at its own). */
  readonly chargerMaxMw: ReadonlyMap<string, number>;
  readonly importBusId: string;
  readonly importGeneratorId: string;
  readonly upstreamBranchIds: readonly string[];
  /** Generators on the upstream side of those branches (lost with the upstream grid). */
  readonly upstreamGeneratorIds: readonly string[];
  readonly importLimitMw: number;
  readonly exportLimitMw: number;
  readonly importPriceByInterval: ArrayLike<number>;
  readonly exportPricePerMwh: number;
  readonly importCo2TPerMwh: number;
  readonly peakImportPricePerMw: number;
  readonly valueOfLostLoad: DispatchInput['valueOfLostLoad'];
  readonly allowShedding: boolean;
  readonly stepIntervals: number;
  readonly steps: number;
  /** Network losses as a share of demand, added to the planned demand (the plan's balance is lossless). */
  readonly lossShare: number;
  readonly periodIntervals: number;
}

export interface HorizonPlan {
  readonly fromInterval: number;
  readonly stepIntervals: number;
  readonly result: DispatchResult;
}

export function buildHorizonPlan(
  ctx: PlanContext,
  obs: Observation,
  bank: ForecastBank,
  state: {
    peakImportSoFarMw: number;
    outOfService: ReadonlySet<string>;
    generatorMw: Readonly<Record<string, number>>;
  },
  solver: LpSolver,
): HorizonPlan {
  const { aggregated, stepIntervals: k, steps } = ctx;
  const t0 = obs.interval;
  const hourAt = (step: number) => Math.min(ctx.periodIntervals - 1, t0 + step * k);
  const mean = (f: (t: number) => number, step: number) => {
    let s = 0;
    let n = 0;
    for (let t = t0 + step * k; t < Math.min(ctx.periodIntervals, t0 + (step + 1) * k); t++, n++) s += f(t);
    return n > 0 ? s / n : f(hourAt(step));
  };
  const stepSeries = (f: (t: number, step: number) => number) =>
    Float64Array.from({ length: steps }, (_, step) => mean((t) => f(t, step), step));
  const out = new Set([...state.outOfService, ...(obs.upstreamConnected ? [] : ctx.upstreamBranchIds)]);
  const energyOf = (id: string) =>
    (aggregated.members.storage.get(id) ?? []).reduce((s, m) => s + (obs.storageEnergyMwh.get(m) ?? 0), 0);
  const grid: Grid = {
    ...aggregated.grid,
    branches: aggregated.grid.branches.map((b) => (out.has(b.id) ? { ...b, inService: false } : b)),
    switches: aggregated.grid.switches.map((s) => ({ ...s, closed: obs.switchClosed.get(s.id) ?? s.closed })),
    // without the upstream grid, generators cut off with it (the distant plant) cannot serve the district
    generators: aggregated.grid.generators
      .filter(
        (g) =>
          g.id !== ctx.importGeneratorId &&
          (obs.upstreamConnected || !ctx.upstreamGeneratorIds.includes(g.id)),
      )
      .map(linearisedCost),
    storage: aggregated.grid.storage.map((s) => ({
      ...s,
      energyMwh: Math.min(s.energyCapacityMwh, energyOf(s.id)),
    })),
  };
  const loadProfiles: Record<string, Float64Array> = {};
  for (const l of grid.loads) {
    const share = ctx.loadShare.get(l.id);
    // losses are not in the DC balance: each load carries its share of them (lossShare of demand)
    if (share)
      loadProfiles[l.id] = stepSeries(
        (t, step) =>
          (1 + ctx.lossShare) * share.share * bank.pointMw(share.zone, t, step * k * obs.intervalH),
      );
  }
  const pvProfiles: Record<string, Float64Array> = {};
  for (const p of grid.pv)
    pvProfiles[p.id] = stepSeries((t) => p.capacityMw * bank.pvPerUnit(ctx.pvZone.get(p.id) ?? '', t));
  const price = stepSeries((t) => ctx.importPriceByInterval[t]);
  const meanPrice = price.reduce((a, b) => a + b, 0) / steps;
  const chargerOfMember = new Map(
    grid.evChargers.flatMap((c) => (aggregated.members.evChargers.get(c.id) ?? []).map((m) => [m, c.id])),
  );
  const evSessions = obs.evSessions
    .filter((s) => s.owedMwh > 1e-9)
    .map((s) => ({
      id: s.id,
      chargerId: chargerOfMember.get(s.chargerId) ?? s.chargerId,
      arrivalInterval: 0,
      departureInterval: Math.min(steps, Math.max(1, Math.ceil((s.departureInterval - t0) / k))),
      energyMwh: s.owedMwh,
      maxMw: ctx.chargerMaxMw.get(s.chargerId),
    }));
  const input: DispatchInput = {
    grid,
    intervalCount: steps,
    intervalH: (k * (obs.intervalH * 60)) / 60,
    loadProfiles,
    pvProfiles,
    importPoints: [
      {
        id: 'upstream',
        busId: ctx.importBusId,
        maxImportMw: obs.upstreamConnected ? ctx.importLimitMw : 0,
        maxExportMw: obs.upstreamConnected ? ctx.exportLimitMw : 0,
        priceByInterval: price,
        exportPriceByInterval: new Float64Array(steps).fill(ctx.exportPricePerMwh),
        co2TPerMwh: ctx.importCo2TPerMwh,
        peakImportPricePerMw: ctx.peakImportPricePerMw,
        peakImportSoFarMw: state.peakImportSoFarMw,
      },
    ],
    evSessions,
    allowShedding: ctx.allowShedding,
    valueOfLostLoad: ctx.valueOfLostLoad,
    storageEndValuePerMwh: 0.9 * meanPrice,
    lossPricePerMwh: 0,
    initialGeneratorMw: state.generatorMw,
  };
  return { fromInterval: t0, stepIntervals: k, result: runDispatch(input, solver) };
}

/**
 * A quadratic cost as ten chords over the generator's range (an LP instead of a QP: HiGHS's QP
 * solver took over 20 s on the flagship's plan, the LP well under a second); the chords overstate
 * the cost by at most c2 w^2 / 4 per hour for segments w MW wide.
 */
function linearisedCost(g: Grid['generators'][number]): Grid['generators'][number] {
  const cost = g.cost;
  if (cost?.model !== 'polynomial' || (cost.coefficients[2] ?? 0) <= 0 || g.pMaxMw === undefined) return g;
  const [c0 = 0, c1 = 0, c2 = 0] = cost.coefficients;
  const lo = g.pMinMw;
  const points = Array.from({ length: 11 }, (_, k) => {
    const p = lo + ((g.pMaxMw as number) - lo) * (k / 10);
    return { pMw: p, costPerHour: c0 + c1 * p + c2 * p * p };
  });
  return {
    ...g,
    cost: {
      model: 'piecewise-linear',
      points,
      startupCost: cost.startupCost,
      shutdownCost: cost.shutdownCost,
    },
  };
}
