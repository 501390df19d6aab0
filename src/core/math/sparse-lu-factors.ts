/**
 * Storage of a sparse LU factorisation P A Q = L U and the work arrays shared by the full factorisation,
 * the numeric refactorisation and the solves. Internal to the math module.
 */

/**
 * L is unit lower triangular, stored by columns without its diagonal; U is upper triangular, stored by
 * columns with the diagonal apart in `uDiag`. Row indices of L and U are pivot positions 0..n-1 once a
 * factorisation is complete (original row numbers while the full factorisation runs). The off-diagonal
 * entries of U column k are kept in the topological order in which the columns of L are applied to
 * column k, which is the order the numeric refactorisation replays.
 */
export interface LuFactors {
  readonly n: number;
  /** colOrder[k] = original column placed k-th (Q). */
  readonly colOrder: Int32Array;
  /** rowPosition[i] = pivot position of original row i (P^T), -1 while row i is not pivotal. */
  readonly rowPosition: Int32Array;
  /** rowPosition[rowIdx[p]] for every entry p of A: the precomputed scatter of the refactorisation. */
  readonly entryRowPosition: Int32Array;
  readonly lColPtr: Int32Array;
  lRowIdx: Int32Array;
  lValues: Float64Array;
  readonly uColPtr: Int32Array;
  uRowIdx: Int32Array;
  uValues: Float64Array;
  readonly uDiag: Float64Array;
  /** supernodeEnd[j] = last column of the supernode of L holding column j (see sparse-lu-supernodes.ts). */
  readonly supernodeEnd: Int32Array;
  /**
   * pairedWithNext[k] > 0 when columns k and k + 1 are refactored together (sparse-lu-refactor-pair.ts):
   * then U(:, k + 1) stores the entries of U(:, k) in the same order, followed by row k. It is 2 when
   * moreover A(:, Q[k]) and A(:, Q[k + 1]) have the same rows in the same order, else 1.
   */
  readonly pairedWithNext: Uint8Array;
}

/**
 * Dense work arrays, allocated once. `x` (length n) and `xPair` (length 2n: x[2i] and x[2i + 1] hold row i
 * of the two columns of a pair) are all zeros between columns; `y` serves the solves; the others have
 * length n.
 */
export interface LuWorkspace {
  readonly x: Float64Array;
  readonly xPair: Float64Array;
  readonly y: Float64Array;
  readonly mark: Int32Array;
  readonly stack: Int32Array;
  readonly childPtr: Int32Array;
  readonly reach: Int32Array;
}

/** Factors with room for `capacity` entries in each of L and U (both grow when needed). */
export function createLuFactors(
  n: number,
  nnzA: number,
  colOrder: Int32Array,
  capacity = Math.max(16, 2 * nnzA + n),
): LuFactors {
  return {
    n,
    colOrder,
    rowPosition: new Int32Array(n).fill(-1),
    entryRowPosition: new Int32Array(nnzA),
    lColPtr: new Int32Array(n + 1),
    lRowIdx: new Int32Array(capacity),
    lValues: new Float64Array(capacity),
    uColPtr: new Int32Array(n + 1),
    uRowIdx: new Int32Array(capacity),
    uValues: new Float64Array(capacity),
    uDiag: new Float64Array(n),
    supernodeEnd: new Int32Array(n),
    pairedWithNext: new Uint8Array(n),
  };
}

export function createLuWorkspace(n: number): LuWorkspace {
  return {
    x: new Float64Array(n),
    xPair: new Float64Array(2 * n),
    y: new Float64Array(n),
    mark: new Int32Array(n),
    stack: new Int32Array(n),
    childPtr: new Int32Array(n),
    reach: new Int32Array(n),
  };
}

/** Grows L so that it holds at least `needed` entries (doubling), keeping the first `used`. */
export function growL(f: LuFactors, used: number, needed: number): void {
  const capacity = Math.max(needed, 2 * f.lRowIdx.length);
  const rowIdx = new Int32Array(capacity);
  rowIdx.set(f.lRowIdx.subarray(0, used));
  const values = new Float64Array(capacity);
  values.set(f.lValues.subarray(0, used));
  f.lRowIdx = rowIdx;
  f.lValues = values;
}

/** Grows U so that it holds at least `needed` entries (doubling), keeping the first `used`. */
export function growU(f: LuFactors, used: number, needed: number): void {
  const capacity = Math.max(needed, 2 * f.uRowIdx.length);
  const rowIdx = new Int32Array(capacity);
  rowIdx.set(f.uRowIdx.subarray(0, used));
  const values = new Float64Array(capacity);
  values.set(f.uValues.subarray(0, used));
  f.uRowIdx = rowIdx;
  f.uValues = values;
}
