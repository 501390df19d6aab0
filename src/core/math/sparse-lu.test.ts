import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCscFromTriplets, type CscMatrix, patternOfCsc } from './csc-matrix.ts';
import { SparseLu } from './sparse-lu.ts';
import {
  blockJacobianLike,
  createRandom,
  gridLaplacian,
  permuteRows,
  randomPermutation,
  randomSparseMatrix,
  randomVector,
  relativeResidual,
  solveWith,
  Triplets,
} from './test-support.ts';

function dense(n: number, rows: number[][]): CscMatrix {
  const t = new Triplets();
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (rows[i][j] !== 0) t.add(i, j, rows[i][j]);
  return t.toCsc(n);
}

/** Same pattern as `a`, new values (random in [-1, 1], diagonal made dominant when `dominant`). */
function withNewValues(a: CscMatrix, random: () => number, dominant: boolean): CscMatrix {
  const values = new Float64Array(a.values.length);
  for (let p = 0; p < values.length; p++) values[p] = 2 * random() - 1;
  if (dominant) {
    for (let j = 0; j < a.nCols; j++) {
      for (let p = a.colPtr[j]; p < a.colPtr[j + 1]; p++) if (a.rowIdx[p] === j) values[p] = 2 * a.nCols;
    }
  }
  return { ...a, values };
}

function fillOf(a: CscMatrix, ordering: 'amd' | 'natural'): number {
  const lu = new SparseLu(patternOfCsc(a), { ordering });
  if (lu.factor(a.values).status !== 'ok') throw new Error('grid Laplacian reported singular');
  return lu.stats.nnzL + lu.stats.nnzU - lu.n;
}

const grid = gridLaplacian(30, 30);
const gridFill = { amd: fillOf(grid, 'amd'), natural: fillOf(grid, 'natural') };

describe('SparseLu on small and degenerate matrices', () => {
  it('handles the empty and the 1x1 matrix', () => {
    // Both patterns are symmetric with a full diagonal: analysed up front, so even the first call refactors.
    const empty = new SparseLu({ n: 0, colPtr: new Int32Array([0]), rowIdx: new Int32Array(0) });
    expect(empty.factor(new Float64Array(0))).toEqual({ status: 'ok', method: 'refactor' });
    empty.solve(new Float64Array(0));
    const one = new SparseLu({ n: 1, colPtr: new Int32Array([0, 1]), rowIdx: new Int32Array([0]) });
    expect(one.factor(new Float64Array([4]))).toEqual({ status: 'ok', method: 'refactor' });
    expect(Array.from(solveWith(one, new Float64Array([2])))).toEqual([0.5]);
    expect(one.factor(new Float64Array([-2])).status).toBe('ok');
    expect(Array.from(solveWith(one, new Float64Array([2])))).toEqual([-1]);
    expect(one.factor(new Float64Array([0]))).toEqual({ status: 'singular', column: 0 });
  });

  it('keeps the diagonal pivot if |a_jj| >= 0.001 max |column|, else pivots off the diagonal', () => {
    const accepted = dense(2, [
      [0.01, 1],
      [1, 1],
    ]);
    const lu = new SparseLu(patternOfCsc(accepted));
    lu.factor(accepted.values);
    expect(lu.stats.offDiagonalPivots).toBe(0);
    const rejected = dense(2, [
      [1e-5, 1],
      [1, 1],
    ]);
    const lu2 = new SparseLu(patternOfCsc(rejected));
    lu2.factor(rejected.values);
    expect(lu2.stats.offDiagonalPivots).toBeGreaterThan(0);
    const b = new Float64Array([1, 2]);
    expect(relativeResidual(rejected, solveWith(lu2, b), b)).toBeLessThan(1e-15);
  });

  it('throws on bugs: malformed pattern, wrong lengths, solve before a successful factor', () => {
    expect(
      () => new SparseLu({ n: 2, colPtr: new Int32Array([0, 1]), rowIdx: new Int32Array([0]) }),
    ).toThrow();
    const a = dense(2, [
      [2, 1],
      [1, 2],
    ]);
    const lu = new SparseLu(patternOfCsc(a));
    expect(() => lu.solve(new Float64Array(2))).toThrow(/no successful factorisation/);
    expect(() => lu.factor(new Float64Array(3))).toThrow(RangeError);
    lu.factor(a.values);
    expect(() => lu.solve(new Float64Array(3))).toThrow(RangeError);
    expect(() => new SparseLu(patternOfCsc(a), { pivotTolerance: 2 })).toThrow(RangeError);
  });
});

