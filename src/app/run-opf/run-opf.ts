/**
 * The optimal-power-flow use case: read a grid file's text, build and solve the DC OPF on the
 * given LP/QP solver, timing each stage. AC OPF is not built yet: asking for it is refused in one
 * line rather than answered with something else.
 */
import type { Grid } from '../../core/grid/index.ts';
import {
  type DcOpfResult,
  type LossAwareDcOpfResult,
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

export type OpfOutcome =
  | {
      readonly ok: true;
      readonly grid: Grid;
      readonly result: DcOpfResult;
      /** The loss-aware solution when asked for (its prices replace the lossless ones in output). */
      readonly lossAware?: LossAwareDcOpfResult;
      readonly warnings: readonly string[];
      readonly timingMs: { readonly parse: number; readonly build: number; readonly solve: number };
    }
  | { readonly ok: false; readonly errors: readonly string[] };

export function runOpf(request: OpfRequest, solver: LpSolver, clock: Clock): OpfOutcome {
  if (request.model === 'ac') {
    return {
      ok: false,
      errors: [`${request.fileName}: AC OPF is not implemented yet; --dc solves the DC OPF`],
    };
  }
  const t0 = clock.nowMs();
  const loaded = loadGrid(request.text, request.fileName);
  if (!loaded.ok) return loaded;
  const t1 = clock.nowMs();
  const result = runDcOpf(loaded.grid, solver, () => clock.nowMs());
  const lossAware = request.losses ? runLossAwareDcOpf(loaded.grid, solver) : undefined;
  return {
    ok: true,
    grid: loaded.grid,
    result,
    ...(lossAware ? { lossAware } : {}),
    warnings: loaded.warnings,
    timingMs: { parse: t1 - t0, build: result.timings.buildMs, solve: result.timings.solveMs },
  };
}
