/**
 * Solves A x = b with the factors P A Q = L U: permute, forward substitution with unit lower triangular
 * L, back substitution with upper triangular U, permute back. Column-oriented, no allocation.
 *
 * Method: with c[pinv[i]] = b[i], solve L y = c (for j ascending: y_j = c_j, c -= L(:, j) y_j), then
 * U z = y (for k descending: z_k = y_k / u_kk, y -= U(:, k) z_k), and x[Q[k]] = z_k. Supernodes of L
 * are applied as blocks (sparse-lu-supernodes.ts).
 * Reference: T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, chapter 3 (`cs_lsolve`,
 * `cs_usolve`).
 */

import type { LuFactors } from './sparse-lu-factors.ts';
import { subtractSupernodeBelow } from './sparse-lu-supernodes.ts';

/** Overwrites `rhs` (length n) with the solution of A x = rhs; `work` is any Float64Array of length n. */
export function solveWithLu(f: LuFactors, rhs: Float64Array, work: Float64Array): void {
  const { n, colOrder: q, rowPosition: pinv, lColPtr: lp, uColPtr: up, uDiag, supernodeEnd } = f;
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
    for (let t = j; t < e; t++) {
      const yt = work[t];
      const base = lp[t] - t - 1;
      for (let r = t + 1; r <= e; r++) work[r] -= lx[base + r] * yt;
    }
    subtractSupernodeBelow(work, li, lx, lp, j, e, work, 0);
    j = e + 1;
  }
  for (let k = n - 1; k >= 0; k--) {
    const zk = work[k] / uDiag[k];
    work[k] = zk;
    if (zk === 0) continue;
    const end = up[k + 1];
    for (let p = up[k]; p < end; p++) work[ui[p]] -= ux[p] * zk;
  }
  for (let k = 0; k < n; k++) rhs[q[k]] = work[k];
}
