/**
 * Multi-period dispatch as one LP/QP (lossless DC network per interval, B-theta form):
 *
 *   min  sum_t dt [ sum_g C_g(P_gt) + sum_p (price_pt m_pt - export_pt x_pt) + sum_l VOLL_l s_lt ]
 *        + sum_e penalty u_e - sum_s value E_s,T
 *   s.t. per bus i, interval t (lambda_it / dt = the price):
 *          sum_g P_gt + sum_p (m_pt - x_pt) + sum_s (d_st - c_st) + sum_v pv_vt - sum_e ev_et
 *          - sum_l (load_lt - s_lt) - base sum_k A_ki b_k (th_f - th_t) = shunt_i + phase-shift terms
 *        E_st = E_s,t-1 + dt (eta_c c_st - d_st / eta_d),  E_min <= E_st <= E_max      (storage)
 *        sum_t dt ev_et + u_e >= energy_e,  sum_{e at charger} ev_et <= charger max   (EV)
 *        |P_gt - P_g,t-1| <= 60 ramp_g dt,   |base (b_k (th_f - th_t) + Pinj_k)| <= rate_k
 *        shiftable loads: sum_t dt load_lt fixed over their window, 0 <= load_lt <= max
 *
 * Shedding is priced by class (critical far above essential far above flexible), so a higher class
 * is shed only when no lower-class load is left to shed where it would help.
 */
import type { LoadPriority } from '../../core/grid/index.ts';
import { addGeneratorCost } from '../../core/opf/index.ts';
import { type LpSolver, ModelBuilder } from '../../core/optimize/index.ts';
import { compileNetwork, computeDcBranchParameters } from '../../core/powerflow/index.ts';
import { collectDispatchResult } from './collect-dispatch-result.ts';
import { checkDispatchInput, DEFAULT_VOLL, type DispatchInput } from './dispatch-input.ts';
import type { DispatchResult } from './dispatch-result.ts';
import { explainInfeasibleDispatch } from './explain-infeasible-dispatch.ts';

const INF = Number.POSITIVE_INFINITY;

