import { describe, expect, it } from 'vitest';
import { NormalEquations } from './dense-cholesky.ts';

describe('NormalEquations', () => {
  it('recovers the coefficients of an exact linear model, also after removing rows', () => {
    const beta = [2, -1, 0.5];
    const ne = new NormalEquations(3);
    const rows: Float64Array[] = [];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let r = 0; r < 50; r++) {
      const x = Float64Array.from([1, rand(), rand() * 3]);
      rows.push(x);
      ne.update(x, beta[0] * x[0] + beta[1] * x[1] + beta[2] * x[2], 1);
    }
    const junk = Float64Array.from([1, 5, 5]);
    ne.update(junk, 1000, 1);
    ne.update(junk, 1000, -1);
    const out = new Float64Array(3);
    expect(ne.solve(out, 0)).toBe(true);
    for (let i = 0; i < 3; i++) expect(out[i]).toBeCloseTo(beta[i], 9);
    expect(ne.rows).toBe(50);
  });

  it('reports a singular system', () => {
    const ne = new NormalEquations(2);
    ne.update(Float64Array.from([1, 2]), 1, 1);
    ne.update(Float64Array.from([2, 4]), 2, 1);
    expect(ne.solve(new Float64Array(2), 0)).toBe(false);
  });
});
