/**
 * Loss-aware DC OPF with locational prices split into energy, loss and congestion, by marginal
 * loss factors from the engine's AC power flow, iterated (Litvinov, Zheng, Rosenwald & Shamsollahi,
 * "Marginal loss modeling in LMP calculation", IEEE Trans. Power Syst. 19(2), 2004):
 *
 *   min  sum_g C_g(P_g)
 *   s.t. sum_{i in island} (1 - LF_i) P_i = L(P0) - sum_i LF_i P0_i            (lambda, per island)
 *        -rate_k <= sum_i PTDF_ki (P_i - l_i) + F0_k <= rate_k                   (mu_k, added lazily)
 *        Pmin_g <= P_g <= Pmax_g,          P_i = sum_{g at i} P_g - D_i
 *
 *   LMP_i = lambda (1 - LF_i) + sum_k mu_k PTDF_ki = energy + loss + congestion
 *         = lambda               - lambda LF_i      + sum_k mu_k PTDF_ki
 *
 * P0 is the previous iteration's dispatch, L(P0) the island's losses in an AC power flow at that
 * dispatch, l_i half the AC loss of each branch at bus i, LF_i = dL/dP_i (injection at i taken
 * back at the island's reference) = [B^-1 dL/dtheta]_i with dL/dtheta from the AC branch flows.
 * Iteration 0 is the lossless DC OPF; later ones keep each generator within a trust region around
 * the previous dispatch (a tenth of its range, halved when it turns back or the dispatch does not
 * settle), and it
 * stops when no generator moves by more than `toleranceMw`.
 */
import type { Grid } from '../grid/index.ts';
import { type LpSolver, type LpStatus, ModelBuilder } from '../optimize/index.ts';
import {
  BUS_KIND,
  compileDcPowerFlow,
  computeBranchAdmittances,
  runAcPowerFlow,
  solveDcPowerFlow,
} from '../powerflow/index.ts';
import { addGeneratorCost } from './generator-cost.ts';

const { dead: DEAD } = BUS_KIND;

export interface LossAwareOptions {
  readonly maxIterations?: number;
  readonly toleranceMw?: number;
}

export interface LossAwareDcOpfResult {
  readonly status: LpStatus | 'invalid' | 'ac-power-flow-failed' | 'not-converged';
  readonly message?: string;
  readonly iterations: number;
  /** Cost per hour of the final dispatch. */
  readonly objective: number;
  readonly pgMw: Float64Array;
  /** Per grid bus, cost per MWh: the price and its three parts (NaN where de-energised). */
  readonly lmp: Float64Array;
  readonly lmpEnergy: Float64Array;
  readonly lmpLoss: Float64Array;
  readonly lmpCongestion: Float64Array;
  /** Per grid bus: marginal loss factor dL/dP (MW of loss per MW injected, taken back at the reference). */
  readonly lossFactor: Float64Array;
  /** Active losses of the AC power flow at the final dispatch, MW; and per iteration. */
  readonly lossesMw: number;
  readonly lossesByIterationMw: readonly number[];
}

