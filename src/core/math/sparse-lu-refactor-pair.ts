/**
 * Numeric refactorisation of a pair of columns k, k + 1 at once (the two unknowns of one bus in a
 * power-flow Jacobian): every row index of a source column of L is read once for both target columns.
 *
 * Method: the pair satisfies L(:, k) = {k + 1} ∪ L(:, k + 1) (one supernode) and U(:, k + 1) = U(:, k) ∪ {k},
 * stored in the same order (sparse-lu-supernodes.ts). Scatter A(:, Q[k]) and A(:, Q[k + 1]) into
 * interleaved dense columns x (x[2i], x[2i + 1]); for each block j..e of U(:, k) in its stored topological
 * order, take u_tk = x_t and u_t,k+1 = x'_t (after the block's dense triangle) and subtract
 * L(:, j..e) [u_jk..u_ek, u_j,k+1..u_e,k+1] from both columns. Then the 2 x 2 step:
 *   u_kk = x_k,  u_k,k+1 = x'_k,  l_ik = x_i / u_kk,  u_k+1,k+1 = x'_k+1 - l_k+1,k u_k,k+1,
 *   l_i,k+1 = (x'_i - l_ik u_k,k+1) / u_k+1,k+1  for i in L(:, k + 1).
 * The pivot test is the one of sparse-lu-refactor.ts, applied to each column.
 * Reference: T. A. Davis, E. Palamadai Natarajan, "Algorithm 907: KLU", ACM TOMS 37(3), 2010;
 * J. W. Demmel et al., "A supernodal approach to sparse partial pivoting", SIAM J. Matrix Anal. Appl.
 * 20(3), 1999 (several columns per pass).
 */

import type { CscPattern } from './csc-matrix.ts';
import type { LuFactors } from './sparse-lu-factors.ts';

/**
 * Refactors columns k and k + 1 (paired) of `f`. Returns -1 on success, else the step whose pivot was
 * rejected. `x` (length 2n) is all zeros on entry and on return.
 */
export function refactorPair(
  a: CscPattern,
  values: Float64Array,
  tau: number,
  f: LuFactors,
  x: Float64Array,
  k: number,
): number {
  const ap = a.colPtr;
  const { colOrder: q, entryRowPosition: apos, lColPtr: lp, uColPtr: up, uDiag, supernodeEnd } = f;
  const li = f.lRowIdx;
  const lx = f.lValues;
  const ui = f.uRowIdx;
  const ux = f.uValues;
  const c0 = q[k];
  const c1 = q[k + 1];
  if (f.pairedWithNext[k] === 2) {
    const shift = ap[c1] - ap[c0]; // same rows in the same order
    for (let p = ap[c0], end = ap[c0 + 1]; p < end; p++) {
      const i = 2 * apos[p];
      x[i] = values[p];
      x[i + 1] = values[p + shift];
    }
  } else {
    for (let p = ap[c0], end = ap[c0 + 1]; p < end; p++) x[2 * apos[p]] = values[p];
    for (let p = ap[c1], end = ap[c1 + 1]; p < end; p++) x[2 * apos[p] + 1] = values[p];
  }

  let sumAbs = 0;
  const uEnd = up[k + 1];
  const off = uEnd - up[k]; // U(:, k + 1) mirrors U(:, k) at this offset
  let p = up[k];
  while (p < uEnd) {
    const j = ui[p];
    const last = supernodeEnd[j];
    const e = last < k ? last : k - 1;
    if (e === j) {
      const a0 = x[2 * j];
      const b0 = x[2 * j + 1];
      x[2 * j] = 0;
      x[2 * j + 1] = 0;
      ux[p] = a0;
      ux[p + off] = b0;
      sumAbs += Math.abs(a0) + Math.abs(b0);
      p++;
      for (let r = lp[j], end = lp[j + 1]; r < end; r++) {
        const i = 2 * li[r];
        const l0 = lx[r];
        x[i] -= l0 * a0;
        x[i + 1] -= l0 * b0;
      }
      continue;
    }
    if (e === j + 1) {
      // Two source columns (the other bus of a branch): 2 x 2 block per row.
      const l10 = lx[lp[j]];
      const a0 = x[2 * j];
      const b0 = x[2 * j + 1];
      const a1 = x[2 * e] - l10 * a0;
      const b1 = x[2 * e + 1] - l10 * b0;
      x[2 * j] = 0;
      x[2 * j + 1] = 0;
      x[2 * e] = 0;
      x[2 * e + 1] = 0;
      ux[p] = a0;
      ux[p + 1] = a1;
      ux[p + off] = b0;
      ux[p + off + 1] = b1;
      sumAbs += Math.abs(a0) + Math.abs(a1) + Math.abs(b0) + Math.abs(b1);
      p += 2;
      const rStart = lp[e];
      const rEnd = lp[e + 1];
      const o0 = lp[j] + 1 - rStart;
      for (let r = rStart; r < rEnd; r++) {
        const i = 2 * li[r];
        const l0 = lx[o0 + r];
        const l1 = lx[r];
        x[i] -= l0 * a0 + l1 * a1;
        x[i + 1] -= l0 * b0 + l1 * b1;
      }
      continue;
    }
    // Supernode columns j..e: dense triangle, then the shared rows below e.
    for (let t = j; t <= e; t++) {
      const at = x[2 * t];
      const bt = x[2 * t + 1];
      x[2 * t] = 0;
      x[2 * t + 1] = 0;
      ux[p + t - j] = at;
      ux[p + off + t - j] = bt;
      sumAbs += Math.abs(at) + Math.abs(bt);
      const base = lp[t] - t - 1;
      for (let r = t + 1; r <= e; r++) {
        const l0 = lx[base + r];
        x[2 * r] -= l0 * at;
        x[2 * r + 1] -= l0 * bt;
      }
    }
    subtractSupernodeBelowPair(x, li, lx, lp, j, e, ux, p - j, p + off - j);
    p += e - j + 1;
  }

  // The 2 x 2 diagonal step and both columns of L.
  const d0 = x[2 * k];
  const u01 = x[2 * k + 1];
  const v10 = x[2 * k + 2];
  const l10 = v10 / d0;
  const d1 = x[2 * k + 3] - l10 * u01;
  x[2 * k] = 0;
  x[2 * k + 1] = 0;
  x[2 * k + 2] = 0;
  x[2 * k + 3] = 0;
  uDiag[k] = d0;
  uDiag[k + 1] = d1;
  ux[up[k + 2] - 1] = u01;
  lx[lp[k]] = l10;
  const inv0 = 1 / d0;
  const inv1 = 1 / d1;
  let max0 = Math.abs(v10);
  let max1 = 0;
  const rStart = lp[k + 1];
  const rEnd = lp[k + 2];
  const o0 = lp[k] + 1 - rStart;
  for (let r = rStart; r < rEnd; r++) {
    const i = 2 * li[r];
    const v0 = x[i];
    const l0 = v0 * inv0;
    const v1 = x[i + 1] - l0 * u01;
    x[i] = 0;
    x[i + 1] = 0;
    lx[o0 + r] = l0;
    lx[r] = v1 * inv1;
    const abs0 = Math.abs(v0);
    const abs1 = Math.abs(v1);
    sumAbs += abs0 + abs1;
    if (abs0 > max0) max0 = abs0;
    if (abs1 > max1) max1 = abs1;
  }
  const pivot0 = Math.abs(d0);
  const pivot1 = Math.abs(d1);
  if (!(pivot0 > 0 && pivot0 >= tau * max0)) return k;
  if (
    !(pivot1 > 0 && pivot1 >= tau * max1 && Number.isFinite(sumAbs + max0 + pivot0 + pivot1 + Math.abs(u01)))
  ) {
    return k + 1;
  }
  return -1;
}

