import { describe, expect, it } from 'vitest';
import { computeAmdOrdering } from './amd-ordering.ts';
import { type CscMatrix, patternOfCsc } from './csc-matrix.ts';
import { SparseLu } from './sparse-lu.ts';
import { createLuFactors, createLuWorkspace, type LuFactors } from './sparse-lu-factors.ts';
import { factorLuFull } from './sparse-lu-full.ts';
import { refactorLu } from './sparse-lu-refactor.ts';
import { analyseSymmetricLu } from './sparse-lu-symbolic.ts';
import {
  createRandom,
  mixedJacobianLike,
  randomGridEdges,
  randomVector,
  relativeResidual,
  solveWith,
  Triplets,
} from './test-support.ts';

function countPairs(f: LuFactors): number {
  return f.pairedWithNext.reduce((sum, v) => sum + v, 0);
}

/** Position of entry (i, j) in the values of `a`. */
function entry(a: CscMatrix, i: number, j: number): number {
  for (let p = a.colPtr[j]; p < a.colPtr[j + 1]; p++) if (a.rowIdx[p] === i) return p;
  throw new Error(`no entry (${i}, ${j})`);
}

const random = createRandom(51);
const jacobian = mixedJacobianLike(random, 120, randomGridEdges(random, 120, 60), (b) => b % 4 !== 0);
const n = jacobian.nCols;
const order = computeAmdOrdering(patternOfCsc(jacobian));

/** Factors of `jacobian` prepared by a full factorisation ('full') or by the symbolic analysis. */
function preparedFactors(how: 'full' | 'symbolic'): LuFactors {
  const f = createLuFactors(n, jacobian.values.length, order);
  const ws = createLuWorkspace(n);
  if (how === 'symbolic') analyseSymmetricLu(patternOfCsc(jacobian), f, ws);
  else expect(factorLuFull(patternOfCsc(jacobian), jacobian.values, 0.001, f, ws).failedStep).toBe(-1);
  return f;
}