describe('SparseLu accuracy', () => {
  it.each([
    [1, 50],
    [2, 300],
    [3, 2000],
  ])(
    'solves diagonally dominant unsymmetric matrices to ||Ax-b||/||b|| < 1e-10 (seed %i, n %i)',
    (seed, n) => {
      const random = createRandom(seed);
      const a = randomSparseMatrix(random, n, { perColumn: 3, dominance: 1 });
      const lu = new SparseLu(patternOfCsc(a));
      expect(lu.factor(a.values)).toEqual({ status: 'ok', method: 'full' });
      expect(lu.stats.offDiagonalPivots).toBe(0);
      const b = randomVector(random, n);
      expect(relativeResidual(a, solveWith(lu, b), b)).toBeLessThan(1e-10);
    },
  );

  it.each([
    [4, 40],
    [5, 400],
    [6, 1500],
  ])('pivots off the diagonal when rows are permuted (zero diagonal entries; seed %i, n %i)', (seed, n) => {
    const random = createRandom(seed);
    const base = randomSparseMatrix(random, n, { perColumn: 2, dominance: 1 });
    const a = permuteRows(base, randomPermutation(random, n));
    const lu = new SparseLu(patternOfCsc(a));
    expect(lu.factor(a.values).status).toBe('ok');
    expect(lu.stats.offDiagonalPivots).toBeGreaterThan(n / 2);
    const b = randomVector(random, n);
    expect(relativeResidual(a, solveWith(lu, b), b)).toBeLessThan(1e-10);
  });

  it('solves a symmetric DC-like matrix and a Jacobian-like 2x2-block matrix', () => {
    const b = randomVector(createRandom(7), 900);
    const lu = new SparseLu(patternOfCsc(grid));
    lu.factor(grid.values);
    expect(relativeResidual(grid, solveWith(lu, b), b)).toBeLessThan(1e-12);
    const gridRandom = createRandom(70);
    const unsymmetric = { ...grid, values: grid.values.map((v) => v * (1 + 0.5 * gridRandom())) };
    expect(lu.factor(unsymmetric.values)).toEqual({ status: 'ok', method: 'refactor' });
    expect(relativeResidual(unsymmetric, solveWith(lu, b), b)).toBeLessThan(1e-12);

    const random = createRandom(8);
    const nBus = 500;
    const edges: number[] = [];
    for (let i = 1; i < nBus; i++) edges.push(i, Math.floor(random() * i));
    for (let e = 0; e < 300; e++) edges.push(Math.floor(random() * nBus), Math.floor(random() * nBus));
    const jac = blockJacobianLike(random, nBus, edges, 1.2);
    const jacLu = new SparseLu(patternOfCsc(jac));
    expect(jacLu.factor(jac.values).status).toBe('ok');
    const c = randomVector(random, 2 * nBus);
    expect(relativeResidual(jac, solveWith(jacLu, c), c)).toBeLessThan(1e-12);
  });

  it('solves a dense 13x13 matrix (one wide supernode)', () => {
    const random = createRandom(9);
    const rows = Array.from({ length: 13 }, (_, i) =>
      Array.from({ length: 13 }, (_, j) => (i === j ? 13 : 2 * random() - 1)),
    );
    const a = dense(13, rows);
    const lu = new SparseLu(patternOfCsc(a));
    lu.factor(a.values);
    lu.factor(withNewValues(a, random, true).values);
    const b = randomVector(random, 13);
    const a2 = withNewValues(a, createRandom(10), true);
    expect(lu.factor(a2.values)).toEqual({ status: 'ok', method: 'refactor' });
    expect(relativeResidual(a2, solveWith(lu, b), b)).toBeLessThan(1e-14);
  });
});

describe('SparseLu fill', () => {
  it(`AMD beats the natural order on the 30x30 grid: nnz(L+U) ${gridFill.amd} vs ${gridFill.natural}`, () => {
    expect(gridFill.amd).toBeLessThan(0.4 * gridFill.natural);
  });
});

