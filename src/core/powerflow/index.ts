/** Power flow: compile a grid to arrays, solve AC (Newton-Raphson) or DC, and return results. */
export type { AcPowerFlowOptions } from './ac-power-flow.ts';
export { compileAcPowerFlow, runAcPowerFlow, solveAcPowerFlow } from './ac-power-flow.ts';
export type { AcSolution, CompiledAcPowerFlow } from './ac-power-flow-model.ts';
export type { AdmittanceMatrix } from './admittance-matrix.ts';
export { buildAdmittanceMatrix } from './admittance-matrix.ts';
export type { BranchAdmittances } from './branch-admittance.ts';
export { computeBranchAdmittances } from './branch-admittance.ts';
export type { BusKind } from './bus-kind.ts';
export { BUS_KIND, busKindName } from './bus-kind.ts';
export { checkPowerFlowInput } from './check-power-flow-input.ts';
export type { PowerFlowNetwork } from './compile-network.ts';
export { compileNetwork } from './compile-network.ts';
export type { CompiledDcPowerFlow } from './dc-power-flow.ts';
export {
  compileDcPowerFlow,
  computeDcBranchParameters,
  runDcPowerFlow,
  scheduleDcInjections,
  solveDcPowerFlow,
  summarizeDcPowerFlow,
} from './dc-power-flow.ts';
export type { NewtonOptions, NewtonStatus } from './newton-raphson.ts';
export type {
  BranchResults,
  BusResults,
  GeneratorResults,
  PowerFlowResult,
  PowerFlowStatus,
} from './power-flow-result.ts';
export { summarizeAcPowerFlow } from './summarize-ac-power-flow.ts';
