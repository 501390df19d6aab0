/** Use case: optimal power flow of a grid file (DC for now) on an LP/QP solver. */
export type { OpfOutcome, OpfRequest, OpfSolution } from './run-opf.ts';
export { runOpf } from './run-opf.ts';
