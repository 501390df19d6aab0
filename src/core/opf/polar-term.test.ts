import { describe, expect, it } from 'vitest';
import { evaluatePolarTerm } from './polar-term.ts';

describe('evaluatePolarTerm', () => {
  it('has the gradient and Hessian of central finite differences', () => {
    const grad = new Float64Array(4);
    const hess = new Float64Array(16);
    const params = [0.3, -1.7, 4.2] as const; // d, alpha, beta
    const at = [0.12, -0.05, 1.03, 0.97]; // th1, th2, V1, V2
    const f = (v: number[]) =>
      evaluatePolarTerm(v[2], v[3], v[0] - v[1], ...params, new Float64Array(4), new Float64Array(16));
    const value = evaluatePolarTerm(at[2], at[3], at[0] - at[1], ...params, grad, hess);
    expect(value).toBe(f(at));
    const h = 1e-5;
    for (let a = 0; a < 4; a++) {
      const up = at.map((v, k) => (k === a ? v + h : v));
      const down = at.map((v, k) => (k === a ? v - h : v));
      expect(grad[a]).toBeCloseTo((f(up) - f(down)) / (2 * h), 8);
      const gUp = new Float64Array(4);
      const gDown = new Float64Array(4);
      evaluatePolarTerm(up[2], up[3], up[0] - up[1], ...params, gUp, new Float64Array(16));
      evaluatePolarTerm(down[2], down[3], down[0] - down[1], ...params, gDown, new Float64Array(16));
      for (let b = 0; b < 4; b++) expect(hess[4 * b + a]).toBeCloseTo((gUp[b] - gDown[b]) / (2 * h), 7);
    }
  });
});
