/**
 * Reads a solved dispatch program back into schedules, prices (with their parts), flows, losses,
 * shedding, EV shortfalls and CO2.
 */
import type { Grid, LoadPriority } from '../../core/grid/index.ts';
import type { LpResult } from '../../core/optimize/index.ts';
import type { PowerFlowNetwork } from '../../core/powerflow/index.ts';
import { decomposePrices } from './decompose-prices.ts';
import type { DispatchInput } from './dispatch-input.ts';
import type { DispatchResult } from './dispatch-result.ts';

export interface SolvedDispatch {
  readonly input: DispatchInput;
  readonly grid: Grid;
  readonly net: PowerFlowNetwork;
  readonly solved: LpResult;
  readonly T: number;
  readonly dt: number;
  readonly base: number;
  readonly b: Float64Array;
  readonly pInj: Float64Array;
  readonly theta: Int32Array;
  readonly isRef: Uint8Array;
  readonly balanceRow: Int32Array;
  readonly limitRows: readonly { k: number; t: number; row: number }[];
  readonly genCols: ReadonlyMap<string, Int32Array>;
  readonly importCols: ReadonlyMap<string, { imp: Int32Array; exp: Int32Array }>;
  readonly storageCols: ReadonlyMap<string, { ch: Int32Array; dis: Int32Array; soc: Int32Array }>;
  readonly pvCols: ReadonlyMap<string, { cols: Int32Array; available: Float64Array }>;
  readonly evCols: ReadonlyMap<string, { cols: Int32Array; short: number }>;
  readonly loadCols: ReadonlyMap<
    string,
    { demand: Float64Array; shed: Int32Array; served?: Int32Array; priority: LoadPriority }
  >;
  readonly timings: DispatchResult['timings'];
  readonly size: DispatchResult['size'];
}

export function collectDispatchResult(d: SolvedDispatch): DispatchResult {
  const { input, grid, net, solved, T, dt, base, b, pInj, theta, isRef, balanceRow, limitRows } = d;
  const { genCols, importCols, storageCols, pvCols, evCols, loadCols, timings, size } = d;
  const series = (n: number, f: (t: number) => number) => Float64Array.from({ length: n }, (_, t) => f(t));
  const alive = (i: number) => i >= 0;
  const x = solved.x;
  const take = (cols: Int32Array) => Float64Array.from(cols, (c) => (c >= 0 ? x[c] : 0));
  const generatorMw = new Map([...genCols].map(([id, cols]) => [id, take(cols)]));
  const importMw = new Map(
    [...importCols].map(([id, c]) => [id, series(T, (t) => x[c.imp[t]] - x[c.exp[t]])]),
  );
  const storageMw = new Map(
    [...storageCols].map(([id, c]) => [id, series(T, (t) => x[c.dis[t]] - x[c.ch[t]])]),
  );
  const storageEnergyMwh = new Map([...storageCols].map(([id, c]) => [id, take(c.soc)]));
  const pvMw = new Map([...pvCols].map(([id, c]) => [id, take(c.cols)]));
  const pvCurtailedMw = new Map(
    [...pvCols].map(([id, c]) => [id, series(T, (t) => c.available[t] - x[c.cols[t]])]),
  );
  const evMw = new Map([...evCols].map(([id, c]) => [id, take(c.cols)]));
  const evShortfallMwh = new Map([...evCols].map(([id, c]) => [id, x[c.short]]));
  const shedMwhByClass: Record<LoadPriority, number> = { critical: 0, essential: 0, flexible: 0 };
  const loadServedMw = new Map<string, Float64Array>();
  const loadShedMw = new Map<string, Float64Array>();
  for (const [id, c] of loadCols) {
    const shed = take(c.shed);
    const served = series(T, (t) => (c.served && c.served[t] >= 0 ? x[c.served[t]] : c.demand[t]) - shed[t]);
    for (const v of shed) shedMwhByClass[c.priority] += v * dt;
    loadServedMw.set(id, served);
    loadShedMw.set(id, shed);
  }
  const branchFlowMw = new Map<string, Float64Array>();
  grid.branches.forEach((br, k) => {
    const f = net.branchFrom[k];
    const to = net.branchTo[k];
    branchFlowMw.set(
      br.id,
      series(T, (t) =>
        f < 0 || f === to ? 0 : base * (b[k] * (x[theta[f * T + t]] - x[theta[to * T + t]]) + pInj[k]),
      ),
    );
  });
  let lossesMwh = 0;
  for (const br of grid.branches) {
    const flows = branchFlowMw.get(br.id);
    if (flows) for (const v of flows) lossesMwh += br.rPu * (v / base) ** 2 * base * dt;
  }
  const priceByBus = new Map<string, Float64Array>();
  grid.buses.forEach((bus, gb) => {
    const i = net.busOfGridBus[gb];
    priceByBus.set(
      bus.id,
      series(T, (t) => (alive(i) ? solved.rowDual[balanceRow[i * T + t]] / dt : Number.NaN)),
    );
  });
  const priceFlat = new Float64Array(net.nBus * T);
  for (let i = 0; i < net.nBus; i++) {
    for (let t = 0; t < T; t++) priceFlat[i * T + t] = solved.rowDual[balanceRow[i * T + t]] / dt;
  }
  const split = decomposePrices({
    nBus: net.nBus,
    intervalCount: T,
    intervalH: dt,
    isRef,
    islandOfBus: net.islandOfBus,
    branchFrom: net.branchFrom,
    branchTo: net.branchTo,
    b,
    price: priceFlat,
    limitDuals: limitRows.map(({ k, t, row }) => ({ k, t, dual: solved.rowDual[row] })),
  });
  const byBus = (values: Float64Array) => {
    const out = new Map<string, Float64Array>();
    grid.buses.forEach((bus, gb) => {
      const i = net.busOfGridBus[gb];
      out.set(
        bus.id,
        series(T, (t) => (i >= 0 ? values[i * T + t] : Number.NaN)),
      );
    });
    return out;
  };
  let co2T = 0;
  for (const gen of grid.generators) {
    const p = generatorMw.get(gen.id);
    if (p) for (const v of p) co2T += v * dt * (gen.co2TPerMwh ?? 0);
  }
  for (const p of input.importPoints ?? []) {
    const flow = importMw.get(p.id);
    if (flow) for (const v of flow) co2T += Math.max(0, v) * dt * (p.co2TPerMwh ?? 0);
  }
  return {
    status: 'optimal',
    cost: solved.objective,
    intervalCount: T,
    intervalH: dt,
    generatorMw,
    importMw,
    storageMw,
    storageEnergyMwh,
    pvMw,
    pvCurtailedMw,
    evMw,
    loadServedMw,
    loadShedMw,
    priceByBus,
    priceEnergyByBus: byBus(split.energy),
    priceCongestionByBus: byBus(split.congestion),
    priceLossByBus: byBus(split.loss),
    shedMwhByClass,
    evShortfallMwh,
    co2T,
    lossesMwh,
    branchFlowMw,
    timings,
    size,
  };
}
