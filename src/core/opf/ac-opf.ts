/**
 * AC optimal power flow by sequential quadratic programming on the power-flow equations: from a
 * point (V, th, Pg, Qg), linearise the bus balances and the branch |S| limits with the exact
 * derivatives of the polar injections, solve the LP (quadratic generator costs as tangent cuts: a
 * fixed set over each range plus one at every iterate, so the cost is exact where the steps settle),
 * step within a trust region, repeat until the step and the mismatch are small:
 *
 *   min  sum_g C_g(Pg)
 *   s.t. base (dP/dth dth + dP/dV dV) - sum_{g at i} Pg = -Pd_i - base P_i(V, th)     (lambda_i: LMP)
 *        base (dQ/dth dth + dQ/dV dV) - sum_{g at i} Qg = -Qd_i - base Q_i(V, th)
 *        |S_k|^2 + 2 P_k dP_k + 2 Q_k dQ_k <= rate_k^2  (both ends, for branches near their rating)
 *        Vmin <= V + dV <= Vmax,  |dV|, |dth| within a trust region,  Pg, Qg within limits,  dth_ref = 0
 *
 * Injections P_i = V_i sum_j V_j (G_ij cos th_ij + B_ij sin th_ij), Q_i = V_i sum_j V_j (G_ij sin th_ij
 * - B_ij cos th_ij), and their derivatives as in MATPOWER's dSbus_dV (polar form). The start is the
 * AC power flow of the case. At the optimum the duals of the linearised P balances are the LMPs.
 */
import type { Grid } from '../grid/index.ts';
import { type LpBasis, type LpSolver, ModelBuilder } from '../optimize/index.ts';
import {
  BUS_KIND,
  buildAdmittanceMatrix,
  compileNetwork,
  computeBranchAdmittances,
  runAcPowerFlow,
} from '../powerflow/index.ts';
import {
  addFlowLimit,
  allEndFlows,
  type BranchFlowContext,
  maxEndMva,
  worstRatingExcess,
} from './ac-branch-flows.ts';
import { addGeneratorCost } from './generator-cost.ts';

export interface AcOpfOptions {
  readonly maxIterations?: number;
  /** Largest bus mismatch at the optimum, MW / MVAr (default 1e-3: MATPOWER's own AC OPF solutions balance to ~3e-3). */
  readonly toleranceMva?: number;
}

export interface AcOpfResult {
  readonly status: 'optimal' | 'not-converged' | 'infeasible' | 'invalid' | 'error';
  readonly message?: string;
  readonly iterations: number;
  readonly objective: number;
  readonly vmPu: Float64Array;
  readonly vaDeg: Float64Array;
  readonly pgMw: Float64Array;
  readonly qgMvar: Float64Array;
  readonly lmp: Float64Array;
  /** Per grid bus: dual of the reactive balance, cost per MVArh. */
  readonly lamQ: Float64Array;
  /** Per grid branch: flows into the branch at each end, MW and MVAr (0 when out of service). */
  readonly branchFlows: {
    readonly pf: Float64Array;
    readonly qf: Float64Array;
    readonly pt: Float64Array;
    readonly qt: Float64Array;
  };
  /** Worst violation at the final point: bus mismatch (MVA), voltage bounds (p.u.), branch ratings (MVA). */
  readonly worstViolation: {
    readonly mismatchMva: number;
    readonly voltagePu: number;
    readonly flowMva: number;
  };
}

