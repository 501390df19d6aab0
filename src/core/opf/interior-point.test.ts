import { describe, expect, it } from 'vitest';
import { type NonlinearProgram, solveInteriorPoint } from './interior-point.ts';

const pattern = (rows: number[], cols: number[]) => ({
  rows: Int32Array.from(rows),
  cols: Int32Array.from(cols),
});

describe('solveInteriorPoint', () => {
  it('min x0^2 + x1^2 with x0 + x1 = 1 and x0 >= 0.7: x = (0.7, 0.3), lam = -0.6, bound multiplier 0.8', () => {
    const nlp: NonlinearProgram = {
      nx: 2,
      nEq: 1,
      nIneq: 0,
      x0: Float64Array.of(1, 1),
      xMin: Float64Array.of(0.7, Number.NEGATIVE_INFINITY),
      xMax: Float64Array.of(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY),
      jacobianEqPattern: pattern([0, 0], [0, 1]),
      jacobianIneqPattern: pattern([], []),
      hessianPattern: pattern([0, 1], [0, 1]),
      evaluate(x, out) {
        out.f = x[0] ** 2 + x[1] ** 2;
        out.gradient[0] = 2 * x[0];
        out.gradient[1] = 2 * x[1];
        out.g[0] = x[0] + x[1] - 1;
        out.jacobianEq[0] = 1;
        out.jacobianEq[1] = 1;
      },
      hessian(_x, _lam, _mu, scale, out) {
        out[0] = 2 * scale;
        out[1] = 2 * scale;
      },
    };
    const r = solveInteriorPoint(nlp);
    expect(r.status).toBe('converged');
    expect(r.x[0]).toBeCloseTo(0.7, 6);
    expect(r.x[1]).toBeCloseTo(0.3, 6);
    expect(r.lam[0]).toBeCloseTo(-0.6, 5);
    expect(r.muLower[0]).toBeCloseTo(0.8, 5);
    expect(r.f).toBeCloseTo(0.58, 6);
    expect(r.iterations).toBeLessThan(20);
  });

  it('max x0 + x1 inside the disc x0^2 + x1^2 <= 2: x = (1, 1), multiplier 0.5, with the cost scaled inside by 0.1', () => {
    const nlp: NonlinearProgram = {
      nx: 2,
      nEq: 0,
      nIneq: 1,
      x0: Float64Array.of(0, 0),
      xMin: Float64Array.of(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY),
      xMax: Float64Array.of(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY),
      jacobianEqPattern: pattern([], []),
      jacobianIneqPattern: pattern([0, 0], [0, 1]),
      hessianPattern: pattern([0, 1], [0, 1]),
      evaluate(x, out) {
        out.f = -x[0] - x[1];
        out.gradient[0] = -1;
        out.gradient[1] = -1;
        out.h[0] = x[0] ** 2 + x[1] ** 2 - 2;
        out.jacobianIneq[0] = 2 * x[0];
        out.jacobianIneq[1] = 2 * x[1];
      },
      hessian(_x, _lam, mu, _scale, out) {
        out[0] = 2 * mu[0];
        out[1] = 2 * mu[0];
      },
    };
    const r = solveInteriorPoint(nlp, { costScale: 0.1 });
    expect(r.status).toBe('converged');
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.mu[0]).toBeCloseTo(0.5, 5);
    expect(r.f).toBeCloseTo(-2, 5);
  });

  it('reports an infeasible problem as not converged, never as a solution', () => {
    const nlp: NonlinearProgram = {
      nx: 1,
      nEq: 1,
      nIneq: 0,
      x0: Float64Array.of(0.5),
      xMin: Float64Array.of(0),
      xMax: Float64Array.of(1),
      jacobianEqPattern: pattern([0], [0]),
      jacobianIneqPattern: pattern([], []),
      hessianPattern: pattern([0], [0]),
      evaluate(x, out) {
        out.f = x[0];
        out.gradient[0] = 1;
        out.g[0] = x[0] - 2; // x = 2 outside [0, 1]
        out.jacobianEq[0] = 1;
      },
      hessian(_x, _lam, _mu, _scale, out) {
        out[0] = 0;
      },
    };
    const r = solveInteriorPoint(nlp);
    expect(r.status).not.toBe('converged');
  });
});
