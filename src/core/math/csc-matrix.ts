/**
 * Compressed-sparse-column (CSC) matrices made of typed arrays only: the type, assembly from
 * (row, col, value) triplets with a reusable map from triplets to stored entries, y = A x and the transpose.
 */

/** A sparse matrix in CSC form: column j holds rows `rowIdx[colPtr[j] .. colPtr[j+1]-1]`. */
export interface CscMatrix {
  readonly nRows: number;
  readonly nCols: number;
  /** Length nCols + 1, colPtr[0] = 0, non-decreasing. */
  readonly colPtr: Int32Array;
  /** Length >= colPtr[nCols]. */
  readonly rowIdx: Int32Array;
  /** Length >= colPtr[nCols]. */
  readonly values: Float64Array;
}

/** The pattern of a square matrix of order n in CSC form (values kept elsewhere). */
export interface CscPattern {
  readonly n: number;
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
}

/** A matrix built from triplets and, for each triplet k, the index into `matrix.values` it was added to. */
export interface CscFromTriplets {
  readonly matrix: CscMatrix;
  readonly positionOfTriplet: Int32Array;
}

function checkIndex(index: number, bound: number, what: string, k: number): void {
  if (!(Number.isInteger(index) && index >= 0 && index < bound)) {
    throw new RangeError(`triplet ${k}: ${what} index ${index} outside [0, ${bound})`);
  }
}

/**
 * Builds a CSC matrix from triplets (any order, duplicates allowed). Rows are sorted within each column and
 * duplicates are summed. `positionOfTriplet[k]` is where triplet k landed in `matrix.values`, so a matrix of
 * the same pattern is refilled in O(nnz) by `values.fill(0)` then `values[pos[k]] += v[k]`.
 * Runs in O(nnz + nRows + nCols) with two counting-sort passes (by row, then stably by column).
 */
export function buildCscFromTriplets(
  nRows: number,
  nCols: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  values: ArrayLike<number>,
): CscFromTriplets {
  const nTriplets = rows.length;
  if (cols.length !== nTriplets || values.length !== nTriplets) {
    throw new RangeError(`triplet arrays differ in length: ${rows.length}, ${cols.length}, ${values.length}`);
  }
  if (!(Number.isInteger(nRows) && nRows >= 0 && Number.isInteger(nCols) && nCols >= 0)) {
    throw new RangeError(`invalid dimensions ${nRows} x ${nCols}`);
  }
  for (let k = 0; k < nTriplets; k++) {
    checkIndex(rows[k], nRows, 'row', k);
    checkIndex(cols[k], nCols, 'column', k);
  }
  // Pass 1: triplet numbers ordered by row (stable).
  const rowStart = new Int32Array(nRows + 1);
  for (let k = 0; k < nTriplets; k++) rowStart[rows[k] + 1]++;
  for (let i = 0; i < nRows; i++) rowStart[i + 1] += rowStart[i];
  const byRow = new Int32Array(nTriplets);
  for (let k = 0; k < nTriplets; k++) byRow[rowStart[rows[k]]++] = k;
  // Pass 2: stable by column, so rows ascend within each column.
  const colStart = new Int32Array(nCols + 1);
  for (let k = 0; k < nTriplets; k++) colStart[cols[k] + 1]++;
  for (let j = 0; j < nCols; j++) colStart[j + 1] += colStart[j];
  const byCol = new Int32Array(nTriplets);
  const next = colStart.slice(0, nCols);
  for (let t = 0; t < nTriplets; t++) {
    const k = byRow[t];
    byCol[next[cols[k]]++] = k;
  }
  // Pass 3: merge duplicates column by column.
  const colPtr = new Int32Array(nCols + 1);
  const rowIdxAll = new Int32Array(nTriplets);
  const valuesAll = new Float64Array(nTriplets);
  const positionOfTriplet = new Int32Array(nTriplets);
  let nz = 0;
  for (let j = 0; j < nCols; j++) {
    colPtr[j] = nz;
    const columnStart = nz;
    for (let t = colStart[j]; t < colStart[j + 1]; t++) {
      const k = byCol[t];
      const i = rows[k];
      if (nz > columnStart && rowIdxAll[nz - 1] === i) {
        valuesAll[nz - 1] += values[k];
        positionOfTriplet[k] = nz - 1;
      } else {
        rowIdxAll[nz] = i;
        valuesAll[nz] = values[k];
        positionOfTriplet[k] = nz;
        nz++;
      }
    }
  }
  colPtr[nCols] = nz;
  const matrix: CscMatrix = {
    nRows,
    nCols,
    colPtr,
    rowIdx: rowIdxAll.slice(0, nz),
    values: valuesAll.slice(0, nz),
  };
  return { matrix, positionOfTriplet };
}

