/**
 * Symbolic LU factorisation up front for structurally symmetric patterns with a full diagonal: the L and U
 * patterns that diagonal pivoting (P = Q) produces, so that the first factorisation can already be a
 * numeric-only refactorisation.
 *
 * Method: with diagonal pivots, P A Q = L U for C = Q^T A Q of symmetric pattern has the pattern of the
 * Cholesky factor of C: U(:, k) is row k of L, which is the row subtree of k in the elimination tree,
 * the nodes met walking up the tree from each j < k with c_jk != 0 until a node already visited for this
 * row. The tree is built during the same walks (parent[j] = k at the first row k that reaches root j:
 * Liu's algorithm without path compression), so each step of a walk finds one entry of L and the whole
 * analysis costs O(nnz(A) + nnz(L)). The walks give each U(:, k) in some order; transposing it to L and
 * back sorts the rows of both (ascending rows of U: a topological order for the refactorisation).
 * Reference: J. W. H. Liu, "The role of elimination trees in sparse factorization", SIAM J. Matrix Anal.
 * Appl. 11(1), 1990; T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, chapter 4
 * (`cs_etree`, `cs_ereach`, `cs_schol`).
 */

import type { CscPattern } from './csc-matrix.ts';
import { growU, type LuFactors, type LuWorkspace } from './sparse-lu-factors.ts';
import { prepareSupernodes } from './sparse-lu-supernodes.ts';

/**
 * True when the pattern equals the pattern of its transpose (values ignored) and holds every diagonal
 * entry. O(n + nnz): one pass when the rows of every column are ascending, else a transpose.
 */
export function hasSymmetricPatternWithDiagonal(a: CscPattern): boolean {
  const { n, colPtr: ap, rowIdx: ai } = a;
  for (let j = 0; j < n; j++) {
    for (let p = ap[j] + 1; p < ap[j + 1]; p++) if (ai[p] < ai[p - 1]) return hasSymmetricPatternUnsorted(a);
  }
  // Sorted columns: visiting columns j in order, the entries (j, i) above the diagonal of column i are met
  // in the same order as the entries (i, j) below the diagonal of the columns j, so a cursor per column
  // suffices: next[i] is the next upper entry of column i still to be matched.
  const next = ap.slice(0, n);
  for (let j = 0; j < n; j++) {
    for (let p = ap[j]; p < ap[j + 1]; p++) {
      const i = ai[p];
      if (i <= j) continue;
      if (ai[next[i]] !== j) return false;
      next[i]++;
    }
  }
  for (let i = 0; i < n; i++) if (next[i] >= ap[i + 1] || ai[next[i]] !== i) return false;
  return true;
}

/** `hasSymmetricPatternWithDiagonal` for columns with rows in any order, through the transpose. */
function hasSymmetricPatternUnsorted(a: CscPattern): boolean {
  const { n, colPtr: ap, rowIdx: ai } = a;
  const nnz = ap[n];
  const rowPtr = new Int32Array(n + 1);
  for (let p = 0; p < nnz; p++) rowPtr[ai[p] + 1]++;
  for (let i = 0; i < n; i++) {
    if (rowPtr[i + 1] !== ap[i + 1] - ap[i]) return false; // row and column counts differ
    rowPtr[i + 1] += rowPtr[i];
  }
  const colOfEntry = new Int32Array(nnz);
  const next = rowPtr.slice(0, n);
  for (let j = 0; j < n; j++) {
    for (let p = ap[j]; p < ap[j + 1]; p++) colOfEntry[next[ai[p]]++] = j;
  }
  const mark = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    for (let p = ap[j]; p < ap[j + 1]; p++) mark[ai[p]] = j;
    if (mark[j] !== j) return false;
    for (let t = rowPtr[j]; t < rowPtr[j + 1]; t++) if (mark[colOfEntry[t]] !== j) return false;
  }
  return true;
}

/**
 * Fills `f` (column order f.colOrder already set) with the pivot sequence P = Q and the patterns of L and
 * U of a factorisation with diagonal pivots, ready for `refactorLu`. The pattern must pass
 * `hasSymmetricPatternWithDiagonal`. Values in `f` are left meaningless until the numeric factorisation.
 */
export function analyseSymmetricLu(a: CscPattern, f: LuFactors, ws: LuWorkspace): void {
  const { n, colPtr: ap, rowIdx: ai } = a;
  const { colOrder: q, rowPosition: pinv, entryRowPosition: apos, lColPtr: lp, uColPtr: up } = f;
  for (let k = 0; k < n; k++) pinv[q[k]] = k;

  // Row subtrees: U(:, k) in the order the walks visit it; column counts of L in lp; the tree in parent.
  const { mark, stack: parent } = ws;
  mark.fill(-1);
  parent.fill(-1);
  lp.fill(0);
  let ui = f.uRowIdx;
  let unz = 0;
  for (let k = 0; k < n; k++) {
    up[k] = unz;
    if (unz + k > ui.length) {
      growU(f, unz, unz + k); // row k of L has at most k entries
      ui = f.uRowIdx;
    }
    mark[k] = k;
    const col = q[k];
    for (let p = ap[col]; p < ap[col + 1]; p++) {
      let j = pinv[ai[p]];
      apos[p] = j;
      if (j > k) continue;
      while (mark[j] !== k) {
        ui[unz++] = j;
        lp[j + 1]++;
        mark[j] = k;
        let parentJ = parent[j];
        if (parentJ < 0) {
          parentJ = k;
          parent[j] = k;
        }
        j = parentJ;
      }
    }
  }
  up[n] = unz;
  for (let k = 0; k < n; k++) lp[k + 1] += lp[k];
  if (f.lRowIdx.length < unz) {
    f.lRowIdx = new Int32Array(unz);
    f.lValues = new Float64Array(unz);
  }

  // L = pattern of U^T and then U = pattern of L^T: rows come out ascending in both.
  const li = f.lRowIdx;
  const nextL = ws.childPtr;
  nextL.set(lp.subarray(0, n));
  for (let k = 0; k < n; k++) {
    for (let p = up[k]; p < up[k + 1]; p++) li[nextL[ui[p]]++] = k;
  }
  const nextU = ws.reach;
  nextU.set(up.subarray(0, n));
  for (let j = 0; j < n; j++) {
    for (let r = lp[j]; r < lp[j + 1]; r++) ui[nextU[li[r]]++] = j;
  }
  f.lValues.fill(0, 0, unz);
  f.uValues.fill(0, 0, unz);
  prepareSupernodes(a, f, ws, true);
}
