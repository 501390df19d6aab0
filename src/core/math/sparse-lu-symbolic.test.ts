import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAmdOrdering } from './amd-ordering.ts';
import { type CscMatrix, type CscPattern, patternOfCsc } from './csc-matrix.ts';
import { SparseLu } from './sparse-lu.ts';
import { createLuFactors, createLuWorkspace, type LuFactors } from './sparse-lu-factors.ts';
import { factorLuFull } from './sparse-lu-full.ts';
import { analyseSymmetricLu, hasSymmetricPatternWithDiagonal } from './sparse-lu-symbolic.ts';
import {
  blockJacobianLike,
  createRandom,
  gridLaplacian,
  mixedJacobianLike,
  randomGridEdges,
  randomSparseMatrix,
  randomVector,
  relativeResidual,
  solveWith,
  Triplets,
} from './test-support.ts';

/** A square pattern from (row, column) pairs; `shuffle` reverses the rows of every column. */
function patternOf(n: number, entries: [number, number][], shuffle = false): CscPattern {
  const t = new Triplets();
  for (const [i, j] of entries) t.add(i, j, 1);
  const a = t.toCsc(n);
  const rowIdx = a.rowIdx.slice();
  if (shuffle) for (let j = 0; j < n; j++) rowIdx.subarray(a.colPtr[j], a.colPtr[j + 1]).reverse();
  return { n, colPtr: a.colPtr, rowIdx };
}

/** The column sets of a compressed pattern (rows sorted), for comparisons that ignore the order. */
function columnSets(ptr: Int32Array, idx: Int32Array, n: number): number[][] {
  return Array.from({ length: n }, (_, j) =>
    Array.from(idx.subarray(ptr[j], ptr[j + 1])).sort((a, b) => a - b),
  );
}

function structureOf(f: LuFactors) {
  const n = f.n;
  return {
    rowPosition: Array.from(f.rowPosition),
    entryRowPosition: Array.from(f.entryRowPosition),
    l: columnSets(f.lColPtr, f.lRowIdx, n),
    u: columnSets(f.uColPtr, f.uRowIdx, n),
    supernodeEnd: Array.from(f.supernodeEnd),
    pairedWithNext: Array.from(f.pairedWithNext),
  };
}

/** Symbolic analysis and full factorisation (diagonal pivots) of `a` in AMD order give the same structure. */
function expectSameStructureAsFull(a: CscMatrix): void {
  const pattern = patternOfCsc(a);
  expect(hasSymmetricPatternWithDiagonal(pattern)).toBe(true);
  const order = computeAmdOrdering(pattern);
  const nnz = a.colPtr[a.nCols];
  const symbolic = createLuFactors(a.nCols, nnz, order, 16);
  analyseSymmetricLu(pattern, symbolic, createLuWorkspace(a.nCols));
  const full = createLuFactors(a.nCols, nnz, order);
  const result = factorLuFull(pattern, a.values, 0.001, full, createLuWorkspace(a.nCols));
  expect(result).toEqual({ failedStep: -1, offDiagonalPivots: 0 });
  expect(structureOf(symbolic)).toEqual(structureOf(full));
}

describe('hasSymmetricPatternWithDiagonal', () => {
  it('accepts symmetric patterns with a full diagonal, sorted or not, and rejects the others', () => {
    const sym: [number, number][] = [
      [0, 0],
      [1, 1],
      [2, 2],
      [0, 2],
      [2, 0],
      [1, 2],
      [2, 1],
    ];
    expect(hasSymmetricPatternWithDiagonal(patternOf(3, sym))).toBe(true);
    expect(hasSymmetricPatternWithDiagonal(patternOf(3, sym, true))).toBe(true);
    const unsym = sym.filter(([i, j]) => !(i === 2 && j === 1));
    expect(hasSymmetricPatternWithDiagonal(patternOf(3, unsym))).toBe(false);
    expect(hasSymmetricPatternWithDiagonal(patternOf(3, unsym, true))).toBe(false);
    const noDiagonal = sym.filter(([i, j]) => !(i === 1 && j === 1));
    expect(hasSymmetricPatternWithDiagonal(patternOf(3, noDiagonal))).toBe(false);
    expect(hasSymmetricPatternWithDiagonal(patternOf(3, noDiagonal, true))).toBe(false);
    // Same counts per row and column, not symmetric: (0,1), (1,2), (2,0).
    const cycle = patternOf(
      3,
      [
        [0, 0],
        [1, 1],
        [2, 2],
        [0, 1],
        [1, 2],
        [2, 0],
      ],
      true,
    );
    expect(hasSymmetricPatternWithDiagonal(cycle)).toBe(false);
    expect(hasSymmetricPatternWithDiagonal(patternOf(0, []))).toBe(true);
  });

  it('agrees with a dense check on random patterns', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 })),
          ),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        ([n, entries], mirror, withDiagonal, shuffle) => {
          const all: [number, number][] = [...entries];
          if (mirror) for (const [i, j] of entries) all.push([j, i]);
          if (withDiagonal) for (let i = 0; i < n; i++) all.push([i, i]);
          const dense = new Set(all.map(([i, j]) => i * n + j));
          let expected = true;
          for (const key of dense) if (!dense.has((key % n) * n + Math.floor(key / n))) expected = false;
          for (let i = 0; i < n; i++) if (!dense.has(i * n + i)) expected = false;
          expect(hasSymmetricPatternWithDiagonal(patternOf(n, all, shuffle))).toBe(expected);
        },
      ),
      { numRuns: 500, seed: 20261125 },
    );
  });
});

