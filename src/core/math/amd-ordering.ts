/**
 * Approximate minimum degree (AMD) ordering of the symmetric pattern A + A^T, used to order columns for
 * sparse LU and Cholesky so that the factors stay sparse.
 *
 * Method: minimum degree on the quotient graph (nodes = uneliminated variables, elements = cliques created
 * by eliminated pivots). Eliminating pivot k turns it into element L_k = (A_k ∪ ⋃_{e ∈ E_k} L_e) \ {k}.
 * For each i ∈ L_k the exact external degree is replaced by the cheap upper bound
 *   d̄_i = min( n - nel - nv_i,  d_i^old + |L_k \ i|,  |A_i \ i| + |L_k \ i| + Σ_{e ∈ E_i \ k} |L_e \ L_k| ),
 * where |L_e \ L_k| comes from one scan of the elements (the "set differences" pass). With element
 * absorption (L_e ⊆ L_k), aggressive absorption (|L_e \ L_k| = 0), mass elimination (d = 0),
 * indistinguishable-node detection by hashing (supervariables), dense-row removal (degree > 10 √n, at
 * least 16) and a final postorder of the assembly tree. Memory O(nnz + n), no dynamic structures.
 *
 * Reference: P. R. Amestoy, T. A. Davis, I. S. Duff, "An approximate minimum degree ordering algorithm",
 * SIAM J. Matrix Anal. Appl. 17(4), 1996, and "Algorithm 837: AMD", ACM TOMS 30(3), 2004; the structure
 * follows `cs_amd` in T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, chapter 7.
 */

import { postorderAssemblyTree } from './amd-postorder.ts';
import type { CscPattern } from './csc-matrix.ts';
import { buildSymmetricPattern } from './symmetric-pattern.ts';

/** Encodes "absorbed into j" as a negative number and back: flip(flip(j)) = j, flip(-1) = -1. */
const flip = (j: number): number => -j - 2;

/** Keeps the w marks below 2^31 (they live in an Int32Array). */
function clearMarks(mark: number, lemax: number, w: Int32Array, n: number): number {
  if (mark < 2 || mark + lemax > 0x7fffffff - 4 * (n + 1)) {
    for (let k = 0; k < n; k++) if (w[k] !== 0) w[k] = 1;
    return 2;
  }
  return mark;
}

/**
 * Returns the AMD permutation of the pattern A + A^T (diagonal ignored): `perm[k]` is the original index
 * placed k-th. Deterministic. O(nnz + n) memory.
 */
