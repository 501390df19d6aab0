/**
 * Seeded random numbers and test matrices for the math module's tests (not part of the public API):
 * mulberry32, random sparse matrices, 2-D grid Laplacians and power-flow-Jacobian-like block matrices.
 */

import { buildCscFromTriplets, type CscMatrix, type CscPattern, multiplyCscVector } from './csc-matrix.ts';
import { createSeededRandom } from './seeded-random.ts';
import { buildSymmetricPattern } from './symmetric-pattern.ts';

/** Seeded floats in [0, 1) (mulberry32, seeded-random.ts). */
export function createRandom(seed: number): () => number {
  return createSeededRandom(seed).next;
}

/** Triplet lists that grow as entries are added. */
export class Triplets {
  readonly rows: number[] = [];
  readonly cols: number[] = [];
  readonly values: number[] = [];
  add(i: number, j: number, v: number): void {
    this.rows.push(i);
    this.cols.push(j);
    this.values.push(v);
  }
  toCsc(nRows: number, nCols = nRows): CscMatrix {
    return buildCscFromTriplets(nRows, nCols, this.rows, this.cols, this.values).matrix;
  }
}

export interface RandomMatrixOptions {
  /** Average off-diagonal entries per column. */
  readonly perColumn: number;
  /** Diagonal value added as `dominance * (1 + sum |a_ij| of the column)`; 0 leaves the diagonal out. */
  readonly dominance: number;
  /** Mirror the pattern so that it is structurally symmetric. */
  readonly symmetricPattern?: boolean;
}

/** A random sparse n x n matrix with values in [-1, 1]. */
export function randomSparseMatrix(random: () => number, n: number, options: RandomMatrixOptions): CscMatrix {
  const t = new Triplets();
  const colSum = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const count = Math.floor(random() * 2 * options.perColumn + 0.5);
    for (let c = 0; c < count; c++) {
      const i = Math.floor(random() * n);
      if (i === j) continue;
      const v = 2 * random() - 1;
      t.add(i, j, v);
      colSum[j] += Math.abs(v);
      if (options.symmetricPattern) {
        const w = 2 * random() - 1;
        t.add(j, i, w);
        colSum[i] += Math.abs(w);
      }
    }
  }
  if (options.dominance > 0) {
    for (let j = 0; j < n; j++) t.add(j, j, (random() < 0.5 ? -1 : 1) * options.dominance * (1 + colSum[j]));
  }
  return t.toCsc(n);
}

/** The 5-point Laplacian of an nx x ny grid (symmetric positive definite, Dirichlet boundary). */
export function gridLaplacian(nx: number, ny: number): CscMatrix {
  const t = new Triplets();
  const id = (x: number, y: number) => y * nx + x;
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) {
      const k = id(x, y);
      t.add(k, k, 4);
      if (x > 0) t.add(k, id(x - 1, y), -1);
      if (x < nx - 1) t.add(k, id(x + 1, y), -1);
      if (y > 0) t.add(k, id(x, y - 1), -1);
      if (y < ny - 1) t.add(k, id(x, y + 1), -1);
    }
  }
  return t.toCsc(nx * ny);
}

/**
 * A 2n x 2n matrix with dense 2 x 2 blocks on the pattern of a bus adjacency plus its diagonal, as the
 * Newton-Raphson power-flow Jacobian in polar form; unknowns of bus b are 2b and 2b + 1.
 */
export function blockJacobianLike(
  random: () => number,
  nBus: number,
  edges: ArrayLike<number>,
  diagonalWeight: number,
): CscMatrix {
  const t = new Triplets();
  const rowSum = new Float64Array(2 * nBus);
  const addBlock = (a: number, b: number) => {
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        const v = 2 * random() - 1;
        t.add(2 * a + r, 2 * b + c, v);
        rowSum[2 * a + r] += Math.abs(v);
      }
    }
  };
  for (let e = 0; e + 1 < edges.length; e += 2) {
    addBlock(edges[e], edges[e + 1]);
    addBlock(edges[e + 1], edges[e]);
  }
  for (let b = 0; b < nBus; b++) {
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        const i = 2 * b + r;
        t.add(i, 2 * b + c, r === c ? diagonalWeight * (1 + rowSum[i]) : 0.1 * (2 * random() - 1));
      }
    }
  }
  return t.toCsc(2 * nBus);
}

/**
 * As `blockJacobianLike`, but bus b has the two unknowns 2b, 2b + 1 only when `hasTwo(b)` (a PQ bus),
 * else one (a PV bus: angle only), so the pattern mixes 2 x 2, 2 x 1, 1 x 2 and 1 x 1 blocks. Unknowns
 * are numbered bus by bus.
 */
export function mixedJacobianLike(
  random: () => number,
  nBus: number,
  edges: ArrayLike<number>,
  hasTwo: (bus: number) => boolean,
): CscMatrix {
  const first = new Int32Array(nBus + 1);
  for (let b = 0; b < nBus; b++) first[b + 1] = first[b] + (hasTwo(b) ? 2 : 1);
  const t = new Triplets();
  const rowSum = new Float64Array(first[nBus]);
  const addBlock = (a: number, b: number) => {
    for (let i = first[a]; i < first[a + 1]; i++) {
      for (let j = first[b]; j < first[b + 1]; j++) {
        const v = 2 * random() - 1;
        t.add(i, j, v);
        rowSum[i] += Math.abs(v);
      }
    }
  };
  for (let e = 0; e + 1 < edges.length; e += 2) {
    if (edges[e] === edges[e + 1]) continue;
    addBlock(edges[e], edges[e + 1]);
    addBlock(edges[e + 1], edges[e]);
  }
  for (let b = 0; b < nBus; b++) {
    for (let i = first[b]; i < first[b + 1]; i++) {
      for (let j = first[b]; j < first[b + 1]; j++) {
        t.add(i, j, i === j ? 1.2 * (1 + rowSum[i]) : 0.1 * (2 * random() - 1));
      }
    }
  }
  return t.toCsc(first[nBus]);
}

