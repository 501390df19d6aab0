/**
 * The AC optimal power flow as a nonlinear program for the interior-point method, in MATPOWER's
 * formulation (per unit, angles in radians):
 *
 *   x = [th, V, Pg, Qg, y]      (y: one cost variable per piecewise-linear cost curve)
 *   min  sum_g C_g(base Pg_g) + sum y
 *   g:   P_i(V, th) - sum_{g at i} Pg_g + Pd_i = 0,   Q_i(V, th) - sum_{g at i} Qg_g + Qd_i = 0
 *   h:   |S_f,k|^2 - rate_k^2 <= 0 and |S_t,k|^2 - rate_k^2 <= 0 for rated branches (RATE_A > 0),
 *        th_f - th_t within the branch's angle limits, y >= c_s + m_s (base Pg - p_s) per segment s
 *   bounds: Vmin <= V <= Vmax, Pmin <= Pg <= Pmax, Qmin <= Qg <= Qmax, th_ref fixed
 *
 * Injections and flows are sums of the polar term of `polar-term.ts`, so every derivative is exact.
 * Buses in de-energised islands and generators on them are left out. The start is MATPOWER's: the
 * middle of every bounded range, all angles at the reference angle.
 */
import type { Grid } from '../grid/index.ts';
import { buildCscFromTriplets, patternOfCsc } from '../math/index.ts';
import {
  type AdmittanceMatrix,
  type BranchAdmittances,
  BUS_KIND,
  type PowerFlowNetwork,
} from '../powerflow/index.ts';
import type { NlpPoint, NonlinearProgram } from './interior-point.ts';
import { evaluatePolarTerm } from './polar-term.ts';

export interface AcOpfProblem extends NonlinearProgram {
  /** Variable of each electrical bus's angle and magnitude (-1 for dead buses). */
  readonly thVar: Int32Array;
  readonly vmVar: Int32Array;
  /** Variables of each grid generator's P and Q (-1 when it does not run). */
  readonly pgVar: Int32Array;
  readonly qgVar: Int32Array;
  /** Equality rows of each electrical bus's P and Q balance (-1 for dead buses). */
  readonly pRow: Int32Array;
  readonly qRow: Int32Array;
}

