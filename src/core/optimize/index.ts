/**
 * Optimisation layer: linear and convex quadratic programs as arrays, a builder that fills them
 * without per-coefficient strings, and the LpSolver port (HiGHS adapter in `highs/`).
 */

export { checkProgram } from './check-program.ts';
export { createHighsSolver } from './highs/index.ts';
export type {
  LinearProgram,
  LpBasis,
  LpResult,
  LpSolveOptions,
  LpSolver,
  LpStatus,
} from './linear-program.ts';
export { ModelBuilder } from './model-builder.ts';
