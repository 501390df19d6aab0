/**
 * Supernodes of the L factor and the data layout that lets the refactorisation and the forward solve
 * apply several columns of L at once (a small dense block instead of one sparse column at a time), and
 * the pairs of columns that the refactorisation and the backward solve process together.
 *
 * Method: with the rows of every column of L sorted, columns j..e form a supernode when
 * pattern L(:, t) = {t + 1} ∪ pattern L(:, t + 1) for t = j..e-1: the block has a dense lower triangle
 * and all its columns share the rows of L(:, e) below it, so one pass over those rows can subtract
 * Σ_t L(i, t) x_t. In column k of U the supernode members present (those < k) form a suffix j..e of
 * the supernode (t reaches t + 1), and moving them to the topological position of e keeps the order
 * topological: every successor of t other than t + 1..e is a successor of e, and every predecessor of
 * t outside the supernode is also a predecessor of e.
 * Reference: J. W. Demmel, S. C. Eisenstat, J. R. Gilbert, X. S. Li, J. W. H. Liu, "A supernodal
 * approach to sparse partial pivoting", SIAM J. Matrix Anal. Appl. 20(3), 1999 (supernodes in L).
 */

import type { CscPattern } from './csc-matrix.ts';
import type { LuFactors, LuWorkspace } from './sparse-lu-factors.ts';

/** Sorts rows ascending within every column of L (values follow), using `dense` (length n) as scratch. */
function sortLowerColumns(f: LuFactors, dense: Float64Array): void {
  const { n, lColPtr: lp } = f;
  const li = f.lRowIdx;
  const lx = f.lValues;
  for (let j = 0; j < n; j++) {
    const start = lp[j];
    const end = lp[j + 1];
    if (end - start <= 24) {
      for (let p = start + 1; p < end; p++) {
        const row = li[p];
        const value = lx[p];
        let q = p - 1;
        while (q >= start && li[q] > row) {
          li[q + 1] = li[q];
          lx[q + 1] = lx[q];
          q--;
        }
        li[q + 1] = row;
        lx[q + 1] = value;
      }
    } else {
      for (let p = start; p < end; p++) dense[li[p]] = lx[p];
      li.subarray(start, end).sort();
      for (let p = start; p < end; p++) lx[p] = dense[li[p]];
    }
  }
}

/** supernodeEnd[j] = last column of the supernode holding column j (L rows must be sorted). */
function findSupernodes(f: LuFactors): void {
  const { n, lColPtr: lp, supernodeEnd } = f;
  const li = f.lRowIdx;
  for (let j = n - 1; j >= 0; j--) {
    supernodeEnd[j] = j;
    if (j + 1 === n) continue;
    const a = lp[j];
    const b = lp[j + 1];
    const lenA = b - a;
    const lenB = lp[j + 2] - b;
    if (lenA !== lenB + 1 || li[a] !== j + 1) continue;
    let same = true;
    for (let t = 0; t < lenB; t++) {
      if (li[a + 1 + t] !== li[b + t]) {
        same = false;
        break;
      }
    }
    if (same) supernodeEnd[j] = supernodeEnd[j + 1];
  }
}

/**
 * Reorders every column k of U (indices and values together) so that the members j..e of a supernode
 * present in it, e = min(supernodeEnd[j], k - 1), are contiguous and ascending at the position of e.
 */
function groupUpperColumns(f: LuFactors, ws: LuWorkspace): void {
  const { n, uColPtr: up, supernodeEnd } = f;
  const ui = f.uRowIdx;
  const ux = f.uValues;
  const { mark, reach: tmpIdx, y: tmpVal } = ws;
  mark.fill(-1);
  for (let k = 0; k < n; k++) {
    const start = up[k];
    const end = up[k + 1];
    for (let p = start; p < end; p++) mark[ui[p]] = k;
    for (let p = start; p < end; p++) tmpVal[ui[p]] = ux[p];
    let out = 0;
    for (let p = start; p < end; p++) {
      const j = ui[p];
      const sEnd = supernodeEnd[j];
      if (j !== sEnd && j !== k - 1) continue; // emitted with the last present member
      let first = j;
      while (first > 0 && supernodeEnd[first - 1] === sEnd && mark[first - 1] === k) first--;
      for (let t = first; t <= j; t++) tmpIdx[out++] = t;
    }
    if (out !== end - start) throw new Error(`supernode grouping of U column ${k} lost entries`);
    for (let p = start; p < end; p++) {
      const j = tmpIdx[p - start];
      ui[p] = j;
      ux[p] = tmpVal[j];
    }
  }
}

/**
 * Marks the pairs of columns that the refactorisation processes together (sparse-lu-refactor-pair.ts):
 * k and k + 1 in one supernode and U(:, k + 1) = U(:, k) ∪ {k}, as the two unknowns of one bus in a
 * power-flow Jacobian. U(:, k + 1) is then stored as U(:, k), in the same order, followed by row k (a
 * topological order too: no column of L between k and k + 1 is applied before k). Values follow. With
 * `sorted` (rows of U ascending) that order is the stored one and the sets are compared entry by entry.
 */