describe('analyseSymmetricLu gives the structure of the full factorisation with diagonal pivots', () => {
  it('on a grid Laplacian', () => expectSameStructureAsFull(gridLaplacian(17, 13)));

  it('on Jacobian-like patterns of 2 x 2 blocks, with and without 1 x 1 blocks', () => {
    const random = createRandom(31);
    const edges = randomGridEdges(random, 300, 150);
    expectSameStructureAsFull(blockJacobianLike(random, 300, edges, 1.2));
    expectSameStructureAsFull(mixedJacobianLike(random, 300, edges, (b) => b % 5 !== 0));
  });

  it('on random symmetric patterns with unsymmetric values', () => {
    for (const [seed, n, perColumn] of [
      [32, 1, 1],
      [33, 40, 1],
      [34, 400, 2],
      [35, 300, 6],
    ]) {
      expectSameStructureAsFull(
        randomSparseMatrix(createRandom(seed), n, { perColumn, dominance: 1, symmetricPattern: true }),
      );
    }
  });
});

describe('SparseLu with the symbolic analysis up front', () => {
  it.each([
    ['grid Laplacian', gridLaplacian(30, 30)],
    [
      'Jacobian-like',
      mixedJacobianLike(
        createRandom(41),
        500,
        randomGridEdges(createRandom(42), 500, 300),
        (b) => b % 4 !== 1,
      ),
    ],
    [
      'random symmetric pattern',
      randomSparseMatrix(createRandom(43), 800, { perColumn: 3, dominance: 1, symmetricPattern: true }),
    ],
  ])('factors a %s without a full factorisation, as accurately and with the same fill', (_, a) => {
    const lu = new SparseLu(patternOfCsc(a));
    expect(lu.stats).toMatchObject({ symbolicAnalyses: 1, fullFactorizations: 0 });
    expect(lu.factor(a.values)).toEqual({ status: 'ok', method: 'refactor' });
    expect(lu.stats).toMatchObject({
      symbolicAnalyses: 1,
      fullFactorizations: 0,
      refactorizations: 1,
      fallbacks: 0,
    });
    const b = randomVector(createRandom(44), a.nCols);
    expect(relativeResidual(a, solveWith(lu, b), b)).toBeLessThan(1e-10);
    const full = new SparseLu(patternOfCsc(a));
    full.resetPivoting();
    expect(full.factor(a.values)).toEqual({ status: 'ok', method: 'full' });
    expect(full.stats.offDiagonalPivots).toBe(0);
    expect([lu.stats.nnzL, lu.stats.nnzU]).toEqual([full.stats.nnzL, full.stats.nnzU]);
  });

  it('falls back to pivoting when a diagonal entry is zero, and keeps that pivot sequence', () => {
    const random = createRandom(45);
    const a = mixedJacobianLike(random, 200, randomGridEdges(random, 200, 100), (b) => b % 3 !== 0);
    const zeroed = a.values.slice();
    for (let j = 0; j < a.nCols; j += 7) {
      for (let p = a.colPtr[j]; p < a.colPtr[j + 1]; p++) if (a.rowIdx[p] === j) zeroed[p] = 0;
    }
    const lu = new SparseLu(patternOfCsc(a));
    expect(lu.factor(zeroed)).toEqual({ status: 'ok', method: 'fallback' });
    expect(lu.stats).toMatchObject({ symbolicAnalyses: 1, fullFactorizations: 1, fallbacks: 1 });
    expect(lu.stats.offDiagonalPivots).toBeGreaterThan(0);
    const b = randomVector(random, a.nCols);
    expect(relativeResidual({ ...a, values: zeroed }, solveWith(lu, b), b)).toBeLessThan(1e-10);
    const next = zeroed.map((v) => v * (1 + 0.1 * random()));
    expect(lu.factor(next)).toEqual({ status: 'ok', method: 'refactor' });
    expect(relativeResidual({ ...a, values: next }, solveWith(lu, b), b)).toBeLessThan(1e-10);
  });

  it('tests the first diagonal pivots against pivotTolerance, later ones against refactorPivotTolerance', () => {
    const pattern = patternOf(2, [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    const weak = new Float64Array([1e-4, 1, 1, 1]); // |a_00| < 0.001 max |column|
    const lu = new SparseLu(pattern, { refactorPivotTolerance: 1e-8 });
    expect(lu.factor(weak)).toEqual({ status: 'ok', method: 'fallback' });
    expect(lu.stats.offDiagonalPivots).toBe(2); // rows swapped
    const lenient = new SparseLu(pattern, { refactorPivotTolerance: 1e-8 });
    expect(lenient.factor(new Float64Array([2, 1, 1, 2]))).toEqual({ status: 'ok', method: 'refactor' });
    expect(lenient.factor(weak)).toEqual({ status: 'ok', method: 'refactor' });
  });

  it('runs the full factorisation for symmetric patterns that miss diagonal entries', () => {
    // Pairs of unknowns coupled only off the diagonal ([[., 1], [1, .]] blocks), weakly linked in a ring.
    const t = new Triplets();
    const nPairs = 50;
    for (let k = 0; k < nPairs; k++) {
      t.add(2 * k, 2 * k + 1, 2 + k / nPairs);
      t.add(2 * k + 1, 2 * k, -1.5);
      const next = 2 * ((k + 1) % nPairs);
      t.add(2 * k, next, 0.1);
      t.add(next, 2 * k, -0.1);
      if (k % 2 === 0) t.add(2 * k + 1, 2 * k + 1, 0.5); // some diagonal entries present
    }
    const a = t.toCsc(2 * nPairs);
    expect(hasSymmetricPatternWithDiagonal(patternOfCsc(a))).toBe(false);
    const lu = new SparseLu(patternOfCsc(a));
    expect(lu.stats.symbolicAnalyses).toBe(0);
    expect(lu.factor(a.values)).toEqual({ status: 'ok', method: 'full' });
    const b = randomVector(createRandom(46), a.nCols);
    expect(relativeResidual(a, solveWith(lu, b), b)).toBeLessThan(1e-12);
  });
});

describe('SparseLu property: the symbolic path agrees with the full factorisation', () => {
  // Random symmetric patterns (sometimes without some diagonal entries), unsymmetric values, diagonals
  // dominant, weak or zero. Where the symbolic path falls back it runs the same full factorisation.
  it('gives the same status, fill and solution', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        fc.constantFrom(0, 0.02, 0.2),
        fc.boolean(),
        (n, seed, perColumn, weakShare, dropDiagonal) => {
          const random = createRandom(seed);
          const base = randomSparseMatrix(random, n, { perColumn, dominance: 1, symmetricPattern: true });
          const t = new Triplets();
          for (let j = 0; j < n; j++) {
            for (let p = base.colPtr[j]; p < base.colPtr[j + 1]; p++) {
              const i = base.rowIdx[p];
              const weak = i === j && random() < weakShare;
              if (weak && dropDiagonal && random() < 0.5) continue;
              t.add(i, j, weak ? (random() < 0.5 ? 0 : 1e-5) : base.values[p]);
            }
          }
          const a = t.toCsc(n);
          const symbolic = new SparseLu(patternOfCsc(a));
          const full = new SparseLu(patternOfCsc(a));
          full.resetPivoting();
          const s1 = symbolic.factor(a.values);
          const s2 = full.factor(a.values);
          expect(s1.status).toBe(s2.status);
          if (s1.status !== 'ok') return;
          if (s1.method === 'refactor') {
            expect(full.stats.offDiagonalPivots).toBe(0);
            expect([symbolic.stats.nnzL, symbolic.stats.nnzU]).toEqual([full.stats.nnzL, full.stats.nnzU]);
          }
          const b = randomVector(random, n);
          const x = solveWith(symbolic, b);
          const y = solveWith(full, b);
          if (s1.method !== 'refactor') expect(Array.from(x)).toEqual(Array.from(y));
          const r2 = relativeResidual(a, y, b);
          expect(relativeResidual(a, x, b)).toBeLessThan(Math.max(1e-10, 10 * r2));
        },
      ),
      { numRuns: 400, seed: 20261126 },
    );
  });
});
