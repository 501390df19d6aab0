/**
 * Full sparse LU factorisation with threshold partial pivoting: left-looking Gilbert-Peierls, one column
 * of P A Q at a time, finding both the pivot sequence and the patterns of L and U.
 *
 * Method: for k = 0..n-1 with j = Q[k], solve the sparse triangular system L_k x = A(:, j), where L_k
 * holds the k columns of L found so far. The nonzero pattern of x is the set of rows reachable from the
 * rows of A(:, j) in the graph of L (row i -> rows of L(:, pinv[i])); a depth-first search yields it in
 * topological order, so the numeric solve costs O(flops). Rows already pivotal give U(:, k); among the
 * others the pivot is the diagonal row j if |x_j| >= tol * max_i |x_i| (keeping the fill-reducing
 * symmetric order), else the largest |x_i|; then L(:, k) = x_i / pivot.
 * Reference: J. R. Gilbert, T. Peierls, "Sparse partial pivoting in time proportional to arithmetic
 * operations", SIAM J. Sci. Stat. Comput. 9(5), 1988; T. A. Davis, "Direct Methods for Sparse Linear
 * Systems", SIAM 2006, chapters 3 and 6 (`cs_reach`, `cs_lu`); T. A. Davis, E. Palamadai Natarajan,
 * "Algorithm 907: KLU", ACM TOMS 37(3), 2010 (diagonal preference).
 */

import type { CscPattern } from './csc-matrix.ts';
import { growL, growU, type LuFactors, type LuWorkspace } from './sparse-lu-factors.ts';
import { prepareSupernodes } from './sparse-lu-supernodes.ts';

export interface FullFactorResult {
  /** -1 on success, else the step k at which no usable pivot was found. */
  readonly failedStep: number;
  /** Number of pivots taken off the diagonal. */
  readonly offDiagonalPivots: number;
}

/**
 * Factors P A Q = L U into `f` (Q = f.colOrder is given, P is chosen). On failure the contents of `f`
 * are unusable, the workspace is left clean.
 */
export function factorLuFull(
  a: CscPattern,
  values: Float64Array,
  tol: number,
  f: LuFactors,
  ws: LuWorkspace,
): FullFactorResult {
  const { n, colPtr: ap, rowIdx: ai } = a;
  const { colOrder: q, rowPosition: pinv, lColPtr: lp, uColPtr: up, uDiag } = f;
  const { x, mark, stack, childPtr, reach } = ws;
  let li = f.lRowIdx;
  let lx = f.lValues;
  let ui = f.uRowIdx;
  let ux = f.uValues;
  pinv.fill(-1);
  mark.fill(-1);
  let lnz = 0;
  let unz = 0;
  let offDiagonalPivots = 0;

  for (let k = 0; k < n; k++) {
    if (lnz + n - k > li.length) {
      growL(f, lnz, lnz + n - k);
      li = f.lRowIdx;
      lx = f.lValues;
    }
    if (unz + k > ui.length) {
      growU(f, unz, unz + k);
      ui = f.uRowIdx;
      ux = f.uValues;
    }
    lp[k] = lnz;
    up[k] = unz;
    const col = q[k];
    const aEnd = ap[col + 1];

    // Reach of A(:, col) in the graph of L, in topological order: reach[top..n-1].
    let top = n;
    for (let p = ap[col]; p < aEnd; p++) {
      const start = ai[p];
      if (mark[start] === k) continue;
      let head = 0;
      stack[0] = start;
      while (head >= 0) {
        const j = stack[head];
        const jCol = pinv[j];
        if (mark[j] !== k) {
          mark[j] = k;
          childPtr[head] = jCol < 0 ? 0 : lp[jCol];
        }
        const end = jCol < 0 ? 0 : lp[jCol + 1];
        let t = childPtr[head];
        while (t < end && mark[li[t]] === k) t++;
        if (t < end) {
          childPtr[head] = t + 1;
          stack[++head] = li[t];
        } else {
          head--;
          reach[--top] = j;
        }
      }
    }

    // Numeric sparse triangular solve x = L_k \ A(:, col).
    for (let p = ap[col]; p < aEnd; p++) x[ai[p]] += values[p];
    for (let t = top; t < n; t++) {
      const j = reach[t];
      const jCol = pinv[j];
      if (jCol < 0) continue;
      const xj = x[j];
      const end = lp[jCol + 1];
      for (let r = lp[jCol]; r < end; r++) x[li[r]] -= lx[r] * xj;
    }

    // U(:, k) from pivotal rows; pivot search among the others.
    let pivotRow = -1;
    let maxAbs = -1;
    let sumAbs = 0;
    for (let t = top; t < n; t++) {
      const i = reach[t];
      const v = x[i];
      const av = Math.abs(v);
      sumAbs += av;
      if (pinv[i] < 0) {
        if (av > maxAbs) {
          maxAbs = av;
          pivotRow = i;
        }
      } else {
        ui[unz] = pinv[i];
        ux[unz++] = v;
      }
    }
    if (pivotRow < 0 || !(maxAbs > 0) || !Number.isFinite(sumAbs)) {
      for (let t = top; t < n; t++) x[reach[t]] = 0;
      return { failedStep: k, offDiagonalPivots };
    }
    const diagAbs = Math.abs(x[col]);
    if (pinv[col] < 0 && diagAbs > 0 && diagAbs >= tol * maxAbs) pivotRow = col;
    if (pivotRow !== col) offDiagonalPivots++;
    const pivot = x[pivotRow];
    uDiag[k] = pivot;
    pinv[pivotRow] = k;
    const inv = 1 / pivot;
    for (let t = top; t < n; t++) {
      const i = reach[t];
      if (pinv[i] < 0) {
        li[lnz] = i;
        lx[lnz++] = x[i] * inv;
      }
      x[i] = 0;
    }
  }
  lp[n] = lnz;
  up[n] = unz;
  for (let p = 0; p < lnz; p++) li[p] = pinv[li[p]];
  const nnzA = ap[n];
  const entryRowPosition = f.entryRowPosition;
  for (let p = 0; p < nnzA; p++) entryRowPosition[p] = pinv[ai[p]];
  prepareSupernodes(a, f, ws);
  return { failedStep: -1, offDiagonalPivots };
}
