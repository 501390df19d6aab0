/**
 * DC optimal power flow (MATPOWER `rundcopf`): minimise the generators' cost subject to the DC
 * network (lossless, |V| = 1) with generator limits and branch flow limits:
 *
 *   min  sum_g C_g(P_g)
 *   s.t. sum_{g at i} P_g - base sum_k A_ki b_k (th_f - th_t) = D_i + base sum_k A_ki Pinj_k   (lambda_i)
 *        -rate_k <= base (b_k (th_f - th_t) + Pinj_k) <= rate_k                               (mu_k)
 *        Pmin_g <= P_g <= Pmax_g,   th_ref = case angle
 *
 * with b_k = 1/(x_k tap_k), Pinj_k = -b_k shift_k, A_ki = +1 at the from bus and -1 at the to bus,
 * D_i the bus's load plus shunt conductance. The locational marginal price of bus i is lambda_i, the
 * dual of its balance (cost per MWh). Islands keep their own reference; de-energised ones drop out.
 */
import type { Grid } from '../grid/index.ts';
import { type LpSolver, type LpStatus, ModelBuilder } from '../optimize/index.ts';
import { BUS_KIND, compileNetwork, computeDcBranchParameters } from '../powerflow/index.ts';
import { findSupplyShortfalls } from './find-supply-shortfalls.ts';
import { addGeneratorCost } from './generator-cost.ts';

const { dead: DEAD, ref: REF } = BUS_KIND;
const DEG = 180 / Math.PI;

export interface DcOpfResult {
  readonly status: LpStatus | 'invalid';
  readonly message?: string;
  /** Total cost per hour (including constant terms). */
  readonly objective: number;
  /** Per grid generator (0 when out of service). */
  readonly pgMw: Float64Array;
  /** Per grid bus: angle in degrees and locational marginal price (cost per MWh; NaN if de-energised). */
  readonly vaDeg: Float64Array;
  readonly lmp: Float64Array;
  /** Per grid branch: flow from the from end, MW, and the dual of its flow limit (cost per MWh per MW). */
  readonly pfMw: Float64Array;
  readonly flowLimitDual: Float64Array;
  readonly timings: { readonly buildMs: number; readonly solveMs: number };
  /** Solves needed by the lazy flow limits (1 when none was broken). */
  readonly rounds: number;
}

export interface DcOpfOptions {
  /** Add flow-limit rows only when broken (default true); false adds them all up front. */
  readonly lazyLimits?: boolean;
}

