/**
 * A primal-dual interior-point method for smooth nonlinear programs, after MATPOWER's MIPS
 * (H. Wang, C. E. Murillo-Sanchez, R. D. Zimmerman, R. J. Thomas, "On computational issues of
 * market-based optimal power flow", IEEE Trans. Power Systems 22(3), 2007):
 *
 *   min f(x)  s.t.  g(x) = 0,  h(x) <= 0,  xmin <= x <= xmax
 *
 * Bounds become inequalities (fixed variables equalities); slacks z > 0 turn h(x) + z = 0, and each
 * Newton step of the perturbed KKT conditions (z_k mu_k = gamma) solves, on one sparse LU,
 *
 *   [ M   J' ] [dx  ]   [ -N ]     M = Lxx + dh diag(mu / z) dh'
 *   [ J   0  ] [dlam] = [ -g ]     N = Lx + dh diag(1 / z) (mu .* h + gamma)
 *
 * then dz = -h - z - dh' dx, dmu = -mu + (gamma - mu .* dz) / z, steps up to 0.99995 of the way to the
 * boundary, gamma = 0.1 z'mu / (number of inequalities). Converged when feasibility, gradient,
 * complementarity and cost change are all below their tolerances (MATPOWER's definitions). The cost
 * is scaled by `costScale` inside (MATPOWER's 1e-4 for OPF); multipliers are returned unscaled.
 */
import { SparseLu } from '../math/index.ts';
import { assembleKktPattern, orderByGroups } from './kkt-pattern.ts';
import type { NlpPoint, NonlinearProgram } from './nonlinear-program.ts';

export type { NlpPoint, NonlinearProgram, TripletPattern } from './nonlinear-program.ts';

export interface InteriorPointOptions {
  readonly maxIterations?: number;
  readonly feasibilityTolerance?: number;
  readonly gradientTolerance?: number;
  readonly complementarityTolerance?: number;
  readonly costTolerance?: number;
  readonly costScale?: number;
}

export interface InteriorPointResult {
  readonly status: 'converged' | 'max-iterations' | 'numerically-failed';
  readonly iterations: number;
  readonly x: Float64Array;
  /** Cost at x, unscaled. */
  readonly f: number;
  /** Multipliers of g (per equality) and h (per inequality), unscaled. */
  readonly lam: Float64Array;
  readonly mu: Float64Array;
  /** Multipliers of the lower and upper variable bounds (0 where a bound is absent). */
  readonly muLower: Float64Array;
  readonly muUpper: Float64Array;
  readonly conditions: { feasibility: number; gradient: number; complementarity: number; cost: number };
}

const BIG = 1e10;

/** An empty evaluation of `nlp`, sized for its variables, constraints and Jacobian patterns. */
export function createNlpPoint(nlp: NonlinearProgram): NlpPoint {
  return {
    f: 0,
    gradient: new Float64Array(nlp.nx),
    g: new Float64Array(nlp.nEq),
    h: new Float64Array(nlp.nIneq),
    jacobianEq: new Float64Array(nlp.jacobianEqPattern.rows.length),
    jacobianIneq: new Float64Array(nlp.jacobianIneqPattern.rows.length),
  };
}

