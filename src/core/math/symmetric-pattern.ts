/**
 * The symmetric pattern A + A^T of a square sparse pattern, without the diagonal: the graph that minimum
 * degree orderings work on when they order an unsymmetric matrix for LU.
 */

import type { CscPattern } from './csc-matrix.ts';

/**
 * Returns the pattern of A + A^T without diagonal entries and without duplicates, in O(n + nnz) time.
 * Each off-diagonal entry (i, j) of A contributes i to column j and j to column i; a mark array removes
 * the repeats. Rows within a column are not sorted.
 */
export function buildSymmetricPattern(pattern: CscPattern): CscPattern {
  const { n, colPtr, rowIdx } = pattern;
  const count = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (i === j) continue;
      count[i + 1]++;
      count[j + 1]++;
    }
  }
  for (let j = 0; j < n; j++) count[j + 1] += count[j];
  const bucket = new Int32Array(count[n]);
  const next = count.slice(0, n);
  for (let j = 0; j < n; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (i === j) continue;
      bucket[next[j]++] = i;
      bucket[next[i]++] = j;
    }
  }
  // Remove duplicates in place, column by column.
  const mark = new Int32Array(n).fill(-1);
  const outPtr = new Int32Array(n + 1);
  let nz = 0;
  for (let j = 0; j < n; j++) {
    outPtr[j] = nz;
    for (let p = count[j]; p < count[j + 1]; p++) {
      const i = bucket[p];
      if (mark[i] === j) continue;
      mark[i] = j;
      bucket[nz++] = i;
    }
  }
  outPtr[n] = nz;
  return { n, colPtr: outPtr, rowIdx: nz === bucket.length ? bucket : bucket.slice(0, nz) };
}
