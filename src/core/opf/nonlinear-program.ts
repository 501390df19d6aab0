/**
 * A smooth nonlinear program as the interior-point method consumes it: bounds, a start, fixed
 * sparsity patterns of the constraint Jacobians and of the Hessian of the Lagrangian (as triplets),
 * and callbacks that fill values for a point.
 */
import type { CscPattern } from '../math/index.ts';

/** Positions of a sparse matrix's entries as triplets; the values live in a separate array of the same order. */
export interface TripletPattern {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
}

/** What one evaluation at x fills in: cost and gradient, constraint values, Jacobian values per triplet. */
export interface NlpPoint {
  f: number;
  readonly gradient: Float64Array;
  readonly g: Float64Array;
  readonly h: Float64Array;
  readonly jacobianEq: Float64Array;
  readonly jacobianIneq: Float64Array;
}

export interface NonlinearProgram {
  readonly nx: number;
  readonly nEq: number;
  readonly nIneq: number;
  readonly x0: Float64Array;
  readonly xMin: Float64Array;
  readonly xMax: Float64Array;
  /** dg/dx: row = equality, col = variable. */
  readonly jacobianEqPattern: TripletPattern;
  /** dh/dx: row = inequality, col = variable. */
  readonly jacobianIneqPattern: TripletPattern;
  /** Hessian of the Lagrangian, both triangles (duplicates are summed). */
  readonly hessianPattern: TripletPattern;
  /**
   * Optional grouping for the KKT column order: AMD on the groups' graph, then each group's variables
   * and equalities together (for the OPF: a bus owns its angle, magnitude, generators and balances),
   * which keeps the fill of the indefinite KKT matrix close to that of the network.
   */
  readonly grouping?: {
    readonly graph: CscPattern;
    readonly groupOfVariable: Int32Array;
    readonly groupOfEquality: Int32Array;
  };
  evaluate(x: Float64Array, out: NlpPoint): void;
  /** Values of  costScale d2f + sum lam_i d2g_i + sum mu_k d2h_k  per Hessian triplet. */
  hessian(x: Float64Array, lam: Float64Array, mu: Float64Array, costScale: number, out: Float64Array): void;
}