/**
 * For the rows i of L(:, e), the rows that supernode columns j..e share below e:
 * x[2i] -= Σ_t L(i, t) m[m0 + t] and x[2i + 1] -= Σ_t L(i, t) m[m1 + t], columns four, two, one at a time.
 */
function subtractSupernodeBelowPair(
  x: Float64Array,
  li: Int32Array,
  lx: Float64Array,
  lp: Int32Array,
  j: number,
  e: number,
  m: Float64Array,
  m0: number,
  m1: number,
): void {
  const rStart = lp[e];
  const rEnd = lp[e + 1];
  if (rStart === rEnd) return;
  let t = j;
  for (; t + 3 <= e; t += 4) {
    const a0 = m[m0 + t];
    const a1 = m[m0 + t + 1];
    const a2 = m[m0 + t + 2];
    const a3 = m[m0 + t + 3];
    const b0 = m[m1 + t];
    const b1 = m[m1 + t + 1];
    const b2 = m[m1 + t + 2];
    const b3 = m[m1 + t + 3];
    const o0 = lp[t] + e - t - rStart;
    const o1 = lp[t + 1] + e - t - 1 - rStart;
    const o2 = lp[t + 2] + e - t - 2 - rStart;
    const o3 = lp[t + 3] + e - t - 3 - rStart;
    for (let r = rStart; r < rEnd; r++) {
      const i = 2 * li[r];
      const l0 = lx[o0 + r];
      const l1 = lx[o1 + r];
      const l2 = lx[o2 + r];
      const l3 = lx[o3 + r];
      x[i] -= l0 * a0 + l1 * a1 + l2 * a2 + l3 * a3;
      x[i + 1] -= l0 * b0 + l1 * b1 + l2 * b2 + l3 * b3;
    }
  }
  if (t + 1 <= e) {
    const a0 = m[m0 + t];
    const a1 = m[m0 + t + 1];
    const b0 = m[m1 + t];
    const b1 = m[m1 + t + 1];
    const o0 = lp[t] + e - t - rStart;
    const o1 = lp[t + 1] + e - t - 1 - rStart;
    for (let r = rStart; r < rEnd; r++) {
      const i = 2 * li[r];
      const l0 = lx[o0 + r];
      const l1 = lx[o1 + r];
      x[i] -= l0 * a0 + l1 * a1;
      x[i + 1] -= l0 * b0 + l1 * b1;
    }
    t += 2;
  }
  if (t === e) {
    const a0 = m[m0 + e];
    const b0 = m[m1 + e];
    for (let r = rStart; r < rEnd; r++) {
      const i = 2 * li[r];
      const l0 = lx[r];
      x[i] -= l0 * a0;
      x[i + 1] -= l0 * b0;
    }
  }
}
