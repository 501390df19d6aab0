/**
 * The optimal-power-flow use case: read a grid file's text and solve the AC OPF, or the DC OPF (with
 * marginal losses on request), on the given LP/QP solver, timing each stage.
 */
import type { Grid } from '../../core/grid/index.ts';
import {
  type AcOpfResult,
  type DcOpfResult,
  type LossAwareDcOpfResult,
  runAcOpf,
  runDcOpf,
  runLossAwareDcOpf,
} from '../../core/opf/index.ts';
import type { LpSolver } from '../../core/optimize/index.ts';
import type { Clock } from '../ports.ts';
import { loadGrid } from '../run-power-flow/index.ts';

export interface OpfRequest {
  readonly text: string;
  readonly fileName: string;
  readonly model: 'ac' | 'dc';
  /** DC only: marginal losses from the AC power flow, iterated, and prices split in three. */
  readonly losses?: boolean;
}

export type OpfSolution =
  | { readonly model: 'dc'; readonly result: DcOpfResult }
  | { readonly model: 'dc-losses'; readonly result: LossAwareDcOpfResult }
  | { readonly model: 'ac'; readonly result: AcOpfResult };

export type OpfOutcome =
  | {
      readonly ok: true;
      readonly grid: Grid;
      readonly solution: OpfSolution;
      readonly warnings: readonly string[];
      readonly timingMs: { readonly parse: number; readonly solve: number };
    }
  | { readonly ok: false; readonly errors: readonly string[] };

export function runOpf(request: OpfRequest, solver: LpSolver, clock: Clock): OpfOutcome {
  const t0 = clock.nowMs();
  const loaded = loadGrid(request.text, request.fileName);
  if (!loaded.ok) return loaded;
  const t1 = clock.nowMs();
  const solution: OpfSolution =
    request.model === 'ac'
      ? { model: 'ac', result: runAcOpf(loaded.grid) }
      : request.losses
        ? { model: 'dc-losses', result: runLossAwareDcOpf(loaded.grid, solver) }
        : { model: 'dc', result: runDcOpf(loaded.grid, solver, () => clock.nowMs()) };
  const t2 = clock.nowMs();
  return {
    ok: true,
    grid: loaded.grid,
    solution,
    warnings: loaded.warnings,
    timingMs: { parse: t1 - t0, solve: t2 - t1 },
  };
}
