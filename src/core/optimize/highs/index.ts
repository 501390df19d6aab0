/** The HiGHS adapter of the LpSolver port. */
export { createHighsSolver } from './highs-solver.ts';