/** Edges of a random connected graph: a random tree plus `extra` random edges (pairs of bus numbers). */
export function randomGridEdges(random: () => number, nBus: number, extra: number): number[] {
  const edges: number[] = [];
  for (let i = 1; i < nBus; i++) edges.push(i, Math.floor(random() * i));
  for (let e = 0; e < extra; e++) edges.push(Math.floor(random() * nBus), Math.floor(random() * nBus));
  return edges;
}

/** ||A x - b||_2 / ||b||_2 (or the plain residual norm when b = 0). */
export function relativeResidual(a: CscMatrix, x: Float64Array, b: Float64Array): number {
  const ax = new Float64Array(a.nRows);
  multiplyCscVector(a, x, ax);
  let r = 0;
  let nb = 0;
  for (let i = 0; i < a.nRows; i++) {
    r += (ax[i] - b[i]) ** 2;
    nb += b[i] ** 2;
  }
  return nb > 0 ? Math.sqrt(r / nb) : Math.sqrt(r);
}

/** A random vector with entries in [-1, 1]. */
export function randomVector(random: () => number, n: number): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = 2 * random() - 1;
  return v;
}

/** The matrix with row i moved to row perm[i]. */
export function permuteRows(a: CscMatrix, perm: ArrayLike<number>): CscMatrix {
  const t = new Triplets();
  for (let j = 0; j < a.nCols; j++) {
    for (let p = a.colPtr[j]; p < a.colPtr[j + 1]; p++) t.add(perm[a.rowIdx[p]], j, a.values[p]);
  }
  return t.toCsc(a.nRows, a.nCols);
}

/** A random permutation of 0..n-1 (Fisher-Yates). */
export function randomPermutation(random: () => number, n: number): Int32Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm;
}

/** Dense row-major copy, for small test matrices. */
export function toDense(a: CscMatrix): number[][] {
  const d = Array.from({ length: a.nRows }, () => new Array<number>(a.nCols).fill(0));
  for (let j = 0; j < a.nCols; j++) {
    for (let p = a.colPtr[j]; p < a.colPtr[j + 1]; p++) d[a.rowIdx[p]][j] += a.values[p];
  }
  return d;
}

/** True when perm holds every index 0..n-1 exactly once. */
export function isPermutation(perm: Int32Array, n: number): boolean {
  if (perm.length !== n) return false;
  const seen = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = perm[k];
    if (!(i >= 0 && i < n) || seen[i]) return false;
    seen[i] = 1;
  }
  return true;
}

/**
 * nnz of the strictly lower Cholesky factor of the symmetric pattern A + A^T ordered by `perm`
 * (Liu's row-subtree traversal with the elimination tree built on the fly). O(nnz(L)).
 */
export function countCholeskyFill(pattern: CscPattern, perm: Int32Array): number {
  const sym = buildSymmetricPattern(pattern);
  const n = pattern.n;
  const inverse = new Int32Array(n);
  for (let k = 0; k < n; k++) inverse[perm[k]] = k;
  const parent = new Int32Array(n).fill(-1);
  const mark = new Int32Array(n).fill(-1);
  let count = 0;
  for (let k = 0; k < n; k++) {
    mark[k] = k;
    const node = perm[k];
    for (let p = sym.colPtr[node]; p < sym.colPtr[node + 1]; p++) {
      let j = inverse[sym.rowIdx[p]];
      if (j > k) continue;
      while (mark[j] !== k) {
        if (parent[j] === -1) parent[j] = k;
        count++;
        mark[j] = k;
        j = parent[j];
      }
    }
  }
  return count;
}

/** Exact minimum degree on an explicit elimination graph (slow, for comparisons in tests). */
export function orderByExactMinimumDegree(pattern: CscPattern): Int32Array {
  const n = pattern.n;
  const sym = buildSymmetricPattern(pattern);
  const adj = Array.from(
    { length: n },
    (_, j) => new Set(sym.rowIdx.subarray(sym.colPtr[j], sym.colPtr[j + 1])),
  );
  const alive = new Uint8Array(n).fill(1);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let best = -1;
    for (let i = 0; i < n; i++) if (alive[i] && (best < 0 || adj[i].size < adj[best].size)) best = i;
    order[k] = best;
    alive[best] = 0;
    const nbrs = [...adj[best]];
    for (const a of nbrs) {
      adj[a].delete(best);
      for (const b of nbrs) if (a !== b) adj[a].add(b);
    }
  }
  return order;
}

/** Solves with the last factorisation into a new vector (the right-hand side is kept). */
export function solveWith(lu: { solve(rhs: Float64Array): void }, b: Float64Array): Float64Array {
  const x = b.slice();
  lu.solve(x);
  return x;
}