describe('SparseLu refactorisation', () => {
  it('refactors new values of the same pattern to the same answer as a fresh factorisation', () => {
    const random = createRandom(11);
    const nBus = 400;
    const edges: number[] = [];
    for (let i = 1; i < nBus; i++) edges.push(i, Math.floor(random() * i));
    for (let e = 0; e < 200; e++) edges.push(Math.floor(random() * nBus), Math.floor(random() * nBus));
    const a = blockJacobianLike(random, nBus, edges, 1.5);
    const lu = new SparseLu(patternOfCsc(a));
    lu.factor(a.values);
    for (let iteration = 0; iteration < 5; iteration++) {
      const values = a.values.map((v) => v * (1 + 0.2 * (random() - 0.5)));
      const next: CscMatrix = { ...a, values };
      expect(lu.factor(values)).toEqual({ status: 'ok', method: 'refactor' });
      const fresh = new SparseLu(patternOfCsc(next));
      fresh.resetPivoting(); // a full factorisation with pivot search, not the symbolic analysis
      expect(fresh.factor(values)).toEqual({ status: 'ok', method: 'full' });
      const b = randomVector(random, a.nCols);
      const x = solveWith(lu, b);
      const y = solveWith(fresh, b);
      expect(relativeResidual(next, x, b)).toBeLessThan(1e-12);
      for (let i = 0; i < x.length; i++)
        expect(Math.abs(x[i] - y[i])).toBeLessThan(1e-12 * (1 + Math.abs(y[i])));
    }
    expect(lu.stats).toMatchObject({
      symbolicAnalyses: 1,
      fullFactorizations: 0,
      refactorizations: 6,
      fallbacks: 0,
    });
  });

  it('falls back to a full factorisation when a stored pivot becomes zero', () => {
    const a = dense(3, [
      [4, 1, 0],
      [1, 4, 1],
      [0, 1, 4],
    ]);
    const lu = new SparseLu(patternOfCsc(a));
    lu.resetPivoting();
    expect(lu.factor(a.values)).toEqual({ status: 'ok', method: 'full' });
    // [[0, 1, 0], [1, 0, 1], [0, 1, 4]]: the first stored pivot is now zero, the matrix is not singular.
    const zeroDiagonal = { ...a, values: new Float64Array([0, 1, 1, 0, 1, 1, 4]) };
    expect(lu.factor(zeroDiagonal.values)).toEqual({ status: 'ok', method: 'fallback' });
    const b = new Float64Array([1, 2, 3]);
    expect(relativeResidual(zeroDiagonal, solveWith(lu, b), b)).toBeLessThan(1e-15);
    expect(lu.stats).toMatchObject({ fullFactorizations: 2, refactorizations: 0, fallbacks: 1 });
    // The new pivot sequence is kept: the original values refactor again without falling back.
    expect(lu.factor(a.values)).toEqual({ status: 'ok', method: 'refactor' });
    expect(relativeResidual(a, solveWith(lu, b), b)).toBeLessThan(1e-15);
  });

  it('falls back when a stored pivot becomes small relative to its column (|pivot| < 0.001 max)', () => {
    const a = dense(2, [
      [2, 1],
      [1, 2],
    ]);
    const lu = new SparseLu(patternOfCsc(a));
    lu.factor(a.values);
    const tiny = { ...a, values: new Float64Array([1e-4, 1, 1, 1]) };
    expect(lu.factor(tiny.values)).toEqual({ status: 'ok', method: 'fallback' });
    const b = new Float64Array([1, 1]);
    expect(relativeResidual(tiny, solveWith(lu, b), b)).toBeLessThan(1e-15);
    const smallButAccepted = new SparseLu(patternOfCsc(a));
    smallButAccepted.factor(a.values);
    expect(smallButAccepted.factor(new Float64Array([0.01, 1, 1, 1]))).toEqual({
      status: 'ok',
      method: 'refactor',
    });
    const lenient = new SparseLu(patternOfCsc(a), { refactorPivotTolerance: 1e-8 });
    lenient.factor(a.values);
    expect(lenient.factor(tiny.values)).toEqual({ status: 'ok', method: 'refactor' });
    expect(relativeResidual(tiny, solveWith(lenient, b), b)).toBeLessThan(1e-12);
  });

  it('falls back on a large matrix whose values move to a row-permuted pattern', () => {
    // Pattern of B and P B together; first the values of B (diagonally dominant), then those of P B.
    const random = createRandom(12);
    const n = 600;
    const b = randomSparseMatrix(random, n, { perColumn: 3, dominance: 1 });
    const perm = randomPermutation(random, n);
    const rows: number[] = [];
    const cols: number[] = [];
    for (let j = 0; j < n; j++) {
      for (let p = b.colPtr[j]; p < b.colPtr[j + 1]; p++) {
        rows.push(b.rowIdx[p], perm[b.rowIdx[p]]);
        cols.push(j, j);
      }
    }
    const { matrix, positionOfTriplet } = buildCscFromTriplets(
      n,
      n,
      rows,
      cols,
      new Array(rows.length).fill(0),
    );
    const valuesOf = (permuted: boolean) => {
      const values = new Float64Array(matrix.values.length);
      let k = 0;
      for (let j = 0; j < n; j++) {
        for (let p = b.colPtr[j]; p < b.colPtr[j + 1]; p++, k += 2)
          values[positionOfTriplet[k + (permuted ? 1 : 0)]] += b.values[p];
      }
      return values;
    };
    const lu = new SparseLu(patternOfCsc(matrix));
    expect(lu.factor(valuesOf(false))).toEqual({ status: 'ok', method: 'full' });
    expect(lu.stats.offDiagonalPivots).toBe(0);
    const permuted = { ...matrix, values: valuesOf(true) };
    expect(lu.factor(permuted.values)).toEqual({ status: 'ok', method: 'fallback' });
    expect(lu.stats.offDiagonalPivots).toBeGreaterThan(n / 2);
    const rhs = randomVector(random, n);
    expect(relativeResidual(permuted, solveWith(lu, rhs), rhs)).toBeLessThan(1e-10);
  });
});

