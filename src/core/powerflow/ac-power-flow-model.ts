/** The compiled AC power-flow model and the raw solution of its Newton iterations. */
import type { Grid } from '../grid/index.ts';
import type { AdmittanceMatrix } from './admittance-matrix.ts';
import type { BranchAdmittances } from './branch-admittance.ts';
import type { PowerFlowNetwork } from './compile-network.ts';
import type { AcNewtonSolver } from './newton-raphson.ts';
import type { PowerFlowStatus } from './power-flow-result.ts';
import type { QLimitState } from './q-limit-switching.ts';

export interface CompiledAcPowerFlow {
  readonly grid: Grid;
  readonly net: PowerFlowNetwork;
  readonly branchY: BranchAdmittances;
  readonly ybus: AdmittanceMatrix;
  readonly solver: AcNewtonSolver;
}

export interface AcSolution extends QLimitState {
  readonly status: PowerFlowStatus;
  readonly iterations: number;
  readonly maxMismatchPu: number;
  readonly vm: Float64Array;
  readonly vaRad: Float64Array;
}
