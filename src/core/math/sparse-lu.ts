/**
 * Sparse LU solver P A Q = L U for square matrices of one fixed pattern with changing values (the
 * Newton-Raphson power-flow Jacobian, DC power-flow B matrices): AMD column order; for a structurally
 * symmetric pattern with a full diagonal, the symbolic factorisation for diagonal pivots up front, else a
 * full Gilbert-Peierls factorisation with threshold pivoting the first time; then fast numeric
 * refactorisations that fall back to a full factorisation when a stored pivot becomes unusable.
 */

import { computeAmdOrdering } from './amd-ordering.ts';
import { assertValidPattern, type CscPattern } from './csc-matrix.ts';
import { createLuFactors, createLuWorkspace, type LuFactors, type LuWorkspace } from './sparse-lu-factors.ts';
import { factorLuFull } from './sparse-lu-full.ts';
import { refactorLu } from './sparse-lu-refactor.ts';
import { analyseSymmetricLu, hasSymmetricPatternWithDiagonal } from './sparse-lu-symbolic.ts';
import { solveWithLu } from './sparse-triangular-solve.ts';

export interface SparseLuOptions {
  /** Full factorisation: keep the diagonal pivot if |a_jj| >= tol * max |candidate| (KLU default 0.001). */
  readonly pivotTolerance?: number;
  /**
   * Refactorisation: fall back to a full factorisation if a stored pivot has |pivot| < tol * max |candidate|.
   * Default: `pivotTolerance`, so refactored factors keep the growth bound of the full factorisation
   * (|L| <= 1/tol). A smaller value (e.g. 1e-8) trades accuracy for fewer fallbacks.
   */
  readonly refactorPivotTolerance?: number;
  /** Column order: approximate minimum degree on A + A^T (default) or the natural order. */
  readonly ordering?: 'amd' | 'natural';
  /**
   * A column order chosen by the caller (columnOrder[k] = column placed k-th), for example AMD on a
   * smaller graph whose vertices own several columns. Overrides `ordering`.
   */
  readonly columnOrder?: Int32Array;
}

/**
 * How `factor` got its factors: a full factorisation with pivot search ('full'), a numeric factorisation
 * on a stored pivot sequence and pattern ('refactor': those of the last full factorisation, or of the
 * symbolic analysis of a structurally symmetric pattern, then also for the first call), or a refactor
 * abandoned for a full factorisation ('fallback').
 */
export type LuMethod = 'full' | 'refactor' | 'fallback';

/**
 * Result of `factor`. 'singular' carries the original column index where no usable pivot was found:
 * every candidate exactly zero (as in KLU, no relative threshold), or non-finite values (NaN, Infinity).
 */
export type LuStatus =
  | { readonly status: 'ok'; readonly method: LuMethod }
  | { readonly status: 'singular'; readonly column: number };

export interface SparseLuStats {
  readonly n: number;
  /** Entries of L including its unit diagonal. */
  readonly nnzL: number;
  /** Entries of U including its diagonal. */
  readonly nnzU: number;
  /**
   * Symbolic analyses for diagonal pivots of a structurally symmetric pattern with a full diagonal: one in
   * the constructor, and one more after each failed (singular) factorisation, so the next call starts
   * again from diagonal pivots. Zero for other patterns.
   */
  readonly symbolicAnalyses: number;
  /** Full factorisations run, including those after a fallback. */
  readonly fullFactorizations: number;
  /** Successful numeric-only (re)factorisations, including first ones on a symbolic analysis. */
  readonly refactorizations: number;
  /** Refactorisations abandoned for a full factorisation. */
  readonly fallbacks: number;
  /** Pivots taken off the diagonal in the last full factorisation. */
  readonly offDiagonalPivots: number;
}

const OK_FULL: LuStatus = Object.freeze({ status: 'ok', method: 'full' });
const OK_REFACTOR: LuStatus = Object.freeze({ status: 'ok', method: 'refactor' });
const OK_FALLBACK: LuStatus = Object.freeze({ status: 'ok', method: 'fallback' });

export class SparseLu {
  readonly n: number;
  private readonly pattern: CscPattern;
  private readonly pivotTolerance: number;
  private readonly refactorPivotTolerance: number;
  private readonly factors: LuFactors;
  private readonly workspace: LuWorkspace;
  /** True when `factors` holds a complete factorisation (valid pattern, pivots and values). */
  private factored = false;
  /** True when the pattern and pivot sequence in `factors` may be reused by a refactorisation. */
  private hasSymbolic = false;
  /** True while the pivot sequence comes from the symbolic analysis and no factorisation used it yet. */
  private untested = false;
  /** The pattern is structurally symmetric with a full diagonal: diagonal pivots can be analysed up front. */
  private readonly symmetric: boolean;
  private symbolicCount = 0;
  private fullCount = 0;
  private refactorCount = 0;
  private fallbackCount = 0;
  private offDiagonalCount = 0;

