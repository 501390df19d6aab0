/**
 * The optimal-power-flow use case: read a grid file's text, build and solve the DC OPF on the
 * given LP/QP solver, timing each stage. AC OPF is not built yet: asking for it is refused in one
 * line rather than answered with something else.
 */
import type { Grid } from '../../core/grid/index.ts';
import { type DcOpfResult, runDcOpf } from '../../core/opf/index.ts';
import type { LpSolver } from '../../core/optimize/index.ts';
import type { Clock } from '../ports.ts';
import { loadGrid } from '../run-power-flow/index.ts';

export interface OpfRequest {
  readonly text: string;
  readonly fileName: string;
  readonly model: 'ac' | 'dc';
}

export type OpfOutcome =
  | {
      readonly ok: true;
      readonly grid: Grid;
      readonly result: DcOpfResult;
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
  return {
    ok: true,
    grid: loaded.grid,
    result,
    warnings: loaded.warnings,
    timingMs: { parse: t1 - t0, build: result.timings.buildMs, solve: result.timings.solveMs },
  };
}