/** Computes y = A x, overwriting y (length nRows); x has length nCols. */
export function multiplyCscVector(a: CscMatrix, x: ArrayLike<number>, y: Float64Array): void {
  if (x.length !== a.nCols || y.length !== a.nRows) {
    throw new RangeError(`multiplyCscVector: ${a.nRows}x${a.nCols} matrix, x[${x.length}], y[${y.length}]`);
  }
  const { colPtr, rowIdx, values } = a;
  y.fill(0);
  for (let j = 0; j < a.nCols; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    const end = colPtr[j + 1];
    for (let p = colPtr[j]; p < end; p++) y[rowIdx[p]] += values[p] * xj;
  }
}

/** Returns A^T in CSC form; rows come out sorted within each column. */
export function transposeCsc(a: CscMatrix): CscMatrix {
  const { nRows, nCols, colPtr, rowIdx, values } = a;
  const nnz = colPtr[nCols];
  const tColPtr = new Int32Array(nRows + 1);
  for (let p = 0; p < nnz; p++) tColPtr[rowIdx[p] + 1]++;
  for (let i = 0; i < nRows; i++) tColPtr[i + 1] += tColPtr[i];
  const next = tColPtr.slice(0, nRows);
  const tRowIdx = new Int32Array(nnz);
  const tValues = new Float64Array(nnz);
  for (let j = 0; j < nCols; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const q = next[rowIdx[p]]++;
      tRowIdx[q] = j;
      tValues[q] = values[p];
    }
  }
  return { nRows: nCols, nCols: nRows, colPtr: tColPtr, rowIdx: tRowIdx, values: tValues };
}

/** The pattern of a square CSC matrix; throws if the matrix is not square. */
export function patternOfCsc(a: CscMatrix): CscPattern {
  if (a.nRows !== a.nCols) throw new RangeError(`pattern of a non-square ${a.nRows}x${a.nCols} matrix`);
  return { n: a.nCols, colPtr: a.colPtr, rowIdx: a.rowIdx };
}

/**
 * Checks that a square pattern is well formed: pointer lengths, monotone pointers, row indices in range
 * and no row twice in a column (rows need not be sorted). Throws a RangeError naming the first problem.
 * O(n + nnz).
 */
export function assertValidPattern(pattern: CscPattern): void {
  const { n, colPtr, rowIdx } = pattern;
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`invalid order ${n}`);
  if (colPtr.length !== n + 1) throw new RangeError(`colPtr has length ${colPtr.length}, expected ${n + 1}`);
  if (colPtr[0] !== 0) throw new RangeError(`colPtr[0] is ${colPtr[0]}, expected 0`);
  for (let j = 0; j < n; j++) {
    if (colPtr[j + 1] < colPtr[j]) throw new RangeError(`colPtr decreases at column ${j}`);
  }
  const nnz = colPtr[n];
  if (rowIdx.length < nnz) throw new RangeError(`rowIdx has length ${rowIdx.length} < nnz ${nnz}`);
  const seenInColumn = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (!(i >= 0 && i < n)) throw new RangeError(`row index ${i} at entry ${p} outside [0, ${n})`);
      if (seenInColumn[i] === j) throw new RangeError(`row ${i} appears twice in column ${j}`);
      seenInColumn[i] = j;
    }
  }
}
