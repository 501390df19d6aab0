/**
 * Numeric-only LU refactorisation: new values, same pattern, same pivot sequence and same L/U patterns
 * as the last full factorisation or the symbolic analysis (as KLU's `klu_refactor`): no graph search, no
 * pivot search.
 *
 * Method: for k = 0..n-1, scatter A(:, Q[k]) into a dense vector indexed by pivot position (the positions
 * are precomputed per entry of A), then for each j in the stored pattern of U(:, k), in its stored
 * topological order: u_jk = x_j and x -= L(:, j) u_jk; finally u_kk = x_k and L(:, k) = x / u_kk.
 * Runs of U entries that belong to one supernode of L are applied as a block (sparse-lu-supernodes.ts),
 * and paired columns k, k + 1 are refactored together (sparse-lu-refactor-pair.ts).
 * The stored pivot is accepted only if it is finite, nonzero and |u_kk| >= tau * max(|x_i| : i = k or
 * i in L(:, k)). With tau equal to the full factorisation's threshold (the default) this is the same test
 * threshold partial pivoting applies, so |L| <= 1/tau and refactored factors are as stable as fresh ones;
 * when it fails, a fresh factorisation would have chosen another pivot anyway, and the caller falls back
 * to one. (KLU's refactor only rejects exactly zero pivots; tau = 1e-8 would allow growth up to 1e8 and,
 * in our tests, residuals of 1e-9 where a fresh factorisation reaches 1e-16.)
 * Reference: T. A. Davis, E. Palamadai Natarajan, "Algorithm 907: KLU", ACM TOMS 37(3), 2010.
 */

import type { CscPattern } from './csc-matrix.ts';
import type { LuFactors, LuWorkspace } from './sparse-lu-factors.ts';
import { refactorPair } from './sparse-lu-refactor-pair.ts';
import { subtractSupernodeBelow } from './sparse-lu-supernodes.ts';

/**
 * Refactors `f` in place with new `values` of the pattern `a`. Returns -1 on success, else the step k
 * whose pivot was rejected (then `f` holds garbage numbers and needs a full factorisation). The dense
 * work vectors `ws.x` and `ws.xPair` (all zeros) are left all zeros in both cases.
 */
export function refactorLu(
  a: CscPattern,
  values: Float64Array,
  tau: number,
  f: LuFactors,
  ws: LuWorkspace,
): number {
  const n = a.n;
  const ap = a.colPtr;
  const { colOrder: q, entryRowPosition: apos, lColPtr: lp, uColPtr: up, uDiag, supernodeEnd } = f;
  const pairedWithNext = f.pairedWithNext;
  const li = f.lRowIdx;
  const lx = f.lValues;
  const ui = f.uRowIdx;
  const ux = f.uValues;
  const { x, xPair } = ws;

  for (let k = 0; k < n; k++) {
    if (pairedWithNext[k] !== 0) {
      const failed = refactorPair(a, values, tau, f, xPair, k);
      if (failed >= 0) return failed;
      k++;
      continue;
    }
    const col = q[k];
    const aEnd = ap[col + 1];
    for (let p = ap[col]; p < aEnd; p++) x[apos[p]] = values[p]; // no duplicates: x is zero here

    let sumAbs = 0;
    const uEnd = up[k + 1];
    let p = up[k];
    while (p < uEnd) {
      const j = ui[p];
      const last = supernodeEnd[j];
      const e = last < k ? last : k - 1;
      if (e === j) {
        const xj = x[j];
        x[j] = 0;
        ux[p++] = xj;
        sumAbs += Math.abs(xj);
        const lEnd = lp[j + 1];
        for (let r = lp[j]; r < lEnd; r++) x[li[r]] -= lx[r] * xj;
        continue;
      }
      if (e === j + 1) {
        // Two columns (the common case: the two unknowns of one bus).
        const x0 = x[j];
        const x1 = x[e] - lx[lp[j]] * x0;
        x[j] = 0;
        x[e] = 0;
        ux[p] = x0;
        ux[p + 1] = x1;
        sumAbs += Math.abs(x0) + Math.abs(x1);
        const rStart = lp[e];
        const rEnd = lp[e + 1];
        const o0 = lp[j] + 1 - rStart;
        for (let r = rStart; r < rEnd; r++) x[li[r]] -= lx[o0 + r] * x0 + lx[r] * x1;
        p += 2;
        continue;
      }
      // Supernode columns j..e: dense triangle, then the shared rows below e.
      for (let t = j; t <= e; t++) {
        const xt = x[t];
        x[t] = 0;
        ux[p + t - j] = xt;
        sumAbs += Math.abs(xt);
        const base = lp[t] - t - 1;
        for (let r = t + 1; r <= e; r++) x[r] -= lx[base + r] * xt;
      }
      subtractSupernodeBelow(x, li, lx, lp, j, e, ux, p - j);
      p += e - j + 1;
    }

    const pivot = x[k];
    x[k] = 0;
    uDiag[k] = pivot;
    const inv = 1 / pivot;
    let maxAbs = 0;
    const lEnd = lp[k + 1];
    for (let r = lp[k]; r < lEnd; r++) {
      const i = li[r];
      const v = x[i];
      x[i] = 0;
      lx[r] = v * inv;
      const av = Math.abs(v);
      sumAbs += av;
      if (av > maxAbs) maxAbs = av;
    }
    const pivotAbs = Math.abs(pivot);
    if (!(pivotAbs > 0 && pivotAbs >= tau * maxAbs && Number.isFinite(sumAbs + pivotAbs))) {
      // Clear what the remaining columns would have cleared: nothing, x is already zero here,
      // because every entry of A(:, col) lies in the pattern of U(:, k), the pivot or L(:, k).
      return k;
    }
  }
  return -1;
}