  /** Analyses the pattern (copied) and computes the column order. Throws on a malformed pattern. */
  constructor(pattern: CscPattern, options: SparseLuOptions = {}) {
    assertValidPattern(pattern);
    const n = pattern.n;
    const nnz = pattern.colPtr[n];
    this.n = n;
    this.pattern = { n, colPtr: pattern.colPtr.slice(), rowIdx: pattern.rowIdx.slice(0, nnz) };
    this.pivotTolerance = options.pivotTolerance ?? 0.001;
    this.refactorPivotTolerance = options.refactorPivotTolerance ?? this.pivotTolerance;
    if (!(this.pivotTolerance >= 0 && this.pivotTolerance <= 1)) {
      throw new RangeError(`pivotTolerance ${this.pivotTolerance} outside [0, 1]`);
    }
    if (!(this.refactorPivotTolerance >= 0 && this.refactorPivotTolerance <= 1)) {
      throw new RangeError(`refactorPivotTolerance ${this.refactorPivotTolerance} outside [0, 1]`);
    }
    const colOrder =
      options.columnOrder !== undefined
        ? checkedOrder(options.columnOrder, n)
        : options.ordering === 'natural'
          ? naturalOrder(n)
          : computeAmdOrdering(this.pattern);
    this.symmetric = hasSymmetricPatternWithDiagonal(this.pattern);
    // The symbolic analysis sizes L and U exactly; nnz(A) is a first guess for its growing U.
    this.factors = createLuFactors(n, nnz, colOrder, this.symmetric ? Math.max(16, nnz) : undefined);
    this.workspace = createLuWorkspace(n);
    if (this.symmetric) this.analyse();
  }

  /**
   * Factors the matrix with these values (one per entry of the pattern, in its order). With a stored
   * pivot sequence (from the symbolic analysis of a structurally symmetric pattern, or from the last full
   * factorisation) it refactors numerically and falls back to a full factorisation (method 'fallback') if
   * a stored pivot is not acceptable; without one (other patterns: the first call and any call after a
   * failure; any pattern: the call after `resetPivoting`) it runs a full factorisation. A pivot from the
   * symbolic analysis is tested against `pivotTolerance` the first time, so it is kept exactly when the
   * full factorisation would have kept it; later refactorisations test against `refactorPivotTolerance`.
   */
  factor(values: Float64Array): LuStatus {
    const nnz = this.pattern.colPtr[this.n];
    if (values.length !== nnz) throw new RangeError(`factor: ${values.length} values for ${nnz} entries`);
    if (this.hasSymbolic) {
      const tol = this.untested ? this.pivotTolerance : this.refactorPivotTolerance;
      this.untested = false;
      const failed = refactorLu(this.pattern, values, tol, this.factors, this.workspace);
      if (failed < 0) {
        this.refactorCount++;
        this.factored = true;
        return OK_REFACTOR;
      }
      this.fallbackCount++;
      return this.factorFull(values, OK_FALLBACK);
    }
    return this.factorFull(values, OK_FULL);
  }

  /** Forgets the pivot sequence, so that the next `factor` runs a full factorisation with pivoting. */
  resetPivoting(): void {
    this.hasSymbolic = false;
    this.untested = false;
  }

  /** Overwrites `rhs` with the solution x of A x = rhs for the last successfully factored A. */
  solve(rhs: Float64Array): void {
    if (rhs.length !== this.n) throw new RangeError(`solve: rhs of length ${rhs.length}, expected ${this.n}`);
    if (!this.factored) throw new Error('solve: no successful factorisation');
    solveWithLu(this.factors, rhs, this.workspace.y);
  }

  get stats(): SparseLuStats {
    const f = this.factors;
    const ready = this.hasSymbolic;
    return {
      n: this.n,
      nnzL: ready ? f.lColPtr[this.n] + this.n : 0,
      nnzU: ready ? f.uColPtr[this.n] + this.n : 0,
      symbolicAnalyses: this.symbolicCount,
      fullFactorizations: this.fullCount,
      refactorizations: this.refactorCount,
      fallbacks: this.fallbackCount,
      offDiagonalPivots: this.offDiagonalCount,
    };
  }

  private factorFull(values: Float64Array, ok: LuStatus): LuStatus {
    this.fullCount++;
    const result = factorLuFull(this.pattern, values, this.pivotTolerance, this.factors, this.workspace);
    this.offDiagonalCount = result.offDiagonalPivots;
    if (result.failedStep >= 0) {
      this.factored = false;
      this.hasSymbolic = false;
      const column = this.factors.colOrder[result.failedStep];
      if (this.symmetric) this.analyse(); // the next call starts again from diagonal pivots
      return { status: 'singular', column };
    }
    this.factored = true;
    this.hasSymbolic = true;
    return ok;
  }

  private analyse(): void {
    analyseSymmetricLu(this.pattern, this.factors, this.workspace);
    this.symbolicCount++;
    this.hasSymbolic = true;
    this.untested = true;
  }
}

function naturalOrder(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  return order;
}

function checkedOrder(order: Int32Array, n: number): Int32Array {
  if (order.length !== n) throw new RangeError(`columnOrder of length ${order.length}, expected ${n}`);
  const seen = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const c = order[k];
    if (!(c >= 0 && c < n) || seen[c]) throw new RangeError(`columnOrder is not a permutation (at ${k})`);
    seen[c] = 1;
  }
  return order.slice();
}