function pairColumns(f: LuFactors, ws: LuWorkspace, sorted: boolean): void {
  const { n, uColPtr: up, supernodeEnd, pairedWithNext } = f;
  const ui = f.uRowIdx;
  const ux = f.uValues;
  const { mark, y: tmpVal } = ws;
  pairedWithNext.fill(0);
  mark.fill(-1);
  let k = 0;
  while (k + 1 < n) {
    const start = up[k];
    const mid = up[k + 1];
    const end = up[k + 2];
    const paired =
      supernodeEnd[k] > k &&
      end - mid === mid - start + 1 &&
      (sorted ? ui[end - 1] === k && isRepeated(ui, start, mid) : isSameSetPlusK(ui, start, mid, k, mark));
    if (!paired) {
      k++;
      continue;
    }
    if (!sorted) {
      for (let p = mid; p < end; p++) tmpVal[ui[p]] = ux[p];
      for (let p = start; p < mid; p++) {
        const j = ui[p];
        ui[p + mid - start] = j;
        ux[p + mid - start] = tmpVal[j];
      }
      ui[end - 1] = k;
      ux[end - 1] = tmpVal[k];
    }
    pairedWithNext[k] = 1;
    k += 2;
  }
}

/** True when ui[mid + t] = ui[start + t] for t < mid - start. */
function isRepeated(ui: Int32Array, start: number, mid: number): boolean {
  for (let p = start; p < mid; p++) if (ui[p + mid - start] !== ui[p]) return false;
  return true;
}

/** True when the mid - start + 1 rows after `mid` are those of start..mid-1 and k (marks with k). */
function isSameSetPlusK(ui: Int32Array, start: number, mid: number, k: number, mark: Int32Array): boolean {
  for (let p = start; p < mid; p++) mark[ui[p]] = k;
  mark[k] = k;
  const end = 2 * mid - start + 1;
  for (let p = mid; p < end; p++) if (mark[ui[p]] !== k) return false;
  return true;
}

/**
 * Marks with 2 instead of 1 the pairs k, k + 1 whose columns A(:, Q[k]) and A(:, Q[k + 1]) have the
 * same rows in the same order, so that one pass scatters both.
 */
function markSharedScatter(a: CscPattern, f: LuFactors): void {
  const { n, colOrder: q, entryRowPosition: apos, pairedWithNext } = f;
  const ap = a.colPtr;
  for (let k = 0; k + 1 < n; k++) {
    if (pairedWithNext[k] === 0) continue;
    const start = ap[q[k]];
    const length = ap[q[k] + 1] - start;
    const shift = ap[q[k + 1]] - start;
    let same = ap[q[k + 1] + 1] - ap[q[k + 1]] === length;
    for (let p = start; p < start + length && same; p++) same = apos[p] === apos[p + shift];
    if (same) pairedWithNext[k] = 2;
  }
}

/**
 * Prepares complete factors of `a` for the supernodal and paired refactorisation and the solves.
 * `sorted`: the rows of every column of L and of U are already ascending (after a symbolic analysis),
 * which is also a grouped topological order for U, so only supernodes and pairs remain to be found.
 */
export function prepareSupernodes(a: CscPattern, f: LuFactors, ws: LuWorkspace, sorted = false): void {
  if (!sorted) sortLowerColumns(f, ws.y);
  findSupernodes(f);
  if (!sorted) groupUpperColumns(f, ws);
  pairColumns(f, ws, sorted);
  markSharedScatter(a, f);
}

/**
 * x[i] -= Σ_{t=j..e} L(i, t) m[mOffset + t] over the rows i of L(:, e), the rows that columns j..e of a
 * supernode share below e. Columns are taken four, two and one at a time.
 */
export function subtractSupernodeBelow(
  x: Float64Array,
  li: Int32Array,
  lx: Float64Array,
  lp: Int32Array,
  j: number,
  e: number,
  m: Float64Array,
  mOffset: number,
): void {
  const rStart = lp[e];
  const rEnd = lp[e + 1];
  if (rStart === rEnd) return;
  let t = j;
  for (; t + 3 <= e; t += 4) {
    const m0 = m[mOffset + t];
    const m1 = m[mOffset + t + 1];
    const m2 = m[mOffset + t + 2];
    const m3 = m[mOffset + t + 3];
    const o0 = lp[t] + e - t - rStart;
    const o1 = lp[t + 1] + e - t - 1 - rStart;
    const o2 = lp[t + 2] + e - t - 2 - rStart;
    const o3 = lp[t + 3] + e - t - 3 - rStart;
    for (let r = rStart; r < rEnd; r++) {
      x[li[r]] -= lx[o0 + r] * m0 + lx[o1 + r] * m1 + lx[o2 + r] * m2 + lx[o3 + r] * m3;
    }
  }
  if (t + 1 <= e) {
    const m0 = m[mOffset + t];
    const m1 = m[mOffset + t + 1];
    const o0 = lp[t] + e - t - rStart;
    const o1 = lp[t + 1] + e - t - 1 - rStart;
    for (let r = rStart; r < rEnd; r++) x[li[r]] -= lx[o0 + r] * m0 + lx[o1 + r] * m1;
    t += 2;
  }
  if (t === e) {
    const m0 = m[mOffset + e];
    for (let r = rStart; r < rEnd; r++) x[li[r]] -= lx[r] * m0;
  }
}
