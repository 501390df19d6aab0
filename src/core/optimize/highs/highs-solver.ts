/**
 * The LpSolver port on HiGHS (npm `highs`, WebAssembly), the only importer of it: the program is
 * passed as arrays (CSR matrix, lower-triangle CSC Hessian) to a persistent model, solved, read
 * back and disposed. Loading the WebAssembly module is asynchronous, once; solves are synchronous.
 * Quadratic programs are solved with a scaled objective (see objectiveScale).
 */

import type { Highs, ModelStatusCode } from 'highs';
import * as highsPackage from 'highs';
import { checkProgram } from '../check-program.ts';
import type {
  LinearProgram,
  LpBasis,
  LpResult,
  LpSolveOptions,
  LpSolver,
  LpStatus,
} from '../linear-program.ts';

function statusOf(code: ModelStatusCode): LpStatus {
  switch (code) {
    case 7:
      return 'optimal';
    case 8:
      return 'infeasible';
    case 9:
      return 'infeasible-or-unbounded';
    case 10:
      return 'unbounded';
    case 13:
      return 'time-limit';
    case 14:
      return 'iteration-limit';
    default:
      return 'error';
  }
}

/** Q triplets (i >= j) to the lower-triangle compressed columns HiGHS takes, duplicates summed. */
function hessianOf(program: LinearProgram) {
  const q = program.quadratic;
  if (q === undefined) return undefined;
  const n = program.numCols;
  const order = Array.from({ length: q.values.length }, (_, k) => k).sort(
    (a, b) => q.cols[a] - q.cols[b] || q.rows[a] - q.rows[b],
  );
  const starts = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (const k of order) {
    const last = indices.length - 1;
    if (last >= 0 && indices[last] === q.rows[k] && starts[q.cols[k] + 1] > 0) {
      values[last] += q.values[k];
      continue;
    }
    indices.push(q.rows[k]);
    values.push(q.values[k]);
    starts[q.cols[k] + 1]++;
  }
  for (let j = 0; j < n; j++) starts[j + 1] += starts[j];
  return {
    format: 'triangular' as const,
    dimension: n,
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}

/** The package's loader (its typings describe a CommonJS default, the runtime gives an ES module). */
const loadHighs = (highsPackage as unknown as { default: () => Promise<Highs> }).default;

/**
 * HiGHS's active-set QP solver stops at an absolute tolerance on the reduced gradient of about
 * 2e-4 cost units, which leaves a dispatch 1e-2 MW off on the IEEE 300-bus DC OPF. Multiplying the
 * objective by S (and dividing objective and duals back) tightens it S-fold: S is chosen so that the
 * largest linear cost becomes about 1e6, at most 1e4. Linear programs are passed unscaled.
 */
function objectiveScale(program: LinearProgram): number {
  if (program.quadratic === undefined) return 1;
  let max = 0;
  for (const c of program.colCost) max = Math.max(max, Math.abs(c));
  return Math.min(1e4, Math.max(1, 1e6 / Math.max(max, 1e-12)));
}

/** The result of a solve that did not happen or broke: status `error` with the reason. */
function failedSolve(program: LinearProgram, message: string, solveMs: number): LpResult {
  return {
    status: 'error',
    objective: Number.NaN,
    x: new Float64Array(program.numCols),
    rowValue: new Float64Array(program.numRows),
    rowDual: new Float64Array(program.numRows),
    colDual: new Float64Array(program.numCols),
    solveMs,
    message,
  };
}

function basisOf(basis: { colStatus: Int32Array; rowStatus: Int32Array }): LpBasis {
  return { colStatus: Int32Array.from(basis.colStatus), rowStatus: Int32Array.from(basis.rowStatus) };
}

export async function createHighsSolver(): Promise<LpSolver> {
  const highs: Highs = await loadHighs();
  const inf = highs.infinity;
  const clamp = (a: Float64Array) =>
    a.map((v) => (v === Number.POSITIVE_INFINITY ? inf : v === Number.NEGATIVE_INFINITY ? -inf : v));
  return {
    name: `HiGHS ${highs.version.string ?? ''}`.trim(),
    solve(program: LinearProgram, options?: LpSolveOptions): LpResult {
      const t0 = performance.now();
      const invalid = checkProgram(program);
      if (invalid !== undefined) {
        return failedSolve(program, `invalid program: ${invalid}`, 0);
      }
      const S = objectiveScale(program);
      const model = highs.createModel();
      try {
        model.options.set('output_flag', false);
        if (options?.timeLimitS !== undefined) model.options.set('time_limit', options.timeLimitS);
        model.passModel({
          numCols: program.numCols,
          numRows: program.numRows,
          offset: program.offset * S,
          colCost: program.colCost.map((c) => c * S),
          colLower: clamp(program.colLower),
          colUpper: clamp(program.colUpper),
          rowLower: clamp(program.rowLower),
          rowUpper: clamp(program.rowUpper),
          matrix: {
            format: 'csr',
            numRows: program.numRows,
            numCols: program.numCols,
            starts: program.rowStarts,
            indices: program.indices,
            values: program.values,
          },
        });
        const hessian = hessianOf(program);
        if (hessian !== undefined)
          model.passHessian({ ...hessian, values: hessian.values.map((v) => v * S) });
        const start = options?.startBasis;
        if (
          hessian === undefined &&
          start !== undefined &&
          start.colStatus.length === program.numCols &&
          start.rowStatus.length <= program.numRows
        ) {
          const rowStatus = new Int32Array(program.numRows).fill(1);
          rowStatus.set(start.rowStatus);
          model.setBasis({ colStatus: start.colStatus, rowStatus });
          model.options.set('presolve', 'off'); // presolve would discard the basis (measured: AC OPF case2383wp 16 s -> 14 s)
        }
        const run = model.run();
        const status = statusOf(run.modelStatus);
        const solution = model.getSolution();
        return {
          status,
          objective: status === 'optimal' ? model.getObjectiveValue() / S : Number.NaN,
          x: Float64Array.from(solution.colValue),
          rowValue: Float64Array.from(solution.rowValue),
          rowDual: Float64Array.from(solution.rowDual, (v) => v / S),
          colDual: Float64Array.from(solution.colDual, (v) => v / S),
          solveMs: performance.now() - t0,
          ...(hessian === undefined && status === 'optimal' ? { basis: basisOf(model.getBasis()) } : {}),
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return failedSolve(program, message, performance.now() - t0);
      } finally {
        model.dispose();
      }
    },
  };
}
