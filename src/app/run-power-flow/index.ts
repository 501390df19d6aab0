/** Use case: run a power flow on a grid file (MATPOWER or Kirchhoff JSON). */
export type { GridFormat, LoadGridResult } from './load-grid.ts';
export { detectGridFormat, loadGrid } from './load-grid.ts';
export type { PowerFlowOutcome, PowerFlowRequest, PowerFlowTimingMs } from './run-power-flow.ts';
export { runPowerFlow } from './run-power-flow.ts';