export function computeAmdOrdering(pattern: CscPattern): Int32Array {
  const n = pattern.n;
  if (n === 0) return new Int32Array(0);
  const sym = buildSymmetricPattern(pattern);
  let cnz = sym.colPtr[n];
  const nzmax = cnz + Math.floor(cnz / 5) + 2 * n; // elbow room, as in cs_amd
  const ci = new Int32Array(nzmax);
  ci.set(sym.rowIdx.subarray(0, cnz));
  const cp = Int32Array.from(sym.colPtr);
  const dense = Math.min(n - 2, Math.max(16, 10 * Math.sqrt(n)));

  const len = new Int32Array(n + 1);
  const nv = new Int32Array(n + 1).fill(1);
  const next = new Int32Array(n + 1).fill(-1);
  const head = new Int32Array(n + 1).fill(-1);
  const elen = new Int32Array(n + 1);
  const degree = new Int32Array(n + 1);
  const w = new Int32Array(n + 1).fill(1);
  const hhead = new Int32Array(n + 1).fill(-1);
  const last = new Int32Array(n + 1).fill(-1);
  for (let k = 0; k < n; k++) {
    len[k] = cp[k + 1] - cp[k];
    degree[k] = len[k];
  }
  let mark = clearMarks(0, 0, w, n);
  elen[n] = -2; // n is a dead element that collects dense rows
  cp[n] = -1;
  w[n] = 0;
  let nel = 0;
  for (let i = 0; i < n; i++) {
    const d = degree[i];
    if (d === 0) {
      elen[i] = -2; // empty node: eliminate at once
      nel++;
      cp[i] = -1;
      w[i] = 0;
    } else if (d > dense) {
      nv[i] = 0; // dense node: absorb into n, ordered last
      elen[i] = -1;
      nel++;
      cp[i] = flip(n);
      nv[n]++;
    } else {
      if (head[d] !== -1) last[head[d]] = i;
      next[i] = head[d];
      head[d] = i;
    }
  }

  let mindeg = 0;
  let lemax = 0;
  while (nel < n) {
    // Select a node of minimum approximate degree.
    while (mindeg < n && head[mindeg] === -1) mindeg++;
    const k = head[mindeg];
    if (next[k] !== -1) last[next[k]] = -1;
    head[mindeg] = next[k];
    const elenk = elen[k];
    let nvk = nv[k];
    nel += nvk;

    // Garbage collection when the new element may not fit.
    if (elenk > 0 && cnz + mindeg >= nzmax) {
      for (let j = 0; j < n; j++) {
        const p = cp[j];
        if (p >= 0) {
          cp[j] = ci[p]; // save the first entry of object j
          ci[p] = flip(j); // and mark the start of j
        }
      }
      let q = 0;
      for (let p = 0; p < cnz; ) {
        const j = flip(ci[p++]);
        if (j >= 0) {
          ci[q] = cp[j];
          cp[j] = q++;
          for (let k3 = 0; k3 < len[j] - 1; k3++) ci[q++] = ci[p++];
        }
      }
      cnz = q;
    }

    // Construct the new element L_k.
    let dk = 0;
    nv[k] = -nvk; // k is in L_k
    let p = cp[k];
    const pk1 = elenk === 0 ? p : cnz; // in place if k has no elements
    let pk2 = pk1;
    for (let k1 = 1; k1 <= elenk + 1; k1++) {
      let e: number;
      let pj: number;
      let ln: number;
      if (k1 > elenk) {
        e = k; // the nodes adjacent to k
        pj = p;
        ln = len[k] - elenk;
      } else {
        e = ci[p++]; // the nodes of element e
        pj = cp[e];
        ln = len[e];
      }
      for (let k2 = 1; k2 <= ln; k2++) {
        const i = ci[pj++];
        const nvi = nv[i];
        if (nvi <= 0) continue; // dead, or already in L_k
        dk += nvi;
        nv[i] = -nvi;
        ci[pk2++] = i;
        if (next[i] !== -1) last[next[i]] = last[i]; // remove i from its degree list
        if (last[i] !== -1) next[last[i]] = next[i];
        else head[degree[i]] = next[i];
      }
      if (e !== k) {
        cp[e] = flip(k); // element absorption: e into k
        w[e] = 0;
      }
    }
    if (elenk !== 0) cnz = pk2;
    degree[k] = dk;
    cp[k] = pk1;
    len[k] = pk2 - pk1;
    elen[k] = -2;

    // Set differences: w[e] - mark = |L_e \ L_k| for every element e adjacent to L_k.
    mark = clearMarks(mark, lemax, w, n);
    for (let pk = pk1; pk < pk2; pk++) {
      const i = ci[pk];
      const eln = elen[i];
      if (eln <= 0) continue;
      const nvi = -nv[i];
      const wnvi = mark - nvi;
      for (let q = cp[i]; q <= cp[i] + eln - 1; q++) {
        const e = ci[q];
        if (w[e] >= mark) w[e] -= nvi;
        else if (w[e] !== 0) w[e] = degree[e] + wnvi; // first visit of a live element
      }
    }

    // Degree update, pruning of E_i and A_i, hashing for supervariable detection.
    for (let pk = pk1; pk < pk2; pk++) {
      const i = ci[pk];
      const p1 = cp[i];
      const p2 = p1 + elen[i] - 1;
      let pn = p1;
      let h = 0;
      let d = 0;
      for (let q = p1; q <= p2; q++) {
        const e = ci[q];
        if (w[e] !== 0) {
          const dext = w[e] - mark;
          if (dext > 0) {
            d += dext;
            ci[pn++] = e;
            h += e;
          } else {
            cp[e] = flip(k); // aggressive absorption: L_e ⊆ L_k
            w[e] = 0;
          }
        }
      }
      elen[i] = pn - p1 + 1;
      const p3 = pn;
      const p4 = p1 + len[i];
      for (let q = p2 + 1; q < p4; q++) {
        const j = ci[q];
        const nvj = nv[j];
        if (nvj <= 0) continue; // dead or in L_k
        d += nvj;
        ci[pn++] = j;
        h += j;
      }
      if (d === 0) {
        cp[i] = flip(k); // mass elimination: i becomes part of pivot k
        const nvi = -nv[i];
        dk -= nvi;
        nvk += nvi;
        nel += nvi;
        nv[i] = 0;
        elen[i] = -1;
      } else {
        degree[i] = Math.min(degree[i], d);
        ci[pn] = ci[p3]; // move the first node to the end
        ci[p3] = ci[p1]; // move the first element to the end of E_i
        ci[p1] = k; // k becomes the first element of E_i
        len[i] = pn - p1 + 1;
        const bucket = h % n;
        next[i] = hhead[bucket];
        hhead[bucket] = i;
        last[i] = bucket;
      }
    }
    degree[k] = dk;
    lemax = Math.max(lemax, dk);
    mark = clearMarks(mark + lemax, lemax, w, n);

    // Supervariable detection: merge nodes of L_k with identical E_i and A_i.
    for (let pk = pk1; pk < pk2; pk++) {
      let i = ci[pk];
      if (nv[i] >= 0) continue; // dead
      const bucket = last[i];
      i = hhead[bucket];
      hhead[bucket] = -1;
      for (; i !== -1 && next[i] !== -1; i = next[i], mark++) {
        const ln = len[i];
        const eln = elen[i];
        for (let q = cp[i] + 1; q <= cp[i] + ln - 1; q++) w[ci[q]] = mark;
        let jlast = i;
        for (let j = next[i]; j !== -1; ) {
          let same = len[j] === ln && elen[j] === eln;
          for (let q = cp[j] + 1; same && q <= cp[j] + ln - 1; q++) {
            if (w[ci[q]] !== mark) same = false;
          }
          if (same) {
            cp[j] = flip(i); // absorb j into i
            nv[i] += nv[j];
            nv[j] = 0;
            elen[j] = -1;
            j = next[j];
            next[jlast] = j;
          } else {
            jlast = j;
            j = next[j];
          }
        }
      }
    }

    // Finalize L_k: external degrees, back into the degree lists.
    p = pk1;
    for (let pk = pk1; pk < pk2; pk++) {
      const i = ci[pk];
      const nvi = -nv[i];
      if (nvi <= 0) continue;
      nv[i] = nvi;
      let d = degree[i] + dk - nvi;
      d = Math.min(d, n - nel - nvi);
      if (head[d] !== -1) last[head[d]] = i;
      next[i] = head[d];
      last[i] = -1;
      head[d] = i;
      mindeg = Math.min(mindeg, d);
      degree[i] = d;
      ci[p++] = i;
    }
    nv[k] = nvk;
    len[k] = p - pk1;
    if (len[k] === 0) {
      cp[k] = -1; // k is a root of the assembly tree
      w[k] = 0;
    }
    if (elenk !== 0) cnz = p;
  }

  for (let i = 0; i < n; i++) cp[i] = flip(cp[i]); // parent in the assembly tree, or -1
  const post = postorderAssemblyTree(n, cp, nv, head, next, w);
  return post.slice(0, n);
}
