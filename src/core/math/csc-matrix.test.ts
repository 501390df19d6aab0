import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertValidPattern,
  buildCscFromTriplets,
  multiplyCscVector,
  patternOfCsc,
  transposeCsc,
} from './csc-matrix.ts';
import { createRandom, randomSparseMatrix, toDense } from './test-support.ts';

describe('buildCscFromTriplets', () => {
  it('sorts rows within columns, sums duplicates and maps every triplet to its entry', () => {
    const rows = [2, 0, 1, 0, 2, 1];
    const cols = [0, 0, 2, 0, 0, 1];
    const vals = [1, 2, 3, 4, 5, 6];
    const { matrix, positionOfTriplet } = buildCscFromTriplets(3, 3, rows, cols, vals);
    expect(Array.from(matrix.colPtr)).toEqual([0, 2, 3, 4]);
    expect(Array.from(matrix.rowIdx)).toEqual([0, 2, 1, 1]);
    expect(Array.from(matrix.values)).toEqual([6, 6, 6, 3]);
    expect(Array.from(positionOfTriplet)).toEqual([1, 0, 3, 0, 1, 2]);
  });

  it('refills the same pattern in O(nnz) through positionOfTriplet', () => {
    const rows = [1, 1, 0, 1];
    const cols = [1, 1, 1, 0];
    const { matrix, positionOfTriplet } = buildCscFromTriplets(2, 2, rows, cols, [1, 1, 1, 1]);
    const newValues = [10, 20, 30, 40];
    const refill = new Float64Array(matrix.values.length);
    for (let k = 0; k < rows.length; k++) refill[positionOfTriplet[k]] += newValues[k];
    const rebuilt = buildCscFromTriplets(2, 2, rows, cols, newValues).matrix;
    expect(Array.from(refill)).toEqual(Array.from(rebuilt.values));
  });

  it('handles empty and rectangular matrices', () => {
    const empty = buildCscFromTriplets(0, 0, [], [], []).matrix;
    expect(empty.colPtr).toEqual(new Int32Array([0]));
    const rect = buildCscFromTriplets(3, 2, [2], [1], [7]).matrix;
    expect(Array.from(rect.colPtr)).toEqual([0, 0, 1]);
    expect(toDense(rect)).toEqual([
      [0, 0],
      [0, 0],
      [0, 7],
    ]);
  });

  it('rejects indices out of range and arrays of different lengths', () => {
    expect(() => buildCscFromTriplets(2, 2, [2], [0], [1])).toThrow(RangeError);
    expect(() => buildCscFromTriplets(2, 2, [0], [-1], [1])).toThrow(RangeError);
    expect(() => buildCscFromTriplets(2, 2, [0.5], [0], [1])).toThrow(RangeError);
    expect(() => buildCscFromTriplets(2, 2, [0, 1], [0], [1])).toThrow(RangeError);
  });

  it('matches a dense accumulation of random triplets (property)', () => {
    const triplet = (m: number, n: number) =>
      fc.tuple(fc.nat(m - 1), fc.nat(n - 1), fc.integer({ min: -9, max: 9 }));
    const arb = fc
      .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }))
      .chain(([m, n]) =>
        fc.tuple(fc.constant(m), fc.constant(n), fc.array(triplet(m, n), { maxLength: 40 })),
      );
    fc.assert(
      fc.property(arb, ([m, n, ts]) => {
        const { matrix, positionOfTriplet } = buildCscFromTriplets(
          m,
          n,
          ts.map((t) => t[0]),
          ts.map((t) => t[1]),
          ts.map((t) => t[2]),
        );
        const dense = Array.from({ length: m }, () => new Array<number>(n).fill(0));
        for (const [i, j, v] of ts) dense[i][j] += v;
        expect(toDense(matrix)).toEqual(dense);
        for (let j = 0; j < n; j++) {
          for (let p = matrix.colPtr[j] + 1; p < matrix.colPtr[j + 1]; p++) {
            expect(matrix.rowIdx[p]).toBeGreaterThan(matrix.rowIdx[p - 1]);
          }
        }
        ts.forEach(([i, j], k) => {
          const p = positionOfTriplet[k];
          expect(matrix.rowIdx[p]).toBe(i);
          expect(p >= matrix.colPtr[j] && p < matrix.colPtr[j + 1]).toBe(true);
        });
      }),
    );
  });
});

describe('multiplyCscVector and transposeCsc', () => {
  it('computes y = A x like the dense product', () => {
    const a = randomSparseMatrix(createRandom(3), 12, { perColumn: 3, dominance: 1 });
    const x = Float64Array.from({ length: 12 }, (_, i) => i - 5);
    const y = new Float64Array(12).fill(99);
    multiplyCscVector(a, x, y);
    const d = toDense(a);
    const expected = d.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
    for (let i = 0; i < 12; i++) expect(y[i]).toBeCloseTo(expected[i], 12);
    expect(() => multiplyCscVector(a, new Float64Array(3), y)).toThrow(RangeError);
  });

  it('transposes, with sorted rows, and twice gives the matrix back', () => {
    const a = buildCscFromTriplets(2, 3, [0, 1, 1], [2, 0, 2], [1, 2, 3]).matrix;
    const t = transposeCsc(a);
    expect(t.nRows).toBe(3);
    expect(toDense(t)).toEqual([
      [0, 2],
      [0, 0],
      [1, 3],
    ]);
    expect(toDense(transposeCsc(t))).toEqual(toDense(a));
  });
});

describe('assertValidPattern', () => {
  it('accepts a valid pattern and rejects malformed ones', () => {
    const a = randomSparseMatrix(createRandom(1), 10, { perColumn: 2, dominance: 1 });
    expect(() => assertValidPattern(patternOfCsc(a))).not.toThrow();
    const bad = (colPtr: number[], rowIdx: number[]) => () =>
      assertValidPattern({ n: 2, colPtr: Int32Array.from(colPtr), rowIdx: Int32Array.from(rowIdx) });
    expect(bad([0, 1], [0])).toThrow(/colPtr has length/);
    expect(bad([1, 1, 1], [0])).toThrow(/colPtr\[0\]/);
    expect(bad([0, 2, 1], [0, 1])).toThrow(/decreases/);
    expect(bad([0, 1, 2], [0, 2])).toThrow(/outside/);
    expect(bad([0, 2, 2], [1, 1])).toThrow(/twice/);
    expect(() => patternOfCsc(buildCscFromTriplets(2, 3, [], [], []).matrix)).toThrow(RangeError);
  });
});