export function runDcOpf(
  grid: Grid,
  solver: LpSolver,
  nowMs: () => number = () => 0,
  options: DcOpfOptions = {},
): DcOpfResult {
  const t0 = nowMs();
  const net = compileNetwork(grid);
  const base = net.baseMva;
  const n = net.nBus;
  const model = new ModelBuilder();
  const theta = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const fixed = net.kind[i] === REF || net.kind[i] === DEAD ? net.vaStartRad[i] : undefined;
    theta[i] = model.addVariable(fixed ?? Number.NEGATIVE_INFINITY, fixed ?? Number.POSITIVE_INFINITY, 0);
  }
  const nGen = grid.generators.length;
  const pCol = new Int32Array(nGen).fill(-1);
  const errors: string[] = [];
  grid.generators.forEach((gen, g) => {
    const bus = net.genBus[g];
    if (bus < 0 || net.kind[bus] === DEAD) return;
    pCol[g] = model.addVariable(gen.pMinMw, gen.pMaxMw ?? Number.POSITIVE_INFINITY, 0, `generator ${gen.id}`);
    const error = addGeneratorCost(model, pCol[g], gen.cost, `generator ${gen.id}`);
    if (error) errors.push(error);
  });
  grid.branches.forEach((br, k) => {
    if (net.branchFrom[k] >= 0 && net.branchFrom[k] !== net.branchTo[k] && br.xPu * br.tapRatio === 0) {
      errors.push(
        `branch "${br.id}" has zero reactance; the DC model needs x != 0 (model it as a closed switch)`,
      );
    }
  });
  if (errors.length > 0) return invalid(grid, errors.join('; '));

  // balance rows: gather, per bus, the generator and angle coefficients
  const nBranch = grid.branches.length;
  const { b, pInj } = computeDcBranchParameters(grid, net);
  const demand = new Float64Array(n);
  for (let i = 0; i < n; i++) demand[i] = base * (net.gShuntPu[i] - net.pFixedPu[i]);
  const entries: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const addEntry = (i: number, col: number, v: number) => entries[i].set(col, (entries[i].get(col) ?? 0) + v);
  for (let k = 0; k < nBranch; k++) {
    const f = net.branchFrom[k];
    if (f < 0) continue;
    const t = net.branchTo[k];
    const w = base * b[k];
    addEntry(f, theta[f], -w);
    addEntry(f, theta[t], w);
    addEntry(t, theta[f], w);
    addEntry(t, theta[t], -w);
    demand[f] += base * pInj[k];
    demand[t] -= base * pInj[k];
  }
  grid.generators.forEach((_, g) => {
    if (pCol[g] >= 0) addEntry(net.genBus[g], pCol[g], 1);
  });
  const balanceRow = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (net.kind[i] === DEAD) continue;
    const cols = [...entries[i].keys()];
    const vals = cols.map((c) => entries[i].get(c) ?? 0);
    const name = `balance of bus ${grid.buses[net.gridBusOfBus[i]].id}`;
    balanceRow[i] = model.addRow(demand[i], demand[i], cols, vals, name);
  }
  // Flow limits are added lazily (constraint generation): solve, add the rows of the limits the
  // solution breaks, solve again, until none is broken. Most lines never bind, and a program with
  // only the binding ones solves several times faster; the optimum is the same.
  const limitRow = new Int32Array(nBranch).fill(-1);
  const rateOf = (k: number) => {
    const rate = grid.branches[k].rateAMva ?? 0;
    return net.branchFrom[k] < 0 || !(rate > 0) || net.branchFrom[k] === net.branchTo[k] ? 0 : rate;
  };
  const addLimit = (k: number) => {
    const f = net.branchFrom[k];
    const w = base * b[k];
    const shift = base * pInj[k];
    const rate = rateOf(k);
    limitRow[k] = model.addRow(
      -rate - shift,
      rate - shift,
      [theta[f], theta[net.branchTo[k]]],
      [w, -w],
      `limit of branch ${grid.branches[k].id}`,
    );
  };
  if (options.lazyLimits === false) for (let k = 0; k < nBranch; k++) if (rateOf(k) > 0) addLimit(k);
  const t1 = nowMs();
  let solved = solver.solve(model.build());
  let rounds = 1;
  while (solved.status === 'optimal') {
    let added = 0;
    for (let k = 0; k < nBranch; k++) {
      const rate = rateOf(k);
      if (rate === 0 || limitRow[k] >= 0) continue;
      const f = net.branchFrom[k];
      const flow = base * (b[k] * (solved.x[theta[f]] - solved.x[theta[net.branchTo[k]]]) + pInj[k]);
      if (Math.abs(flow) > rate * (1 + 1e-9)) {
        addLimit(k);
        added++;
      }
    }
    if (added === 0) break;
    solved = solver.solve(model.build());
    rounds++;
  }
  const t2 = nowMs();

  const pgMw = new Float64Array(nGen);
  const vaDeg = new Float64Array(grid.buses.length).fill(Number.NaN);
  const lmp = new Float64Array(grid.buses.length).fill(Number.NaN);
  const pfMw = new Float64Array(nBranch);
  const flowLimitDual = new Float64Array(nBranch);
  if (solved.status === 'optimal') {
    grid.generators.forEach((_, g) => {
      if (pCol[g] >= 0) pgMw[g] = solved.x[pCol[g]];
    });
    grid.buses.forEach((_, gb) => {
      const i = net.busOfGridBus[gb];
      if (i < 0 || net.kind[i] === DEAD) return;
      vaDeg[gb] = solved.x[theta[i]] * DEG;
      lmp[gb] = solved.rowDual[balanceRow[i]];
    });
    for (let k = 0; k < nBranch; k++) {
      const f = net.branchFrom[k];
      if (f < 0) continue;
      const t = net.branchTo[k];
      pfMw[k] = base * (b[k] * (solved.x[theta[f]] - solved.x[theta[t]]) + pInj[k]);
      if (limitRow[k] >= 0) flowLimitDual[k] = solved.rowDual[limitRow[k]];
    }
  }
  return {
    status: solved.status,
    ...(solved.status === 'optimal'
      ? {}
      : { message: explainFailure(grid, net, demand, solved.status, solved.message) }),
    objective: solved.objective,
    pgMw,
    vaDeg,
    lmp,
    pfMw,
    flowLimitDual,
    timings: { buildMs: t1 - t0, solveMs: t2 - t1 },
    rounds,
  };
}

/**
 * Why a DC OPF has no solution, in words: per island, demand against the generators' limits; if
 * every island could balance, the flow limits are what make the demand unservable.
 */
function explainFailure(
  grid: Grid,
  net: ReturnType<typeof compileNetwork>,
  demandMw: Float64Array,
  status: string,
  solverMessage?: string,
): string {
  const reasons = findSupplyShortfalls(grid, net, demandMw);
  if (status === 'infeasible' && reasons.length === 0) {
    reasons.push('supply could cover demand, but the branch flow limits prevent delivering it');
  }
  const detail = reasons.length > 0 ? `: ${reasons.join('; ')}` : solverMessage ? ` (${solverMessage})` : '';
  return `DC OPF ${status}${detail}`;
}

function invalid(grid: Grid, message: string): DcOpfResult {
  return {
    status: 'invalid',
    message,
    objective: Number.NaN,
    pgMw: new Float64Array(grid.generators.length),
    vaDeg: new Float64Array(grid.buses.length).fill(Number.NaN),
    lmp: new Float64Array(grid.buses.length).fill(Number.NaN),
    pfMw: new Float64Array(grid.branches.length),
    flowLimitDual: new Float64Array(grid.branches.length),
    timings: { buildMs: 0, solveMs: 0 },
    rounds: 0,
  };
}