export function runAcOpf(grid: Grid, solver: LpSolver, options: AcOpfOptions = {}): AcOpfResult {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.toleranceMva ?? 1e-3;
  const net = compileNetwork(grid);
  const base = net.baseMva;
  const n = net.nBus;
  const ya = computeBranchAdmittances(grid);
  const Y = buildAdmittanceMatrix(net, ya);
  const nGen = grid.generators.length;
  const alive = (i: number) => net.kind[i] !== BUS_KIND.dead;

  // start: the AC power flow of the case
  const pf = runAcPowerFlow(grid);
  const vm = new Float64Array(n).fill(1);
  const va = new Float64Array(n);
  grid.buses.forEach((_, gb) => {
    const i = net.busOfGridBus[gb];
    if (i >= 0 && pf.status === 'converged') {
      vm[i] = pf.buses.vmPu[gb];
      va[i] = (pf.buses.vaDeg[gb] * Math.PI) / 180;
    } else if (i >= 0) {
      vm[i] = net.vmStart[i];
      va[i] = net.vaStartRad[i];
    }
  });
  let pg = Float64Array.from(grid.generators, (g, k) =>
    pf.status === 'converged' ? pf.generators.pMw[k] : g.pMw,
  );
  let qg = Float64Array.from(grid.generators, (g, k) =>
    pf.status === 'converged' ? pf.generators.qMvar[k] : g.qMvar,
  );
  const flows: BranchFlowContext = { grid, net, admittances: ya, base, vm, va };
  const vMin = new Float64Array(n);
  const vMax = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const bus = grid.buses[net.gridBusOfBus[i]];
    vMin[i] = bus.vmMinPu;
    vMax[i] = bus.vmMaxPu;
  }
  const pd = Float64Array.from(net.pFixedPu, (v) => -v * base);
  const qd = Float64Array.from(net.qFixedPu, (v) => -v * base);

  const p = new Float64Array(n);
  const q = new Float64Array(n);
  const injections = () => {
    p.fill(0);
    q.fill(0);
    for (let j = 0; j < n; j++) {
      for (let e = Y.colPtr[j]; e < Y.colPtr[j + 1]; e++) {
        const i = Y.rowIdx[e];
        const d = va[i] - va[j];
        const c = Math.cos(d);
        const s = Math.sin(d);
        p[i] += vm[i] * vm[j] * (Y.re[e] * c + Y.im[e] * s);
        q[i] += vm[i] * vm[j] * (Y.re[e] * s - Y.im[e] * c);
      }
    }
  };
  const mismatch = () => {
    injections();
    const dp = Float64Array.from(p, (v, i) => v * base + pd[i]);
    const dq = Float64Array.from(q, (v, i) => v * base + qd[i]);
    grid.generators.forEach((_, g) => {
      const i = net.genBus[g];
      if (i >= 0) {
        dp[i] -= pg[g];
        dq[i] -= qg[g];
      }
    });
    let worst = 0;
    for (let i = 0; i < n; i++) if (alive(i)) worst = Math.max(worst, Math.abs(dp[i]), Math.abs(dq[i]));
    return worst;
  };

  let dvMax = 0.1;
  let dthMax = 0.2;
  // rows beyond the bus balances, in the order they were first needed (so that the basis of one
  // step fits the next): tangent cuts of quadratic costs and linearised branch ratings
  const extras: ({ kind: 'cut'; g: number; p0: number } | { kind: 'rating'; k: number })[] = [];
  const yCol = new Int32Array(nGen).fill(-1);
  let basis: LpBasis | undefined;
  let lmp = new Float64Array(n);
  let lamQ = new Float64Array(n);
  let objective = Number.NaN;
  let iterations = 0;
  let previous = mismatch();
  let lastObjective = Number.NaN;
  let converged = false;
  const limited = new Set<number>();
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    iterations = iteration + 1;
    injections();
    const m = new ModelBuilder();
    const dth = new Int32Array(n);
    const dv = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const fixedAngle = net.kind[i] === BUS_KIND.ref || !alive(i);
      dth[i] = m.addVariable(fixedAngle ? 0 : -dthMax, fixedAngle ? 0 : dthMax, 0);
      let lo = Math.max(vMin[i] - vm[i], -dvMax);
      let hi = Math.min(vMax[i] - vm[i], dvMax);
      if (lo > hi) lo = hi = vm[i] > vMax[i] ? -dvMax : dvMax;
      if (!alive(i)) lo = hi = 0;
      dv[i] = m.addVariable(lo, hi, 0);
    }
    const pCol = new Int32Array(nGen).fill(-1);
    const qCol = new Int32Array(nGen).fill(-1);
    for (const [g, gen] of grid.generators.entries()) {
      const i = net.genBus[g];
      if (i < 0 || !alive(i)) continue;
      pCol[g] = m.addVariable(gen.pMinMw, gen.pMaxMw ?? Number.POSITIVE_INFINITY, 0);
      qCol[g] = m.addVariable(
        gen.qMinMvar ?? Number.NEGATIVE_INFINITY,
        gen.qMaxMvar ?? Number.POSITIVE_INFINITY,
        0,
      );
      const cost = gen.cost;
      if (cost?.model === 'polynomial' && (cost.coefficients[2] ?? 0) > 0 && cost.coefficients.length <= 3) {
        // quadratic cost as tangent cuts (an LP): a fixed set over the range plus one at every iterate
        yCol[g] = m.addVariable(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1);
        if (iteration === 0) {
          const lo = gen.pMinMw;
          const hi = gen.pMaxMw ?? lo + 1000;
          for (let k = 0; k <= 10; k++) extras.push({ kind: 'cut', g, p0: lo + ((hi - lo) * k) / 10 });
        }
        extras.push({ kind: 'cut', g, p0: pg[g] });
      } else {
        const error = addGeneratorCost(m, pCol[g], cost, `generator ${gen.id}`);
        if (error) return failed('invalid', error);
      }
    }
    // linearised balances
    const rowsP: { cols: number[]; vals: number[] }[] = Array.from({ length: n }, () => ({
      cols: [],
      vals: [],
    }));
    const rowsQ: { cols: number[]; vals: number[] }[] = Array.from({ length: n }, () => ({
      cols: [],
      vals: [],
    }));
    for (let j = 0; j < n; j++) {
      for (let e = Y.colPtr[j]; e < Y.colPtr[j + 1]; e++) {
        const i = Y.rowIdx[e];
        const G = Y.re[e];
        const B = Y.im[e];
        if (i === j) {
          rowsP[i].cols.push(dth[i], dv[i]);
          rowsP[i].vals.push(base * (-q[i] - B * vm[i] * vm[i]), base * (p[i] / vm[i] + G * vm[i]));
          rowsQ[i].cols.push(dth[i], dv[i]);
          rowsQ[i].vals.push(base * (p[i] - G * vm[i] * vm[i]), base * (q[i] / vm[i] - B * vm[i]));
          continue;
        }
        const d = va[i] - va[j];
        const c = Math.cos(d);
        const s = Math.sin(d);
        rowsP[i].cols.push(dth[j], dv[j]);
        rowsP[i].vals.push(base * vm[i] * vm[j] * (G * s - B * c), base * vm[i] * (G * c + B * s));
        rowsQ[i].cols.push(dth[j], dv[j]);
        rowsQ[i].vals.push(-base * vm[i] * vm[j] * (G * c + B * s), base * vm[i] * (G * s - B * c));
      }
    }
    grid.generators.forEach((_, g) => {
      if (pCol[g] < 0) return;
      const i = net.genBus[g];
      rowsP[i].cols.push(pCol[g]);
      rowsP[i].vals.push(-1);
      rowsQ[i].cols.push(qCol[g]);
      rowsQ[i].vals.push(-1);
    });
    const balanceP = new Int32Array(n).fill(-1);
    const balanceQ = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (!alive(i)) continue;
      const rhsP = -pd[i] - base * p[i];
      const rhsQ = -qd[i] - base * q[i];
      // rows in per unit (coefficients of order |Y|, not base |Y|): better conditioned for the simplex
      const scale = 1 / base;
      balanceP[i] = m.addRow(
        rhsP * scale,
        rhsP * scale,
        rowsP[i].cols,
        rowsP[i].vals.map((v) => v * scale),
      );
      balanceQ[i] = m.addRow(
        rhsQ * scale,
        rhsQ * scale,
        rowsQ[i].cols,
        rowsQ[i].vals.map((v) => v * scale),
      );
    }
    // branch ratings, linearised at both ends, for branches near or over their rating
    for (const extra of extras) {
      if (extra.kind === 'rating') {
        addFlowLimit(flows, m, extra.k, dth, dv);
        continue;
      }
      const cost = grid.generators[extra.g].cost;
      const [c0 = 0, c1 = 0, c2 = 0] = cost?.model === 'polynomial' ? cost.coefficients : [];
      const p0 = extra.p0;
      m.addRow(
        c0 - c2 * p0 * p0,
        Number.POSITIVE_INFINITY,
        [yCol[extra.g], pCol[extra.g]],
        [1, -(c1 + 2 * c2 * p0)],
      );
    }
    const solved = solver.solve(m.build(), { startBasis: basis });
    if (solved.status === 'optimal') basis = solved.basis;
    if (solved.status !== 'optimal') {
      if (dvMax > 1e-4) {
        dvMax /= 2;
        dthMax /= 2;
        continue;
      }
      return failed(
        solved.status === 'infeasible' ? 'infeasible' : 'error',
        `AC OPF step ${iterations}: ${solved.status} ${solved.message ?? ''}`,
      );
    }
    let step = 0;
    for (let i = 0; i < n; i++) {
      step = Math.max(step, Math.abs(solved.x[dv[i]]), Math.abs(solved.x[dth[i]]));
      vm[i] += solved.x[dv[i]];
      va[i] += solved.x[dth[i]];
    }
    pg = Float64Array.from(pg, (v, g) => (pCol[g] >= 0 ? solved.x[pCol[g]] : 0));
    qg = Float64Array.from(qg, (v, g) => (qCol[g] >= 0 ? solved.x[qCol[g]] : 0));
    // the row holds -Pd on its right-hand side: one more MW of demand lowers the bound
    lmp = Float64Array.from(balanceP, (row) => (row >= 0 ? -solved.rowDual[row] / base : Number.NaN));
    lamQ = Float64Array.from(balanceQ, (row) => (row >= 0 ? -solved.rowDual[row] / base : Number.NaN));
    objective = solved.objective;
    // ratings: watch every branch over 90 % of its rating from now on
    let added = 0;
    for (let k = 0; k < grid.branches.length; k++) {
      const rate = grid.branches[k].rateAMva ?? 0;
      if (rate > 0 && !limited.has(k) && net.branchFrom[k] >= 0 && maxEndMva(flows, k) > 0.9 * rate) {
        limited.add(k);
        extras.push({ kind: 'rating', k });
        added++;
      }
    }
    const now = mismatch();
    const costRose = now < tolerance && solved.objective > lastObjective + 1e-9 * Math.abs(solved.objective);
    if (now > previous || costRose) {
      dvMax = Math.max(1e-4, dvMax / 2);
      dthMax = Math.max(2e-4, dthMax / 2);
    }
    previous = now;
    // converged: balanced to the tolerance, no new rating to watch, and the cost settled (the LP's
    // steps in voltage may wander along a flat direction without changing anything that matters)
    const settled = Math.abs(solved.objective - lastObjective) <= 1e-7 * Math.abs(solved.objective);
    lastObjective = solved.objective;
    if (added === 0 && now < tolerance && (step < 1e-6 || settled || dvMax < 1e-3)) {
      converged = true;
      break;
    }
  }
  const toGrid = (values: Float64Array, f: (v: number) => number = (v) => v) =>
    Float64Array.from(grid.buses, (_, gb) => {
      const i = net.busOfGridBus[gb];
      return i >= 0 && alive(i) ? f(values[i]) : Number.NaN;
    });
  return {
    status: converged ? 'optimal' : 'not-converged',
    ...(converged
      ? {}
      : { message: `no convergence in ${iterations} steps (mismatch ${previous.toExponential(2)} MVA)` }),
    iterations,
    objective,
    vmPu: toGrid(vm),
    vaDeg: toGrid(va, (v) => (v * 180) / Math.PI),
    pgMw: pg,
    qgMvar: qg,
    lmp: toGrid(lmp),
    lamQ: toGrid(lamQ),
    branchFlows: allEndFlows(flows),
    worstViolation: { mismatchMva: previous, voltagePu: worstVoltage(), flowMva: worstRatingExcess(flows) },
  };

  function worstVoltage(): number {
    let worst = 0;
    for (let i = 0; i < n; i++) if (alive(i)) worst = Math.max(worst, vMin[i] - vm[i], vm[i] - vMax[i]);
    return worst;
  }

  function failed(status: AcOpfResult['status'], message: string): AcOpfResult {
    const nan = () => new Float64Array(grid.buses.length).fill(Number.NaN);
    return {
      status,
      message,
      iterations,
      objective: Number.NaN,
      vmPu: nan(),
      vaDeg: nan(),
      pgMw: new Float64Array(nGen),
      qgMvar: new Float64Array(nGen),
      lmp: nan(),
      lamQ: nan(),
      branchFlows: {
        pf: new Float64Array(grid.branches.length),
        qf: new Float64Array(grid.branches.length),
        pt: new Float64Array(grid.branches.length),
        qt: new Float64Array(grid.branches.length),
      },
      worstViolation: { mismatchMva: Number.NaN, voltagePu: Number.NaN, flowMva: Number.NaN },
    };
  }
}
