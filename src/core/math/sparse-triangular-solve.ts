/**
 * Solves A x = b with the factors P A Q = L U: permute, forward substitution with unit lower triangular
 * L, back substitution with upper triangular U, permute back. Column-oriented, no allocation.
 *
 * Method: with c[pinv[i]] = b[i], solve L y = c (for j ascending: y_j = c_j, c -= L(:, j) y_j), then
 * U z = y (for k descending: z_k = y_k / u_kk, y -= U(:, k) z_k), and x[Q[k]] = z_k. Supernodes of L
 * are applied as blocks (sparse-lu-supernodes.ts); paired columns k, k + 1 of U, whose patterns are
 * U(:, k) and U(:, k) then row k, as one: z_k+1, then z_k, then y -= U(:, k) z_k + U(:, k + 1) z_k+1.
 * Reference: T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, chapter 3 (`cs_lsolve`,
 * `cs_usolve`).
 */

import type { LuFactors } from './sparse-lu-factors.ts';
import { subtractSupernodeBelow } from './sparse-lu-supernodes.ts';

/** Overwrites `rhs` (length n) with the solution of A x = rhs; `work` is any Float64Array of length n. */
export function solveWithLu(f: LuFactors, rhs: Float64Array, work: Float64Array): void {
  const { n, colOrder: q, rowPosition: pinv, lColPtr: lp, uColPtr: up, uDiag, supernodeEnd } = f;
  const pairedWithNext = f.pairedWithNext;
  const li = f.lRowIdx;
  const lx = f.lValues;
  const ui = f.uRowIdx;
  const ux = f.uValues;
  for (let i = 0; i < n; i++) work[pinv[i]] = rhs[i];
  let j = 0;
  while (j < n) {
    const e = supernodeEnd[j];
    if (e === j) {
      const yj = work[j];
      j++;
      if (yj === 0) continue;
      const end = lp[j];
      for (let p = lp[j - 1]; p < end; p++) work[li[p]] -= lx[p] * yj;
      continue;
    }
    if (e === j + 1) {
      const y0 = work[j];
      const y1 = work[e] - lx[lp[j]] * y0;
      work[e] = y1;
      const rStart = lp[e];
      const rEnd = lp[e + 1];
      const o0 = lp[j] + 1 - rStart;
      for (let r = rStart; r < rEnd; r++) work[li[r]] -= lx[o0 + r] * y0 + lx[r] * y1;
      j = e + 1;
      continue;
    }
    for (let t = j; t < e; t++) {
      const yt = work[t];
      const base = lp[t] - t - 1;
      for (let r = t + 1; r <= e; r++) work[r] -= lx[base + r] * yt;
    }
    subtractSupernodeBelow(work, li, lx, lp, j, e, work, 0);
    j = e + 1;
  }
  let k = n - 1;
  while (k >= 0) {
    if (k > 0 && pairedWithNext[k - 1] !== 0) {
      const z1 = work[k] / uDiag[k];
      const z0 = (work[k - 1] - ux[up[k + 1] - 1] * z1) / uDiag[k - 1];
      work[k] = z1;
      work[k - 1] = z0;
      const start = up[k - 1];
      const mid = up[k];
      for (let p = start; p < mid; p++) work[ui[p]] -= ux[p] * z0 + ux[p + mid - start] * z1;
      k -= 2;
      continue;
    }
    const zk = work[k] / uDiag[k];
    work[k] = zk;
    const end = up[k + 1];
    if (zk !== 0) for (let p = up[k]; p < end; p++) work[ui[p]] -= ux[p] * zk;
    k--;
  }
  for (let k = 0; k < n; k++) rhs[q[k]] = work[k];
}