export function runLossAwareDcOpf(
  grid: Grid,
  solver: LpSolver,
  options: LossAwareOptions = {},
): LossAwareDcOpfResult {
  const maxIterations = options.maxIterations ?? 30;
  const toleranceMw = options.toleranceMw ?? 0.01;
  const dc = compileDcPowerFlow(grid);
  const { net, b, pInj, unknown } = dc;
  const nBus = net.nBus;
  const base = net.baseMva;
  const nBranch = grid.branches.length;
  const nGen = grid.generators.length;
  const empty = (
    message: string,
    status: LossAwareDcOpfResult['status'] = 'invalid',
  ): LossAwareDcOpfResult => ({
    status,
    message,
    iterations: 0,
    objective: Number.NaN,
    pgMw: new Float64Array(nGen),
    lmp: new Float64Array(grid.buses.length).fill(Number.NaN),
    lmpEnergy: new Float64Array(grid.buses.length).fill(Number.NaN),
    lmpLoss: new Float64Array(grid.buses.length).fill(Number.NaN),
    lmpCongestion: new Float64Array(grid.buses.length).fill(Number.NaN),
    lossFactor: new Float64Array(grid.buses.length).fill(Number.NaN),
    lossesMw: Number.NaN,
    lossesByIterationMw: [],
  });
  if (dc.factorStatus !== 'converged' || dc.lu === undefined)
    return empty(dc.message ?? 'DC network is singular');
  const lu = dc.lu;

  // demand per bus (MW), and the flows the phase shifters drive with no injection at all
  const demand = new Float64Array(nBus);
  for (let i = 0; i < nBus; i++) demand[i] = base * (net.gShuntPu[i] - net.pFixedPu[i]);
  const zero = solveDcPowerFlow(dc, new Float64Array(nBus)).vaRad;
  const flow0 = new Float64Array(nBranch);
  for (let k = 0; k < nBranch; k++) {
    const f = net.branchFrom[k];
    if (f >= 0) flow0[k] = base * (b[k] * (zero[f] - zero[net.branchTo[k]]) + pInj[k]);
  }
  const ptdfCache = new Map<number, Float64Array>();
  const ptdfRow = (k: number): Float64Array => {
    let row = ptdfCache.get(k);
    if (row === undefined) {
      const rhs = new Float64Array(lu.n);
      const f = net.branchFrom[k];
      const t = net.branchTo[k];
      if (unknown[f] >= 0) rhs[unknown[f]] += b[k];
      if (unknown[t] >= 0) rhs[unknown[t]] -= b[k];
      lu.solve(rhs);
      row = new Float64Array(nBus);
      for (let i = 0; i < nBus; i++) if (unknown[i] >= 0) row[i] = rhs[unknown[i]];
      ptdfCache.set(k, row);
    }
    return row;
  };
  // every branch's flow for net injections p (MW) less the loss allocation: one solve with B, the
  // same as sum_i PTDF_ki (p_i - l_i) + F0_k for all k at once
  const dcFlows = (p: Float64Array): Float64Array => {
    const rhs = new Float64Array(lu.n);
    for (let i = 0; i < nBus; i++) if (unknown[i] >= 0) rhs[unknown[i]] = (p[i] - lossLoad[i]) / base;
    lu.solve(rhs);
    const theta = (i: number) => (unknown[i] >= 0 ? rhs[unknown[i]] : 0);
    return Float64Array.from(flow0, (f0, k) => {
      const f = net.branchFrom[k];
      return f < 0 ? 0 : f0 + base * b[k] * (theta(f) - theta(net.branchTo[k]));
    });
  };
  const rateOf = (k: number) => {
    const rate = grid.branches[k].rateAMva ?? 0;
    return net.branchFrom[k] < 0 || !(rate > 0) || net.branchFrom[k] === net.branchTo[k] ? 0 : rate;
  };

  const lossFactor = new Float64Array(nBus);
  const lossLoad = new Float64Array(nBus);
  const islandLoss = new Float64Array(net.nIslands);
  const limited = new Set<number>();
  let pg = new Float64Array(nGen);
  const lossesByIteration: number[] = [];
  let last:
    | {
        lmp: Float64Array;
        energy: Float64Array;
        loss: Float64Array;
        congestion: Float64Array;
        objective: number;
      }
    | undefined;
  let iterations = 0;
  let converged = false;
  const admittances = computeBranchAdmittances(grid);
  // trust region on each generator's move (none in the lossless first iteration): a tenth of its
  // range, halved each time the generator turns back, and for all when some turned back and the
  // largest move did not halve (the linearised losses only hold nearby)
  const trust = new Float64Array(nGen).fill(Number.POSITIVE_INFINITY);
  const lastDelta = new Float64Array(nGen);
  let previousMove = Number.POSITIVE_INFINITY;

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    iterations = iteration + 1;
    // the program at the current loss factors
    let solved: ReturnType<LpSolver['solve']> | undefined;
    let model: ModelBuilder | undefined;
    let balanceRow: Int32Array | undefined;
    const limitRow = new Map<number, number>();
    const pCol = new Int32Array(nGen).fill(-1);
    for (let round = 0; round < 50; round++) {
      model = new ModelBuilder();
      const m = model;
      const errors: string[] = [];
      grid.generators.forEach((gen, g) => {
        const bus = net.genBus[g];
        if (bus < 0 || net.kind[bus] === DEAD) return;
        const pMax = gen.pMaxMw ?? Number.POSITIVE_INFINITY;
        const step = trust[g];
        pCol[g] = m.addVariable(Math.max(gen.pMinMw, pg[g] - step), Math.min(pMax, pg[g] + step), 0);
        const error = addGeneratorCost(m, pCol[g], gen.cost, `generator ${gen.id}`);
        if (error) errors.push(error);
      });
      if (errors.length > 0) return empty(errors.join('; '));
      // per island: sum (1 - LF_i) (sum P_g - D_i) = L0 - sum LF_i P0_i
      const rows = Array.from(islandLoss, (loss) => ({
        cols: [] as number[],
        vals: [] as number[],
        rhs: loss,
      }));
      const p0 = netInjection(pg);
      for (let i = 0; i < nBus; i++) {
        if (net.kind[i] === DEAD) continue;
        const row = rows[net.islandOfBus[i]];
        row.rhs += (1 - lossFactor[i]) * demand[i] - lossFactor[i] * p0[i];
      }
      grid.generators.forEach((_, g) => {
        if (pCol[g] < 0) return;
        const row = rows[net.islandOfBus[net.genBus[g]]];
        row.cols.push(pCol[g]);
        row.vals.push(1 - lossFactor[net.genBus[g]]);
      });
      balanceRow = Int32Array.from(rows, (row) =>
        row.cols.length > 0 ? m.addRow(row.rhs, row.rhs, row.cols, row.vals) : -1,
      );
      for (const k of limited) {
        const ptdf = ptdfRow(k);
        const cols: number[] = [];
        const vals: number[] = [];
        let constant = flow0[k];
        for (let i = 0; i < nBus; i++) constant -= ptdf[i] * (demand[i] + lossLoad[i]);
        grid.generators.forEach((_, g) => {
          if (pCol[g] >= 0 && ptdf[net.genBus[g]] !== 0) {
            cols.push(pCol[g]);
            vals.push(ptdf[net.genBus[g]]);
          }
        });
        const rate = rateOf(k);
        limitRow.set(k, m.addRow(-rate - constant, rate - constant, cols, vals));
      }
      solved = solver.solve(m.build());
      if (solved.status === 'infeasible' && Number.isFinite(trust[0] ?? 0)) {
        // the trust region (not the grid) may be what makes it infeasible: lift it for this round
        trust.fill(Number.POSITIVE_INFINITY);
        round--;
        continue;
      }
      if (solved.status !== 'optimal') break;
      // add the limits this dispatch breaks, and solve again
      const x = solved.x;
      const trial = new Float64Array(nGen);
      grid.generators.forEach((_, g) => {
        if (pCol[g] >= 0) trial[g] = x[pCol[g]];
      });
      const flows = dcFlows(netInjection(trial));
      let added = 0;
      for (let k = 0; k < nBranch; k++) {
        const rate = rateOf(k);
        if (rate === 0 || limited.has(k)) continue;
        if (Math.abs(flows[k]) > rate * (1 + 1e-9)) {
          limited.add(k);
          added++;
        }
      }
      if (added === 0) break;
    }
    if (solved === undefined || solved.status !== 'optimal' || balanceRow === undefined) {
      return empty(
        `loss-aware DC OPF: ${solved?.status ?? 'error'} at iteration ${iterations}`,
        solved?.status ?? 'error',
      );
    }
    const next = new Float64Array(nGen);
    grid.generators.forEach((_, g) => {
      if (pCol[g] >= 0) next[g] = solved.x[pCol[g]];
    });
    // prices and their parts
    const lmp = new Float64Array(nBus);
    const energy = new Float64Array(nBus);
    const loss = new Float64Array(nBus);
    const congestion = new Float64Array(nBus);
    for (let i = 0; i < nBus; i++) {
      if (net.kind[i] === DEAD) continue;
      const lambda = solved.rowDual[balanceRow[net.islandOfBus[i]]] ?? 0;
      energy[i] = lambda;
      loss[i] = -lambda * lossFactor[i];
    }
    for (const [k, row] of limitRow) {
      const mu = solved.rowDual[row];
      if (mu === 0) continue;
      const ptdf = ptdfRow(k);
      for (let i = 0; i < nBus; i++) congestion[i] += mu * ptdf[i];
    }
    for (let i = 0; i < nBus; i++) lmp[i] = energy[i] + loss[i] + congestion[i];
    last = { lmp, energy, loss, congestion, objective: solved.objective };
    const moved = Math.max(0, ...Array.from(next, (v, g) => Math.abs(v - pg[g])));
    let turnedBack = false;
    for (let g = 0; g < nGen; g++) {
      const delta = next[g] - pg[g];
      if (iteration === 0) {
        const gen = grid.generators[g];
        const range = (gen.pMaxMw ?? Math.abs(next[g]) + 100) - gen.pMinMw;
        trust[g] = Math.max(10 * toleranceMw, 0.1 * range);
      } else if (delta * lastDelta[g] < 0) {
        trust[g] = Math.max(toleranceMw / 2, trust[g] / 2); // it turned back: smaller steps
        turnedBack = true;
      }
      lastDelta[g] = delta;
    }
    if (turnedBack && moved > 0.5 * previousMove) {
      for (let g = 0; g < nGen; g++) trust[g] = Math.max(toleranceMw / 2, trust[g] / 2); // not settling
    }
    previousMove = moved;
    pg = next;

    // the AC power flow at this dispatch: losses, loss allocation and loss factors for the next round
    const ac = runAcPowerFlow({
      ...grid,
      generators: grid.generators.map((gen, g) => ({ ...gen, pMw: pg[g] })),
    });
    if (ac.status !== 'converged') {
      return {
        ...empty(
          `the AC power flow at iteration ${iterations}'s dispatch did not converge (${ac.status})`,
          'ac-power-flow-failed',
        ),
      };
    }
    lossesByIteration.push(ac.losses.pMw);
    islandLoss.fill(0);
    lossLoad.fill(0);
    const dLossDtheta = new Float64Array(nBus);
    const vm = new Float64Array(nBus);
    const va = new Float64Array(nBus);
    grid.buses.forEach((_, gb) => {
      const i = net.busOfGridBus[gb];
      if (i >= 0) {
        vm[i] = ac.buses.vmPu[gb];
        va[i] = (ac.buses.vaDeg[gb] * Math.PI) / 180;
      }
    });
    for (let k = 0; k < nBranch; k++) {
      const f = net.branchFrom[k];
      if (f < 0) continue;
      const t = net.branchTo[k];
      const lossMw = ac.branches.pLossMw[k];
      islandLoss[net.islandOfBus[f]] += lossMw;
      lossLoad[f] += lossMw / 2;
      lossLoad[t] += lossMw / 2;
      if (f === t) continue;
      const d = va[f] - va[t];
      const w = vm[f] * vm[t];
      const g =
        w *
        (-admittances.yftRe[k] * Math.sin(d) +
          admittances.yftIm[k] * Math.cos(d) -
          admittances.ytfRe[k] * Math.sin(d) -
          admittances.ytfIm[k] * Math.cos(d));
      dLossDtheta[f] += g;
      dLossDtheta[t] -= g;
    }
    const rhs = new Float64Array(lu.n);
    for (let i = 0; i < nBus; i++) if (unknown[i] >= 0) rhs[unknown[i]] = dLossDtheta[i];
    lu.solve(rhs);
    for (let i = 0; i < nBus; i++) lossFactor[i] = unknown[i] >= 0 ? rhs[unknown[i]] : 0;
    if (iteration > 0 && moved <= toleranceMw) {
      converged = true;
      break;
    }
  }

  const toGrid = (values: Float64Array) => {
    const out = new Float64Array(grid.buses.length).fill(Number.NaN);
    grid.buses.forEach((_, gb) => {
      const i = net.busOfGridBus[gb];
      if (i >= 0 && net.kind[i] !== DEAD) out[gb] = values[i];
    });
    return out;
  };
  if (last === undefined) return empty('loss-aware DC OPF: no iteration ran');
  return {
    status: converged ? 'optimal' : 'not-converged',
    ...(converged ? {} : { message: `dispatch still moving after ${iterations} iterations` }),
    iterations,
    objective: last.objective,
    pgMw: pg,
    lmp: toGrid(last.lmp),
    lmpEnergy: toGrid(last.energy),
    lmpLoss: toGrid(last.loss),
    lmpCongestion: toGrid(last.congestion),
    lossFactor: toGrid(lossFactor),
    lossesMw: lossesByIteration[lossesByIteration.length - 1],
    lossesByIterationMw: lossesByIteration,
  };

  function netInjection(dispatch: Float64Array): Float64Array {
    const p = new Float64Array(nBus);
    for (let i = 0; i < nBus; i++) p[i] = -demand[i];
    grid.generators.forEach((_, g) => {
      if (net.genBus[g] >= 0) p[net.genBus[g]] += dispatch[g];
    });
    return p;
  }
}
