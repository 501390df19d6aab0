import { describe, expect, it } from 'vitest';
import { type Grid, type GridInput, parseGrid } from '../grid/index.ts';
import { buildAdmittanceMatrix, compileNetwork, computeBranchAdmittances } from '../powerflow/index.ts';
import { runAcOpf } from './ac-opf.ts';
import { type AcOpfProblem, buildAcOpfProblem } from './ac-opf-problem.ts';
import { createNlpPoint, type NlpPoint } from './interior-point.ts';

/** Three buses in a triangle: a cheap generator at 1 (polynomial), a dear one at 3 (piecewise linear), load at 2. */
function triangle(loadMw: number, rate12Mva: number): Grid {
  const input: GridInput = {
    format: 'kirchhoff-grid',
    version: 1,
    baseMva: 100,
    buses: [
      { id: '1', type: 'slack', baseKv: 110, vmMinPu: 0.95, vmMaxPu: 1.05 },
      { id: '2', type: 'pq', baseKv: 110, vmMinPu: 0.95, vmMaxPu: 1.05 },
      { id: '3', type: 'pv', baseKv: 110, vmMinPu: 0.95, vmMaxPu: 1.05 },
    ],
    branches: [
      { id: 'a', fromBusId: '1', toBusId: '2', rPu: 0.02, xPu: 0.1, bPu: 0.02, rateAMva: rate12Mva },
      {
        id: 'b',
        fromBusId: '2',
        toBusId: '3',
        rPu: 0.01,
        xPu: 0.08,
        rateAMva: 300,
        angMinDeg: -30,
        angMaxDeg: 30,
      },
      {
        id: 'c',
        kind: 'transformer',
        fromBusId: '1',
        toBusId: '3',
        rPu: 0.005,
        xPu: 0.12,
        tapRatio: 1.02,
        shiftDeg: 2,
      },
    ],
    generators: [
      {
        id: 'cheap',
        busId: '1',
        pMaxMw: 300,
        qMinMvar: -100,
        qMaxMvar: 100,
        cost: { model: 'polynomial', coefficients: [0, 10, 0.02] },
      },
      {
        id: 'dear',
        busId: '3',
        pMaxMw: 200,
        qMinMvar: -100,
        qMaxMvar: 100,
        cost: {
          model: 'piecewise-linear',
          points: [
            { pMw: 0, costPerHour: 0 },
            { pMw: 100, costPerHour: 4000 },
            { pMw: 200, costPerHour: 10000 },
          ],
        },
      },
    ],
    loads: [{ id: 'D', busId: '2', pMw: loadMw, qMvar: 0.2 * loadMw }],
    shunts: [{ id: 's', busId: '2', gMw: 1, bMvar: 10 }],
  };
  const parsed = parseGrid(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.grid;
}

function problemOf(grid: Grid): AcOpfProblem {
  const net = compileNetwork(grid);
  const ya = computeBranchAdmittances(grid);
  const problem = buildAcOpfProblem(grid, net, buildAdmittanceMatrix(net, ya), ya);
  if ('error' in problem) throw new Error(problem.error);
  return problem;
}

function evaluateAt(problem: AcOpfProblem, x: Float64Array): NlpPoint {
  const point = createNlpPoint(problem);
  problem.evaluate(x, point);
  return point;
}

/** Dense matrix from triplets (duplicates summed). */
function dense(
  rows: Int32Array,
  cols: Int32Array,
  values: Float64Array,
  nRows: number,
  nCols: number,
): number[][] {
  const m = Array.from({ length: nRows }, () => new Array<number>(nCols).fill(0));
  for (let e = 0; e < rows.length; e++) m[rows[e]][cols[e]] += values[e];
  return m;
}

describe('buildAcOpfProblem', () => {
  it('has exact first and second derivatives (central differences of cost, balances and limits)', () => {
    const problem = problemOf(triangle(150, 60));
    const nx = problem.nx;
    const x = Float64Array.from(problem.x0, (v, j) => v + 0.05 * Math.sin(3 * j + 1));
    const at = evaluateAt(problem, x);
    const jEq = dense(
      problem.jacobianEqPattern.rows,
      problem.jacobianEqPattern.cols,
      at.jacobianEq,
      problem.nEq,
      nx,
    );
    const jIn = dense(
      problem.jacobianIneqPattern.rows,
      problem.jacobianIneqPattern.cols,
      at.jacobianIneq,
      problem.nIneq,
      nx,
    );
    const lam = Float64Array.from({ length: problem.nEq }, (_, i) => Math.cos(i + 0.5));
    const mu = Float64Array.from({ length: problem.nIneq }, (_, i) => 0.3 + 0.1 * i);
    const hv = new Float64Array(problem.hessianPattern.rows.length);
    problem.hessian(x, lam, mu, 1, hv);
    const hess = dense(problem.hessianPattern.rows, problem.hessianPattern.cols, hv, nx, nx);
    // gradient of the Lagrangian by differences, for the Hessian
    const lagrangianGradient = (p: NlpPoint) => {
      const out = Array.from(p.gradient);
      const eq = problem.jacobianEqPattern;
      for (let e = 0; e < eq.rows.length; e++) out[eq.cols[e]] += lam[eq.rows[e]] * p.jacobianEq[e];
      const iq = problem.jacobianIneqPattern;
      for (let e = 0; e < iq.rows.length; e++) out[iq.cols[e]] += mu[iq.rows[e]] * p.jacobianIneq[e];
      return out;
    };
    const step = 1e-6;
    for (let j = 0; j < nx; j++) {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[j] += step;
      down[j] -= step;
      const a = evaluateAt(problem, up);
      const b = evaluateAt(problem, down);
      expect(at.gradient[j]).toBeCloseTo((a.f - b.f) / (2 * step), 3);
      for (let i = 0; i < problem.nEq; i++) expect(jEq[i][j]).toBeCloseTo((a.g[i] - b.g[i]) / (2 * step), 6);
      for (let i = 0; i < problem.nIneq; i++)
        expect(jIn[i][j]).toBeCloseTo((a.h[i] - b.h[i]) / (2 * step), 5);
      const la = lagrangianGradient(a);
      const lb = lagrangianGradient(b);
      for (let i = 0; i < nx; i++) expect(hess[i][j]).toBeCloseTo((la[i] - lb[i]) / (2 * step), 3);
    }
  });
});

describe('runAcOpf', () => {
  it('uncongested: the cheap generator sets the price at its bus, the network adds losses to the load bus price', () => {
    const r = runAcOpf(triangle(150, 500));
    expect(r.status, r.message).toBe('optimal');
    const marginal = 10 + 2 * 0.02 * r.pgMw[0];
    expect(r.lmp[0]).toBeCloseTo(marginal, 3);
    expect(r.lmp[1]).toBeGreaterThan(r.lmp[0]);
    expect(r.pgMw[0] + r.pgMw[1]).toBeGreaterThan(151); // load plus shunt plus losses
    expect(r.worstViolation.mismatchMva).toBeLessThan(1e-3);
  });

  it('congested: the rated line carries exactly its rating and the prices split', () => {
    const free = runAcOpf(triangle(150, 500));
    const r = runAcOpf(triangle(150, 80));
    expect(r.status, r.message).toBe('optimal');
    const f = r.branchFlows;
    expect(Math.max(Math.hypot(f.pf[0], f.qf[0]), Math.hypot(f.pt[0], f.qt[0]))).toBeCloseTo(80, 3);
    expect(r.objective).toBeGreaterThan(free.objective);
    expect(r.worstViolation.flowMva).toBeLessThan(1e-3);
    expect(r.lmp[1] - r.lmp[0]).toBeGreaterThan(free.lmp[1] - free.lmp[0]);
  });

  it('demand above every generator: infeasible, with the reason in words', () => {
    const r = runAcOpf(triangle(600, 500));
    expect(r.status).toBe('infeasible');
    expect(r.message).toBe(
      "AC OPF infeasible: in the island of bus 1, demand 600.0 MW exceeds the generators' maximum 500.0 MW",
    );
  });

  it('a line rating no dispatch can meet: not converged, with the limits named as the likely cause', () => {
    const r = runAcOpf(triangle(150, 30));
    expect(r.status).toBe('not-converged');
    expect(r.message).toMatch(/voltage, reactive and branch limits may leave no feasible operating point/);
  });
});