export function solveInteriorPoint(
  nlp: NonlinearProgram,
  options: InteriorPointOptions = {},
): InteriorPointResult {
  const maxIterations = options.maxIterations ?? 150;
  const feasTol = options.feasibilityTolerance ?? 5e-6;
  const gradTol = options.gradientTolerance ?? 1e-6;
  const compTol = options.complementarityTolerance ?? 1e-6;
  const costTol = options.costTolerance ?? 1e-6;
  const scale = options.costScale ?? 1;
  const { nx, nEq, nIneq, xMin, xMax } = nlp;

  // bounds: fixed variables are equalities, finite sides are inequalities (lower: xmin - x <= 0)
  const fixed: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (let j = 0; j < nx; j++) {
    if (Math.abs(xMax[j] - xMin[j]) <= Number.EPSILON) fixed.push(j);
    else {
      if (xMin[j] > -BIG) lower.push(j);
      if (xMax[j] < BIG) upper.push(j);
    }
  }
  const nFix = fixed.length;
  const nLo = lower.length;
  const nUp = upper.length;
  const nG = nEq + nFix;
  const nH = nIneq + nLo + nUp;

  const point = createNlpPoint(nlp);
  const kkt = assembleKktPattern(nlp, fixed, lower, upper);
  const lu = new SparseLu(kkt.pattern, {
    refactorPivotTolerance: 1e-8,
    ...(nlp.grouping ? { columnOrder: orderByGroups(nlp, fixed) } : {}),
  });
  const hessianValues = new Float64Array(nlp.hessianPattern.rows.length);

  const x = Float64Array.from(nlp.x0);
  const g = new Float64Array(nG);
  const h = new Float64Array(nH);
  const Lx = new Float64Array(nx);
  const lam = new Float64Array(nG);
  const z = new Float64Array(nH).fill(1);
  const mu = new Float64Array(nH);
  const rhs = new Float64Array(nx + nG);
  const dz = new Float64Array(nH);
  const dmu = new Float64Array(nH);
  const jIn = nlp.jacobianIneqPattern;
  const jEq = nlp.jacobianEqPattern;

  let f = 0;
  const evaluate = () => {
    nlp.evaluate(x, point);
    f = point.f * scale;
    g.set(point.g);
    for (let k = 0; k < nFix; k++) g[nEq + k] = x[fixed[k]] - xMax[fixed[k]];
    h.set(point.h);
    for (let k = 0; k < nLo; k++) h[nIneq + k] = xMin[lower[k]] - x[lower[k]];
    for (let k = 0; k < nUp; k++) h[nIneq + nLo + k] = x[upper[k]] - xMax[upper[k]];
  };
  // Lx = df + dg lam + dh mu
  const gradientOfLagrangian = () => {
    for (let j = 0; j < nx; j++) Lx[j] = point.gradient[j] * scale;
    for (let e = 0; e < jEq.rows.length; e++) Lx[jEq.cols[e]] += point.jacobianEq[e] * lam[jEq.rows[e]];
    for (let k = 0; k < nFix; k++) Lx[fixed[k]] += lam[nEq + k];
    for (let e = 0; e < jIn.rows.length; e++) Lx[jIn.cols[e]] += point.jacobianIneq[e] * mu[jIn.rows[e]];
    for (let k = 0; k < nLo; k++) Lx[lower[k]] -= mu[nIneq + k];
    for (let k = 0; k < nUp; k++) Lx[upper[k]] += mu[nIneq + nLo + k];
  };
  const conditions = { feasibility: 0, gradient: 0, complementarity: 0, cost: 0 };
  const measure = (f0: number) => {
    const xNorm = maxAbs(x);
    conditions.feasibility = Math.max(maxAbs(g), nH > 0 ? maxValue(h) : 0) / (1 + Math.max(xNorm, maxAbs(z)));
    conditions.gradient = maxAbs(Lx) / (1 + Math.max(maxAbs(lam), maxAbs(mu)));
    conditions.complementarity = dot(z, mu) / (1 + xNorm);
    conditions.cost = Math.abs(f - f0) / (1 + Math.abs(f0));
    return (
      conditions.feasibility < feasTol &&
      conditions.gradient < gradTol &&
      conditions.complementarity < compTol &&
      conditions.cost < costTol
    );
  };

  evaluate();
  let gamma = 1;
  for (let k = 0; k < nH; k++) {
    if (h[k] < -1) z[k] = -h[k];
    mu[k] = gamma / z[k];
  }
  gradientOfLagrangian();
  let f0 = f;
  let converged = measure(f0);
  let status: InteriorPointResult['status'] = converged ? 'converged' : 'max-iterations';
  let iterations = 0;
  const dxColumn = new Float64Array(nIneq);
  while (!converged && iterations < maxIterations) {
    iterations++;
    nlp.hessian(x, lam.subarray(0, nEq), mu.subarray(0, nIneq), scale, hessianValues);
    // KKT values: Hessian, then dh diag(mu/z) dh' per inequality row, bound diagonals, Jacobians
    const values = kkt.values;
    values.fill(0);
    const pos = kkt.position;
    let t = 0;
    for (let e = 0; e < hessianValues.length; e++) values[pos[t++]] += hessianValues[e];
    for (let r = 0; r < nIneq; r++) {
      const w = mu[r] / z[r];
      for (let a = kkt.ineqRowStart[r]; a < kkt.ineqRowStart[r + 1]; a++) {
        const va = w * point.jacobianIneq[kkt.ineqEntries[a]];
        for (let b = kkt.ineqRowStart[r]; b < kkt.ineqRowStart[r + 1]; b++) {
          values[pos[t++]] += va * point.jacobianIneq[kkt.ineqEntries[b]];
        }
      }
    }
    t += nx; // the structural diagonal
    for (let k = 0; k < nLo; k++) values[pos[t++]] += mu[nIneq + k] / z[nIneq + k];
    for (let k = 0; k < nUp; k++) values[pos[t++]] += mu[nIneq + nLo + k] / z[nIneq + nLo + k];
    for (let e = 0; e < jEq.rows.length; e++) {
      values[pos[t++]] += point.jacobianEq[e];
      values[pos[t++]] += point.jacobianEq[e];
    }
    for (let k = 0; k < nFix; k++) {
      values[pos[t++]] += 1;
      values[pos[t++]] += 1;
    }
    const factored = lu.factor(values);
    if (factored.status !== 'ok') {
      status = 'numerically-failed';
      break;
    }
    // right-hand side [-N; -g], N = Lx + dh (mu .* h + gamma) / z
    for (let j = 0; j < nx; j++) rhs[j] = -Lx[j];
    for (let e = 0; e < jIn.rows.length; e++) {
      const r = jIn.rows[e];
      rhs[jIn.cols[e]] -= (point.jacobianIneq[e] * (mu[r] * h[r] + gamma)) / z[r];
    }
    for (let k = 0; k < nLo; k++) {
      const r = nIneq + k;
      rhs[lower[k]] += (mu[r] * h[r] + gamma) / z[r];
    }
    for (let k = 0; k < nUp; k++) {
      const r = nIneq + nLo + k;
      rhs[upper[k]] -= (mu[r] * h[r] + gamma) / z[r];
    }
    for (let i = 0; i < nG; i++) rhs[nx + i] = -g[i];
    lu.solve(rhs);
    if (!rhs.every(Number.isFinite)) {
      status = 'numerically-failed';
      break;
    }
    // dz = -h - z - dh' dx;  dmu = -mu + (gamma - mu .* dz) / z
    dxColumn.fill(0);
    for (let e = 0; e < jIn.rows.length; e++)
      dxColumn[jIn.rows[e]] += point.jacobianIneq[e] * rhs[jIn.cols[e]];
    for (let r = 0; r < nIneq; r++) dz[r] = -h[r] - z[r] - dxColumn[r];
    for (let k = 0; k < nLo; k++) dz[nIneq + k] = -h[nIneq + k] - z[nIneq + k] + rhs[lower[k]];
    for (let k = 0; k < nUp; k++)
      dz[nIneq + nLo + k] = -h[nIneq + nLo + k] - z[nIneq + nLo + k] - rhs[upper[k]];
    for (let r = 0; r < nH; r++) dmu[r] = -mu[r] + (gamma - mu[r] * dz[r]) / z[r];
    const alphaP = stepToBoundary(z, dz);
    const alphaD = stepToBoundary(mu, dmu);
    for (let j = 0; j < nx; j++) x[j] += alphaP * rhs[j];
    for (let r = 0; r < nH; r++) {
      z[r] += alphaP * dz[r];
      mu[r] += alphaD * dmu[r];
    }
    for (let i = 0; i < nG; i++) lam[i] += alphaD * rhs[nx + i];
    if (nH > 0) gamma = (0.1 * dot(z, mu)) / nH;
    evaluate();
    gradientOfLagrangian();
    converged = measure(f0);
    if (converged) {
      status = 'converged';
      break;
    }
    if (
      !x.every(Number.isFinite) ||
      alphaP < 1e-8 ||
      alphaD < 1e-8 ||
      gamma < Number.EPSILON ||
      gamma > 1 / Number.EPSILON
    ) {
      status = 'numerically-failed';
      break;
    }
    f0 = f;
  }
  const muLower = new Float64Array(nx);
  const muUpper = new Float64Array(nx);
  for (let k = 0; k < nLo; k++) muLower[lower[k]] = mu[nIneq + k] / scale;
  for (let k = 0; k < nUp; k++) muUpper[upper[k]] = mu[nIneq + nLo + k] / scale;
  return {
    status,
    iterations,
    x,
    f: f / scale,
    lam: Float64Array.from(lam.subarray(0, nEq), (v) => v / scale),
    mu: Float64Array.from(mu.subarray(0, nIneq), (v) => v / scale),
    muLower,
    muUpper,
    conditions: { ...conditions },
  };
}

/** The longest step alpha <= 1 that keeps v + alpha dv at least (1 - 0.99995) v of the boundary. */
function stepToBoundary(v: Float64Array, dv: Float64Array): number {
  let alpha = 1;
  for (let k = 0; k < v.length; k++) if (dv[k] < 0) alpha = Math.min(alpha, (0.99995 * v[k]) / -dv[k]);
  return alpha;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let k = 0; k < v.length; k++) m = Math.max(m, Math.abs(v[k]));
  return m;
}

function maxValue(v: Float64Array): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < v.length; k++) m = Math.max(m, v[k]);
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}