describe('SparseLu singular matrices', () => {
  it('reports a structurally empty column as singular at that column', () => {
    const t = new Triplets();
    for (let i = 0; i < 6; i++) if (i !== 2) t.add(i, i, 1);
    t.add(2, 4, 1);
    const a = t.toCsc(6);
    const lu = new SparseLu(patternOfCsc(a));
    expect(lu.factor(a.values)).toEqual({ status: 'singular', column: 2 });
    expect(() => lu.solve(new Float64Array(6))).toThrow();
  });

  it('reports numerically singular and non-finite matrices, also when a refactor fails', () => {
    const rankOne = dense(2, [
      [1, 2],
      [2, 4],
    ]);
    const lu = new SparseLu(patternOfCsc(rankOne));
    // The symbolic analysis's refactor rejects the zero pivot, the full factorisation finds no other.
    const status = lu.factor(rankOne.values);
    expect(status.status).toBe('singular');
    expect(lu.stats).toMatchObject({ symbolicAnalyses: 2, fullFactorizations: 1, fallbacks: 1 });
    const good = new Float64Array([1, 2, 2, 5]);
    expect(lu.factor(good)).toEqual({ status: 'ok', method: 'refactor' });
    expect(lu.factor(rankOne.values).status).toBe('singular');
    expect(lu.stats.fallbacks).toBe(2);
    lu.resetPivoting();
    expect(lu.factor(good)).toEqual({ status: 'ok', method: 'full' });
    expect(lu.factor(new Float64Array([1, Number.NaN, 2, 5])).status).toBe('singular');
    expect(lu.factor(new Float64Array([1, 2, Number.POSITIVE_INFINITY, 5])).status).toBe('singular');
    lu.resetPivoting();
    expect(lu.factor(new Float64Array([1, Number.NaN, 2, 5])).status).toBe('singular');
    expect(lu.factor(good)).toEqual({ status: 'ok', method: 'refactor' });
    const x = solveWith(lu, new Float64Array([1, 2]));
    expect(Math.abs(x[0] - 1) + Math.abs(x[1])).toBeLessThan(1e-15);
  });
});

describe('SparseLu property: diagonally dominant matrices, also with rows permuted', () => {
  // Row-permuted matrices are adversarial for the diagonal preference: their "diagonal" holds small
  // off-diagonal values of the dominant matrix, which threshold pivoting (tol 0.001) may still accept,
  // so element growth up to 1/tol per column shows in the residual. Plain partial pivoting (tol 1) does
  // not have it. Seeded, because the bounds are statistical (20 000 random cases: worst 4e-10 vs 5e-16).
  it('factors, solves and refactors with a residual that matches the pivoting rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        fc.boolean(),
        fc.constantFrom(0.001, 1),
        (n, seed, perColumn, permute, pivotTolerance) => {
          const bound = permute && pivotTolerance < 1 ? 1e-7 : 1e-12;
          const random = createRandom(seed);
          const base = randomSparseMatrix(random, n, { perColumn, dominance: 1 });
          const perm = randomPermutation(random, n);
          const a = permute ? permuteRows(base, perm) : base;
          const lu = new SparseLu(patternOfCsc(a), { pivotTolerance });
          expect(lu.factor(a.values).status).toBe('ok');
          const b = randomVector(random, n);
          expect(relativeResidual(a, solveWith(lu, b), b)).toBeLessThan(bound);
          const nextBase = withNewValues(base, random, true);
          const next = permute ? permuteRows(nextBase, perm) : nextBase;
          expect(lu.factor(next.values).status).toBe('ok');
          expect(relativeResidual(next, solveWith(lu, b), b)).toBeLessThan(bound);
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
  });
});