export function buildAcOpfProblem(
  grid: Grid,
  net: PowerFlowNetwork,
  Y: AdmittanceMatrix,
  ya: BranchAdmittances,
): AcOpfProblem | { error: string } {
  const base = net.baseMva;
  const n = net.nBus;
  const thVar = new Int32Array(n).fill(-1);
  const vmVar = new Int32Array(n).fill(-1);
  const pRow = new Int32Array(n).fill(-1);
  const qRow = new Int32Array(n).fill(-1);
  const alive: number[] = [];
  for (let i = 0; i < n; i++) if (net.kind[i] !== BUS_KIND.dead) alive.push(i);
  const nb = alive.length;
  alive.forEach((i, k) => {
    thVar[i] = k;
    vmVar[i] = nb + k;
    pRow[i] = k;
    qRow[i] = nb + k;
  });
  const gens = grid.generators.flatMap((_, g) =>
    net.genBus[g] >= 0 && thVar[net.genBus[g]] >= 0 ? [g] : [],
  );
  const ng = gens.length;
  const pgVar = new Int32Array(grid.generators.length).fill(-1);
  const qgVar = new Int32Array(grid.generators.length).fill(-1);
  gens.forEach((g, k) => {
    pgVar[g] = 2 * nb + k;
    qgVar[g] = 2 * nb + ng + k;
  });
  const pwl = gens.filter((g) => grid.generators[g].cost?.model === 'piecewise-linear');
  const yVar = new Int32Array(grid.generators.length).fill(-1);
  pwl.forEach((g, k) => {
    yVar[g] = 2 * nb + 2 * ng + k;
  });
  const nx = 2 * nb + 2 * ng + pwl.length;

  // bounds and start
  const xMin = new Float64Array(nx).fill(Number.NEGATIVE_INFINITY);
  const xMax = new Float64Array(nx).fill(Number.POSITIVE_INFINITY);
  const x0 = new Float64Array(nx);
  const refs = alive.filter((i) => net.kind[i] === BUS_KIND.ref);
  const refAngle = refs.length > 0 ? net.vaStartRad[refs[0]] : 0;
  for (const i of alive) {
    const bus = grid.buses[net.gridBusOfBus[i]];
    x0[thVar[i]] = refAngle;
    if (net.kind[i] === BUS_KIND.ref) xMin[thVar[i]] = xMax[thVar[i]] = net.vaStartRad[i];
    xMin[vmVar[i]] = bus.vmMinPu;
    xMax[vmVar[i]] = bus.vmMaxPu;
  }
  for (const g of gens) {
    const gen = grid.generators[g];
    xMin[pgVar[g]] = gen.pMinMw / base;
    xMax[pgVar[g]] = (gen.pMaxMw ?? Number.POSITIVE_INFINITY) / base;
    xMin[qgVar[g]] = (gen.qMinMvar ?? Number.NEGATIVE_INFINITY) / base;
    xMax[qgVar[g]] = (gen.qMaxMvar ?? Number.POSITIVE_INFINITY) / base;
    const cost = gen.cost;
    if (cost?.model === 'polynomial' && cost.coefficients.some((c) => !Number.isFinite(c))) {
      return { error: `generator ${gen.id}: cost coefficient is not a number` };
    }
  }
  for (let j = 0; j < nx; j++) {
    if (xMin[j] > xMax[j])
      return { error: `variable ${j}: lower bound ${xMin[j]} above upper bound ${xMax[j]}` };
    const lo = Number.isFinite(xMin[j]);
    const hi = Number.isFinite(xMax[j]);
    if (lo && hi) x0[j] = (xMin[j] + xMax[j]) / 2;
    else if (lo) x0[j] = xMin[j];
    else if (hi) x0[j] = xMax[j];
  }
  for (const i of alive) x0[thVar[i]] = net.kind[i] === BUS_KIND.ref ? net.vaStartRad[i] : refAngle;

  // equality Jacobian and Hessian patterns: 8 Jacobian and 16 Hessian entries per off-diagonal Y entry
  const entries: { i: number; j: number; e: number }[] = [];
  const diagonal: { i: number; e: number }[] = [];
  for (let j = 0; j < n; j++) {
    for (let e = Y.colPtr[j]; e < Y.colPtr[j + 1]; e++) {
      const i = Y.rowIdx[e];
      if (thVar[i] < 0 || thVar[j] < 0) continue;
      if (i === j) diagonal.push({ i, e });
      else entries.push({ i, j, e });
    }
  }
  const jEqRows: number[] = [];
  const jEqCols: number[] = [];
  const hRows: number[] = [];
  const hCols: number[] = [];
  const block = (vars: number[]) => {
    for (const r of vars) for (const c of vars) addTriplet(hRows, hCols, r, c);
  };
  for (const { i, j } of entries) {
    const vars = [thVar[i], thVar[j], vmVar[i], vmVar[j]];
    for (const row of [pRow[i], qRow[i]]) for (const c of vars) addTriplet(jEqRows, jEqCols, row, c);
    block(vars);
  }
  for (const { i } of diagonal) {
    jEqRows.push(pRow[i], qRow[i]);
    jEqCols.push(vmVar[i], vmVar[i]);
    hRows.push(vmVar[i]);
    hCols.push(vmVar[i]);
  }
  for (const g of gens) {
    const i = net.genBus[g];
    jEqRows.push(pRow[i], qRow[i]);
    jEqCols.push(pgVar[g], qgVar[g]);
  }
  const quadratic = gens.filter((g) => {
    const cost = grid.generators[g].cost;
    return cost?.model === 'polynomial' && cost.coefficients.length > 2;
  });
  for (const g of quadratic) addTriplet(hRows, hCols, pgVar[g], pgVar[g]);

  // inequalities: rated branch ends, angle limits, cost segments
  const flowRows: { k: number; atFrom: boolean; rate: number }[] = [];
  const angleRows: { k: number; sign: 1 | -1; limit: number }[] = [];
  grid.branches.forEach((b, k) => {
    const f = net.branchFrom[k];
    const t = net.branchTo[k];
    if (f < 0 || t < 0 || thVar[f] < 0 || f === t) return;
    const rate = b.rateAMva ?? 0;
    if (rate > 0)
      flowRows.push({ k, atFrom: true, rate: rate / base }, { k, atFrom: false, rate: rate / base });
    const lo = b.angMinDeg ?? -360;
    const hi = b.angMaxDeg ?? 360;
    if (lo === 0 && hi === 0) return;
    if (hi < 360) angleRows.push({ k, sign: 1, limit: (hi * Math.PI) / 180 });
    if (lo > -360) angleRows.push({ k, sign: -1, limit: (lo * Math.PI) / 180 });
  });
  const segments: { g: number; slope: number; intercept: number }[] = [];
  for (const g of pwl) {
    const cost = grid.generators[g].cost;
    if (cost?.model !== 'piecewise-linear') continue;
    const pts = cost.points;
    let top = Number.NEGATIVE_INFINITY;
    for (let s = 0; s + 1 < pts.length; s++) {
      const slope = (pts[s + 1].costPerHour - pts[s].costPerHour) / (pts[s + 1].pMw - pts[s].pMw);
      segments.push({ g, slope, intercept: pts[s].costPerHour - slope * pts[s].pMw });
      top = Math.max(top, pts[s].costPerHour, pts[s + 1].costPerHour);
    }
    x0[yVar[g]] = top + 0.1 * Math.abs(top);
  }
  const jInRows: number[] = [];
  const jInCols: number[] = [];
  flowRows.forEach(({ k, atFrom }, r) => {
    const a = atFrom ? net.branchFrom[k] : net.branchTo[k];
    const b = atFrom ? net.branchTo[k] : net.branchFrom[k];
    const vars = [thVar[a], thVar[b], vmVar[a], vmVar[b]];
    for (const c of vars) addTriplet(jInRows, jInCols, r, c);
    block(vars);
  });
  const angleStart = flowRows.length;
  angleRows.forEach(({ k }, r) => {
    jInRows.push(angleStart + r, angleStart + r);
    jInCols.push(thVar[net.branchFrom[k]], thVar[net.branchTo[k]]);
  });
  const segmentStart = angleStart + angleRows.length;
  segments.forEach(({ g }, r) => {
    jInRows.push(segmentStart + r, segmentStart + r);
    jInCols.push(pgVar[g], yVar[g]);
  });
  const nIneq = segmentStart + segments.length;

  const pd = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    pd[i] = -net.pFixedPu[i];
    qd[i] = -net.qFixedPu[i];
  }
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  const grad = new Float64Array(4);
  const hess = new Float64Array(16);
  const gradQ = new Float64Array(4);
  const hessQ = new Float64Array(16);

  /** Polar term parameters of a branch end: [dP, alphaP, betaP, dQ, alphaQ, betaQ]. */
  const endTerms = (k: number, atFrom: boolean) => {
    const [yaaRe, yaaIm, yabRe, yabIm] = atFrom
      ? [ya.yffRe[k], ya.yffIm[k], ya.yftRe[k], ya.yftIm[k]]
      : [ya.yttRe[k], ya.yttIm[k], ya.ytfRe[k], ya.ytfIm[k]];
    return [yaaRe, yabRe, yabIm, -yaaIm, -yabIm, yabRe] as const;
  };
  const endFlow = (x: Float64Array, k: number, atFrom: boolean) => {
    const a = atFrom ? net.branchFrom[k] : net.branchTo[k];
    const b = atFrom ? net.branchTo[k] : net.branchFrom[k];
    const [dP, aP, bP, dQ, aQ, bQ] = endTerms(k, atFrom);
    const v1 = x[vmVar[a]];
    const v2 = x[vmVar[b]];
    const th = x[thVar[a]] - x[thVar[b]];
    const pf = evaluatePolarTerm(v1, v2, th, dP, aP, bP, grad, hess);
    const qf = evaluatePolarTerm(v1, v2, th, dQ, aQ, bQ, gradQ, hessQ);
    return { pf, qf };
  };

  const polyCost = (g: number, pMw: number) => {
    const cost = grid.generators[g].cost;
    if (cost?.model !== 'polynomial') return [0, 0, 0];
    let value = 0;
    let slope = 0;
    let curvature = 0;
    const c = cost.coefficients;
    for (let m = c.length - 1; m >= 0; m--) {
      curvature = curvature * pMw + 2 * slope;
      slope = slope * pMw + value;
      value = value * pMw + c[m];
    }
    return [value, slope, curvature];
  };

  // KKT column order by bus: AMD on the network, each bus with its angle, magnitude, generators, balances
  const groupOfVariable = new Int32Array(nx).fill(-1);
  const groupOfEquality = new Int32Array(2 * nb);
  alive.forEach((i, k) => {
    groupOfVariable[thVar[i]] = groupOfVariable[vmVar[i]] = k;
    groupOfEquality[pRow[i]] = groupOfEquality[qRow[i]] = k;
  });
  for (const g of gens) {
    const k = thVar[net.genBus[g]];
    groupOfVariable[pgVar[g]] = groupOfVariable[qgVar[g]] = k;
    if (yVar[g] >= 0) groupOfVariable[yVar[g]] = k;
  }
  const graphRows: number[] = [];
  const graphCols: number[] = [];
  for (const { i, j } of entries) addTriplet(graphRows, graphCols, thVar[i], thVar[j]);
  for (let k = 0; k < nb; k++) addTriplet(graphRows, graphCols, k, k);
  const graph = patternOfCsc(
    buildCscFromTriplets(nb, nb, graphRows, graphCols, new Float64Array(graphRows.length)).matrix,
  );

  return {
    nx,
    nEq: 2 * nb,
    grouping: { graph, groupOfVariable, groupOfEquality },
    nIneq,
    x0,
    xMin,
    xMax,
    jacobianEqPattern: { rows: Int32Array.from(jEqRows), cols: Int32Array.from(jEqCols) },
    jacobianIneqPattern: { rows: Int32Array.from(jInRows), cols: Int32Array.from(jInCols) },
    hessianPattern: { rows: Int32Array.from(hRows), cols: Int32Array.from(hCols) },
    thVar,
    vmVar,
    pgVar,
    qgVar,
    pRow,
    qRow,

    evaluate(x: Float64Array, out: NlpPoint): void {
      out.gradient.fill(0);
      out.f = 0;
      for (const g of gens) {
        const [value, slope] = polyCost(g, x[pgVar[g]] * base);
        out.f += value;
        out.gradient[pgVar[g]] += slope * base;
      }
      for (const g of pwl) {
        out.f += x[yVar[g]];
        out.gradient[yVar[g]] = 1;
      }
      // injections and their Jacobian
      p.fill(0);
      q.fill(0);
      let t = 0;
      const J = out.jacobianEq;
      for (const { i, j, e } of entries) {
        const G = Y.re[e];
        const B = Y.im[e];
        const v1 = x[vmVar[i]];
        const v2 = x[vmVar[j]];
        const th = x[thVar[i]] - x[thVar[j]];
        p[i] += evaluatePolarTerm(v1, v2, th, 0, G, B, grad, hess);
        for (let a = 0; a < 4; a++) J[t + a] = grad[a];
        q[i] += evaluatePolarTerm(v1, v2, th, 0, -B, G, grad, hess);
        for (let a = 0; a < 4; a++) J[t + 4 + a] = grad[a];
        t += 8;
      }
      for (const { i, e } of diagonal) {
        const v = x[vmVar[i]];
        p[i] += Y.re[e] * v * v;
        q[i] -= Y.im[e] * v * v;
        J[t++] = 2 * Y.re[e] * v;
        J[t++] = -2 * Y.im[e] * v;
      }
      for (let k = 0; k < 2 * ng; k++) J[t++] = -1;
      for (const i of alive) {
        out.g[pRow[i]] = p[i] + pd[i];
        out.g[qRow[i]] = q[i] + qd[i];
      }
      for (const g of gens) {
        out.g[pRow[net.genBus[g]]] -= x[pgVar[g]];
        out.g[qRow[net.genBus[g]]] -= x[qgVar[g]];
      }
      // inequalities
      const H = out.jacobianIneq;
      t = 0;
      flowRows.forEach(({ k, atFrom, rate }, r) => {
        const { pf, qf } = endFlow(x, k, atFrom);
        out.h[r] = pf * pf + qf * qf - rate * rate;
        for (let a = 0; a < 4; a++) H[t++] = 2 * pf * grad[a] + 2 * qf * gradQ[a];
      });
      angleRows.forEach(({ k, sign, limit }, r) => {
        const th = x[thVar[net.branchFrom[k]]] - x[thVar[net.branchTo[k]]];
        out.h[angleStart + r] = sign * (th - limit);
        H[t++] = sign;
        H[t++] = -sign;
      });
      segments.forEach(({ g, slope, intercept }, r) => {
        out.h[segmentStart + r] = slope * x[pgVar[g]] * base + intercept - x[yVar[g]];
        H[t++] = slope * base;
        H[t++] = -1;
      });
    },

    hessian(x, lam, mu, costScale, out): void {
      let t = 0;
      for (const { i, j, e } of entries) {
        const a = lam[pRow[i]];
        const b = lam[qRow[i]];
        const G = Y.re[e];
        const B = Y.im[e];
        const th = x[thVar[i]] - x[thVar[j]];
        evaluatePolarTerm(x[vmVar[i]], x[vmVar[j]], th, 0, a * G - b * B, a * B + b * G, grad, hess);
        for (let m = 0; m < 16; m++) out[t++] = hess[m];
      }
      for (const { i, e } of diagonal) out[t++] = 2 * (lam[pRow[i]] * Y.re[e] - lam[qRow[i]] * Y.im[e]);
      for (const g of quadratic) out[t++] = costScale * polyCost(g, x[pgVar[g]] * base)[2] * base * base;
      flowRows.forEach(({ k, atFrom }, r) => {
        const { pf, qf } = endFlow(x, k, atFrom);
        const m2 = 2 * mu[r];
        for (let a = 0; a < 4; a++) {
          for (let b = 0; b < 4; b++) {
            out[t++] =
              m2 * (grad[a] * grad[b] + gradQ[a] * gradQ[b] + pf * hess[4 * a + b] + qf * hessQ[4 * a + b]);
          }
        }
      });
    },
  };
}

function addTriplet(rows: number[], cols: number[], row: number, col: number): void {
  rows.push(row);
  cols.push(col);
}