describe('paired refactorisation', () => {
  it.each(['full', 'symbolic'] as const)('pairs the unknowns of a bus (factors from the %s path)', (how) => {
    const f = preparedFactors(how);
    expect(countPairs(f)).toBeGreaterThan(n / 4);
    // Every pair: one supernode, and U(:, k + 1) repeats U(:, k) then row k.
    for (let k = 0; k + 1 < n; k++) {
      if (!f.pairedWithNext[k]) continue;
      expect(f.supernodeEnd[k]).toBeGreaterThan(k);
      const u0 = Array.from(f.uRowIdx.subarray(f.uColPtr[k], f.uColPtr[k + 1]));
      expect(Array.from(f.uRowIdx.subarray(f.uColPtr[k + 1], f.uColPtr[k + 2]))).toEqual([...u0, k]);
    }
  });

  it.each(['full', 'symbolic'] as const)('matches a full factorisation (factors from the %s path)', (how) => {
    const f = preparedFactors(how);
    const ws = createLuWorkspace(n);
    const values = jacobian.values.map((v) => v * (1 + 0.3 * (random() - 0.5)));
    expect(refactorLu(patternOfCsc(jacobian), values, 0.001, f, ws)).toBe(-1);
    expect(ws.x.every((v) => v === 0) && ws.xPair.every((v) => v === 0)).toBe(true);
    const g = createLuFactors(n, values.length, order);
    expect(factorLuFull(patternOfCsc(jacobian), values, 0.001, g, createLuWorkspace(n)).failedStep).toBe(-1);
    for (let k = 0; k < n; k++) expect(f.uDiag[k]).toBeCloseTo(g.uDiag[k], 10);
    const lValues = (h: LuFactors, j: number) => {
      const byRow = new Map<number, number>();
      for (let r = h.lColPtr[j]; r < h.lColPtr[j + 1]; r++) byRow.set(h.lRowIdx[r], h.lValues[r]);
      return byRow;
    };
    for (let j = 0; j < n; j++) {
      const expected = lValues(g, j);
      for (const [row, value] of lValues(f, j)) expect(value).toBeCloseTo(expected.get(row) ?? 0, 10);
    }
  });

  it('pairs columns whose entries in A differ, and refactors them as a full factorisation would', () => {
    // Drop symmetric pairs of off-diagonal entries: A(:, Q[k]) and A(:, Q[k + 1]) of a pair then differ
    // while fill keeps the patterns of L and U.
    const t = new Triplets();
    for (let j = 0; j < n; j++) {
      for (let p = jacobian.colPtr[j]; p < jacobian.colPtr[j + 1]; p++) {
        const i = jacobian.rowIdx[p];
        const [lo, hi] = i < j ? [i, j] : [j, i];
        if (lo !== hi && (lo * 7 + hi) % 11 === 0 && hi - lo > 2) continue;
        t.add(i, j, jacobian.values[p]);
      }
    }
    const a = t.toCsc(n);
    const f = createLuFactors(n, a.values.length, order);
    analyseSymmetricLu(patternOfCsc(a), f, createLuWorkspace(n));
    expect(f.pairedWithNext.filter((v) => v === 1).length).toBeGreaterThan(0);
    expect(f.pairedWithNext.filter((v) => v === 2).length).toBeGreaterThan(0);
    const lu = new SparseLu(patternOfCsc(a), { columnOrder: order });
    expect(lu.factor(a.values)).toEqual({ status: 'ok', method: 'refactor' });
    const full = new SparseLu(patternOfCsc(a), { columnOrder: order });
    full.resetPivoting();
    full.factor(a.values);
    const b = randomVector(createRandom(52), n);
    const x = solveWith(lu, b);
    const y = solveWith(full, b);
    for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(y[i], 12);
  });

  it('rejects a zero pivot in the first or the second column of a pair and leaves x clean', () => {
    const f = preparedFactors('symbolic');
    const ws = createLuWorkspace(n);
    // A pair without updates from earlier columns: its pivots are a_kk and a_k+1,k+1 - l_k+1,k u_k,k+1.
    let k = 0;
    while (!(f.pairedWithNext[k] && f.uColPtr[k] === f.uColPtr[k + 1])) k++;
    const [c0, c1] = [f.colOrder[k], f.colOrder[k + 1]];
    const first = jacobian.values.slice();
    first[entry(jacobian, c0, c0)] = 0;
    expect(refactorLu(patternOfCsc(jacobian), first, 0.001, f, ws)).toBe(k);
    expect(ws.x.every((v) => v === 0) && ws.xPair.every((v) => v === 0)).toBe(true);
    const second = jacobian.values.slice();
    second[entry(jacobian, c0, c1)] = 0;
    second[entry(jacobian, c1, c1)] = 0;
    expect(refactorLu(patternOfCsc(jacobian), second, 0.001, f, ws)).toBe(k + 1);
    expect(ws.x.every((v) => v === 0) && ws.xPair.every((v) => v === 0)).toBe(true);
  });

  it('reports a NaN or an infinite value in any entry', () => {
    const f = preparedFactors('symbolic');
    const ws = createLuWorkspace(n);
    const pattern = patternOfCsc(jacobian);
    for (let p = 0; p < jacobian.values.length; p++) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
        const values = jacobian.values.slice();
        values[p] = bad;
        expect(refactorLu(pattern, values, 0.001, f, ws)).toBeGreaterThanOrEqual(0);
      }
    }
    expect(ws.x.every((v) => v === 0) && ws.xPair.every((v) => v === 0)).toBe(true);
    expect(refactorLu(pattern, jacobian.values, 0.001, f, ws)).toBe(-1);
  });

  it('refactors after a fallback to off-diagonal pivots and after a full factorisation', () => {
    const lu = new SparseLu(patternOfCsc(jacobian));
    const zeroed = jacobian.values.slice();
    for (let j = 0; j < n; j += 5) zeroed[entry(jacobian, j, j)] = 0;
    expect(lu.factor(zeroed)).toEqual({ status: 'ok', method: 'fallback' });
    const b = randomVector(random, n);
    for (let iteration = 0; iteration < 3; iteration++) {
      const values = zeroed.map((v) => v * (1 + 0.1 * (random() - 0.5)));
      expect(lu.factor(values)).toEqual({ status: 'ok', method: 'refactor' });
      expect(relativeResidual({ ...jacobian, values }, solveWith(lu, b), b)).toBeLessThan(1e-10);
    }
    lu.resetPivoting();
    expect(lu.factor(jacobian.values)).toEqual({ status: 'ok', method: 'full' });
    expect(lu.factor(jacobian.values)).toEqual({ status: 'ok', method: 'refactor' });
    expect(relativeResidual(jacobian, solveWith(lu, b), b)).toBeLessThan(1e-14);
  });
});
