/**
 * A linear or convex quadratic program in the form HiGHS and most solvers take, and the port a
 * solver implements (PyPSA's lesson: the model is formulated apart from the solver):
 *
 *   minimise  offset + c'x + 1/2 x'Qx   subject to  rowLower <= A x <= rowUpper,  colLower <= x <= colUpper
 *
 * A is stored by rows (CSR); Q, when present, is diagonal plus optional lower-triangle entries.
 * Infinite bounds are +-Infinity. Duals follow the sensitivity convention: rowDual[i] is the change
 * of the optimal objective per unit increase of row i's active bound (a price).
 */

export interface LinearProgram {
  readonly numCols: number;
  readonly numRows: number;
  readonly offset: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** A by rows: row i's entries are indices/values[rowStarts[i] .. rowStarts[i + 1]). */
  readonly rowStarts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** Q as lower-triangle triplets (col >= row not required: i >= j), or absent for an LP. */
  readonly quadratic?: {
    readonly rows: Int32Array;
    readonly cols: Int32Array;
    readonly values: Float64Array;
  };
  /** Optional names for messages (a row's name says which constraint it is). */
  readonly colNames?: readonly string[];
  readonly rowNames?: readonly string[];
}

export type LpStatus =
  | 'optimal'
  | 'infeasible'
  | 'unbounded'
  | 'infeasible-or-unbounded'
  | 'time-limit'
  | 'iteration-limit'
  | 'error';

/**
 * A simplex basis: per column and row, 0 at lower bound, 1 basic, 2 at upper bound, 3 free at zero,
 * 4 nonbasic. Passing the basis of a similar earlier program as the start saves most iterations.
 */
export interface LpBasis {
  readonly colStatus: Int32Array;
  readonly rowStatus: Int32Array;
}

export interface LpResult {
  readonly status: LpStatus;
  /** Objective value including the offset (NaN unless optimal). */
  readonly objective: number;
  readonly x: Float64Array;
  readonly rowValue: Float64Array;
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
  /** Solver time, ms. */
  readonly solveMs: number;
  readonly message?: string;
  /** The final basis of an LP solved by the simplex method (absent otherwise). */
  readonly basis?: LpBasis;
}

export interface LpSolveOptions {
  readonly timeLimitS?: number;
  /**
   * Start from this basis (of an earlier program with the same columns; rows added since are taken
   * as basic). Ignored when the sizes do not fit.
   */
  readonly startBasis?: LpBasis;
}

/** The solver port: a synchronous solve of one program. */
export interface LpSolver {
  readonly name: string;
  solve(program: LinearProgram, options?: LpSolveOptions): LpResult;
}
