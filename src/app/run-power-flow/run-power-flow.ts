/**
 * The power-flow use case: read a grid file's text, compile, solve (AC Newton-Raphson or DC) and
 * summarise, timing each stage with the given clock.
 */
import { formatGridIssue, type Grid } from '../../core/grid/index.ts';
import {
  checkPowerFlowInput,
  compileAcPowerFlow,
  compileDcPowerFlow,
  type PowerFlowResult,
  solveAcPowerFlow,
  solveDcPowerFlow,
  summarizeAcPowerFlow,
  summarizeDcPowerFlow,
} from '../../core/powerflow/index.ts';
import type { Clock } from '../ports.ts';
import { loadGrid } from './load-grid.ts';

export interface PowerFlowRequest {
  readonly text: string;
  readonly fileName: string;
  readonly model: 'ac' | 'dc';
  readonly enforceQLimits?: boolean;
  readonly start?: 'case' | 'flat';
}

export interface PowerFlowTimingMs {
  /** Reading the file's text into a validated grid. */
  readonly parse: number;
  /** Grid to arrays, Ybus, Jacobian structure and ordering (DC: the B matrix, factored). */
  readonly compile: number;
  /** The Newton iterations alone (AC), or the substitution with the factored B (DC). */
  readonly solve: number;
  /** Flows, losses and generator outputs. */
  readonly results: number;
}

export type PowerFlowOutcome =
  | {
      readonly ok: true;
      readonly grid: Grid;
      readonly result: PowerFlowResult;
      readonly warnings: readonly string[];
      readonly timingMs: PowerFlowTimingMs;
    }
  | { readonly ok: false; readonly errors: readonly string[] };

export function runPowerFlow(request: PowerFlowRequest, clock: Clock): PowerFlowOutcome {
  const t0 = clock.nowMs();
  const loaded = loadGrid(request.text, request.fileName);
  if (!loaded.ok) return loaded;
  const t1 = clock.nowMs();
  if (request.model === 'dc') {
    const model = compileDcPowerFlow(loaded.grid);
    const t2 = clock.nowMs();
    const issues = checkPowerFlowInput(model.net);
    if (issues.length > 0)
      return { ok: false, errors: issues.map((i) => `${request.fileName}: ${formatGridIssue(i)}`) };
    const solution = solveDcPowerFlow(model);
    const t3 = clock.nowMs();
    const result = summarizeDcPowerFlow(model, solution);
    const t4 = clock.nowMs();
    return {
      ok: true,
      grid: loaded.grid,
      result,
      warnings: loaded.warnings,
      timingMs: { parse: t1 - t0, compile: t2 - t1, solve: t3 - t2, results: t4 - t3 },
    };
  }
  const model = compileAcPowerFlow(loaded.grid);
  const t2 = clock.nowMs();
  const issues = checkPowerFlowInput(model.net);
  if (issues.length > 0)
    return { ok: false, errors: issues.map((i) => `${request.fileName}: ${formatGridIssue(i)}`) };
  const solution = solveAcPowerFlow(model, { enforceQLimits: request.enforceQLimits, start: request.start });
  const t3 = clock.nowMs();
  const result = summarizeAcPowerFlow(model, solution);
  const t4 = clock.nowMs();
  return {
    ok: true,
    grid: loaded.grid,
    result,
    warnings: loaded.warnings,
    timingMs: { parse: t1 - t0, compile: t2 - t1, solve: t3 - t2, results: t4 - t3 },
  };
}