export function runDispatch(
  input: DispatchInput,
  solver: LpSolver,
  nowMs: () => number = () => 0,
): DispatchResult {
  const t0 = nowMs();
  const { grid, intervalCount: T, intervalH: dt } = input;
  const errors = checkDispatchInput(input);
  if (errors.length > 0) return failed(input, 'invalid', errors.join('; '));
  const net = compileNetwork(grid);
  const base = net.baseMva;
  const gridIndexById = new Map(grid.buses.map((bus, gb) => [bus.id, gb]));
  const busOf = (busId: string) => net.busOfGridBus[gridIndexById.get(busId) ?? -1] ?? -1;
  // every in-service bus takes part (an island without generators may still have imports, storage
  // or PV); each island's angle reference is its slack-typed bus, else its first bus
  const alive = (i: number) => i >= 0;
  const isRef = new Uint8Array(net.nBus);
  const islandHasRef = new Uint8Array(net.nIslands);
  grid.buses.forEach((bus, gb) => {
    const i = net.busOfGridBus[gb];
    if (i >= 0 && bus.type === 'slack' && !islandHasRef[net.islandOfBus[i]]) {
      isRef[i] = 1;
      islandHasRef[net.islandOfBus[i]] = 1;
    }
  });
  for (let i = 0; i < net.nBus; i++) {
    if (!islandHasRef[net.islandOfBus[i]]) {
      isRef[i] = 1;
      islandHasRef[net.islandOfBus[i]] = 1;
    }
  }
  const voll = { ...DEFAULT_VOLL, ...input.valueOfLostLoad };
  const m = new ModelBuilder();
  // row entries per (bus, interval), filled as variables are made
  const entries: { cols: number[]; vals: number[]; rhs: number }[] = Array.from(
    { length: net.nBus * T },
    () => ({
      cols: [],
      vals: [],
      rhs: 0,
    }),
  );
  const at = (i: number, t: number) => entries[i * T + t];
  const put = (i: number, t: number, col: number, v: number) => {
    at(i, t).cols.push(col);
    at(i, t).vals.push(v);
  };
  const series = (n: number, f: (t: number) => number) => Float64Array.from({ length: n }, (_, t) => f(t));

  // angles
  const theta = new Int32Array(net.nBus * T);
  for (let i = 0; i < net.nBus; i++) {
    for (let t = 0; t < T; t++) {
      const fixed = isRef[i] ? 0 : undefined;
      theta[i * T + t] = m.addVariable(fixed ?? -INF, fixed ?? INF, 0);
    }
  }
  // generators, with ramp limits
  const genCols = new Map<string, Int32Array>();
  for (const gen of grid.generators) {
    const bus = gen.inService ? busOf(gen.busId) : -1;
    if (!alive(bus)) continue;
    const cols = new Int32Array(T);
    for (let t = 0; t < T; t++) {
      cols[t] = m.addVariable(gen.pMinMw, gen.pMaxMw ?? INF, 0);
      const error = addGeneratorCost(m, cols[t], gen.cost, `generator ${gen.id}`, dt);
      if (error) return failed(input, 'invalid', error);
      put(bus, t, cols[t], 1);
    }
    if (gen.rampMwPerMin !== undefined) {
      const ramp = gen.rampMwPerMin * 60 * dt;
      const before = input.initialGeneratorMw?.[gen.id] ?? gen.pMw;
      m.addRow(before - ramp, before + ramp, [cols[0]], [1]);
      for (let t = 1; t < T; t++) m.addRow(-ramp, ramp, [cols[t], cols[t - 1]], [1, -1]);
    }
    genCols.set(gen.id, cols);
  }
  // import points: import and export as two non-negative variables
  const importCols = new Map<string, { imp: Int32Array; exp: Int32Array }>();
  for (const p of input.importPoints ?? []) {
    const bus = busOf(p.busId);
    if (!alive(bus)) continue;
    const imp = new Int32Array(T);
    const exp = new Int32Array(T);
    for (let t = 0; t < T; t++) {
      imp[t] = m.addVariable(
        0,
        Math.max(0, p.maxImportMwByInterval?.[t] ?? p.maxImportMw),
        dt * p.priceByInterval[t],
      );
      exp[t] = m.addVariable(0, p.maxExportMw, -dt * (p.exportPriceByInterval?.[t] ?? 0));
      put(bus, t, imp[t], 1);
      put(bus, t, exp[t], -1);
    }
    if (p.peakImportPricePerMw !== undefined && p.peakImportPricePerMw > 0) {
      // a demand charge: the largest import over the horizon, above the peak already reached, costs per MW
      const peak = m.addVariable(p.peakImportSoFarMw ?? 0, INF, p.peakImportPricePerMw);
      for (let t = 0; t < T; t++) m.addRow(-INF, 0, [imp[t], peak], [1, -1]);
    }
    importCols.set(p.id, { imp, exp });
  }
  // storage
  const storageCols = new Map<string, { ch: Int32Array; dis: Int32Array; soc: Int32Array }>();
  for (const s of grid.storage) {
    const bus = busOf(s.busId);
    if (!s.inService || !alive(bus)) continue;
    const ch = new Int32Array(T);
    const dis = new Int32Array(T);
    const soc = new Int32Array(T);
    for (let t = 0; t < T; t++) {
      ch[t] = m.addVariable(0, s.pChargeMaxMw, 0);
      dis[t] = m.addVariable(0, s.pDischargeMaxMw, 0);
      soc[t] = m.addVariable(
        s.socMinFraction * s.energyCapacityMwh,
        s.socMaxFraction * s.energyCapacityMwh,
        0,
      );
      put(bus, t, dis[t], 1);
      put(bus, t, ch[t], -1);
      const cols = [soc[t], ch[t], dis[t]];
      const vals = [1, -dt * s.chargeEfficiency, dt / s.dischargeEfficiency];
      if (t === 0) m.addRow(s.energyMwh, s.energyMwh, cols, vals);
      else m.addRow(0, 0, [...cols, soc[t - 1]], [...vals, -1]);
    }
    m.addCost(soc[T - 1], -(input.storageEndValuePerMwh ?? 0));
    storageCols.set(s.id, { ch, dis, soc });
  }
  // PV: what is available and not used is curtailed
  const pvCols = new Map<string, { cols: Int32Array; available: Float64Array }>();
  for (const pv of grid.pv) {
    const bus = busOf(pv.busId);
    if (!pv.inService || !alive(bus)) continue;
    const profile = input.pvProfiles?.[pv.id];
    const available = series(T, (t) => profile?.[t] ?? pv.pMw);
    const cols = new Int32Array(T);
    for (let t = 0; t < T; t++) {
      cols[t] = m.addVariable(0, available[t], 0);
      put(bus, t, cols[t], 1);
    }
    pvCols.set(pv.id, { cols, available });
  }
  // EV sessions: energy by departure (a shortfall is possible at a price), chargers' limits
  const evCols = new Map<string, { cols: Int32Array; short: number }>();
  const chargerUse = new Map<string, number[][]>();
  for (const session of input.evSessions ?? []) {
    const charger = grid.evChargers.find((c) => c.id === session.chargerId);
    const bus = charger?.inService ? busOf(charger.busId) : -1;
    if (charger === undefined || !alive(bus)) continue;
    const cols = new Int32Array(T).fill(-1);
    const limit = Math.min(charger.pMaxMw, session.maxMw ?? INF);
    const use = chargerUse.get(charger.id) ?? Array.from({ length: T }, () => []);
    for (let t = session.arrivalInterval; t < session.departureInterval; t++) {
      cols[t] = m.addVariable(0, limit, 0);
      put(bus, t, cols[t], -1);
      use[t].push(cols[t]);
    }
    chargerUse.set(charger.id, use);
    const short = m.addVariable(0, session.energyMwh, input.evShortfallCostPerMwh ?? 1000);
    const window = Array.from(cols).filter((c) => c >= 0);
    m.addRow(session.energyMwh, INF, [...window, short], [...window.map(() => dt), 1]);
    evCols.set(session.id, { cols, short });
  }
  for (const [id, use] of chargerUse) {
    const charger = grid.evChargers.find((c) => c.id === id);
    for (const cols of use)
      if (cols.length > 1)
        m.addRow(
          -INF,
          charger?.pMaxMw ?? INF,
          cols,
          cols.map(() => 1),
        );
  }
  // loads: fixed profile, or shiftable within a window; shedding priced by class
  const loadCols = new Map<
    string,
    { demand: Float64Array; shed: Int32Array; served?: Int32Array; priority: LoadPriority }
  >();
  for (const load of grid.loads) {
    const bus = busOf(load.busId);
    if (!load.inService || !alive(bus)) continue;
    const profile = input.loadProfiles?.[load.id];
    const demand = series(T, (t) => profile?.[t] ?? load.pMw);
    const shift = input.shiftableLoads?.find((s) => s.loadId === load.id);
    const shed = new Int32Array(T);
    let served: Int32Array | undefined;
    if (shift) {
      served = new Int32Array(T).fill(-1);
      let energy = 0;
      for (let t = shift.fromInterval; t < shift.toInterval; t++) {
        served[t] = m.addVariable(0, shift.maxMw, 0);
        put(bus, t, served[t], -1);
        energy += demand[t] * dt;
      }
      const window = Array.from(served).filter((c) => c >= 0);
      m.addRow(
        energy,
        energy,
        window,
        window.map(() => dt),
      );
    }
    for (let t = 0; t < T; t++) {
      const inWindow = served !== undefined && served[t] >= 0;
      if (!inWindow) at(bus, t).rhs += demand[t];
      const sheddable = !inWindow && input.allowShedding !== false;
      shed[t] = m.addVariable(0, sheddable ? Math.max(0, demand[t]) : 0, dt * voll[load.priority]);
      put(bus, t, shed[t], 1);
    }
    loadCols.set(load.id, { demand, shed, served, priority: load.priority });
  }
  // network: flows in the balance, flow limits (unless ignored), losses priced (if asked)
  const lossPrice = input.ignoreNetwork ? 0 : (input.lossPricePerMwh ?? 0);
  const limitRows: { k: number; t: number; row: number }[] = [];
  const { b, pInj } = computeDcBranchParameters(grid, net);
  for (const [k, br] of grid.branches.entries()) {
    const f = net.branchFrom[k];
    if (f < 0) continue;
    const to = net.branchTo[k];
    if (f === to) continue;
    if (!Number.isFinite(b[k])) return failed(input, 'invalid', `branch "${br.id}" has zero reactance`);
    const w = base * b[k];
    for (let t = 0; t < T; t++) {
      put(f, t, theta[f * T + t], -w);
      put(f, t, theta[to * T + t], w);
      put(to, t, theta[f * T + t], w);
      put(to, t, theta[to * T + t], -w);
      at(f, t).rhs += base * pInj[k];
      at(to, t).rhs -= base * pInj[k];
      const rate = input.ignoreNetwork ? 0 : (br.rateAMva ?? 0);
      if (lossPrice > 0 && br.rPu > 0) {
        // losses r (f / base)^2 base, priced: a (th_f - th_t)^2 with a = price dt r w^2 / base
        const a = (lossPrice * dt * br.rPu * w * w) / base;
        m.addQuadratic(theta[f * T + t], theta[f * T + t], 2 * a);
        m.addQuadratic(theta[to * T + t], theta[to * T + t], 2 * a);
        m.addQuadratic(theta[f * T + t], theta[to * T + t], -2 * a);
      }
      if (rate > 0) {
        const row = m.addRow(
          -rate - base * pInj[k],
          rate - base * pInj[k],
          [theta[f * T + t], theta[to * T + t]],
          [w, -w],
        );
        limitRows.push({ k, t, row });
      }
    }
  }
  const balanceRow = new Int32Array(net.nBus * T).fill(-1);
  for (let i = 0; i < net.nBus; i++) {
    if (!alive(i)) continue;
    for (let t = 0; t < T; t++) {
      const e = at(i, t);
      const rhs = e.rhs + base * net.gShuntPu[i];
      balanceRow[i * T + t] = m.addRow(rhs, rhs, e.cols, e.vals);
    }
  }
  const program = m.build();
  const t1 = nowMs();
  const solved = solver.solve(program);
  const t2 = nowMs();
  const timings = { buildMs: t1 - t0, solveMs: t2 - t1 };
  const size = { variables: program.numCols, constraints: program.numRows, nonzeros: program.indices.length };
  if (solved.status !== 'optimal') {
    const status = solved.status === 'infeasible' || solved.status === 'unbounded' ? solved.status : 'error';
    const detail = solved.message ? ` (${solved.message})` : '';
    return {
      ...failed(input, status, `dispatch ${solved.status}${detail}: ${explainInfeasibleDispatch(input)}`),
      timings,
      size,
    };
  }
  return collectDispatchResult({
    input,
    grid,
    net,
    solved,
    T,
    dt,
    base,
    b,
    pInj,
    theta,
    isRef,
    balanceRow,
    limitRows,
    genCols,
    importCols,
    storageCols,
    pvCols,
    evCols,
    loadCols,
    timings,
    size,
  });
}

function failed(input: DispatchInput, status: DispatchResult['status'], message: string): DispatchResult {
  const empty = new Map();
  return {
    status,
    message,
    cost: Number.NaN,
    intervalCount: input.intervalCount,
    intervalH: input.intervalH,
    generatorMw: empty,
    importMw: empty,
    storageMw: empty,
    storageEnergyMwh: empty,
    pvMw: empty,
    pvCurtailedMw: empty,
    evMw: empty,
    loadServedMw: empty,
    loadShedMw: empty,
    priceByBus: empty,
    priceEnergyByBus: empty,
    priceCongestionByBus: empty,
    priceLossByBus: empty,
    shedMwhByClass: { critical: 0, essential: 0, flexible: 0 },
    evShortfallMwh: new Map(),
    co2T: Number.NaN,
    lossesMwh: Number.NaN,
    branchFlowMw: empty,
    timings: { buildMs: 0, solveMs: 0 },
    size: { variables: 0, constraints: 0, nonzeros: 0 },
  };
}
