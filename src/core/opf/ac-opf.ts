/**
 * AC optimal power flow by a primal-dual interior-point method on the full AC equations (the
 * formulation of `ac-opf-problem.ts`, the method of `interior-point.ts`, both after MATPOWER's MIPS):
 * voltages, reactive limits, branch |S| ratings at both ends and angle limits are all enforced, and
 * the multipliers of the bus balances are the locational prices (LMP = lambda_P / base, cost per MWh).
 * The worst violation at the final point is measured on the returned voltages: bus mismatch, voltage
 * bounds, branch ratings.
 */
import type { Grid } from '../grid/index.ts';
import { buildAdmittanceMatrix, compileNetwork, computeBranchAdmittances } from '../powerflow/index.ts';
import { allEndFlows, type BranchFlowContext, worstRatingExcess } from './ac-branch-flows.ts';
import { buildAcOpfProblem } from './ac-opf-problem.ts';
import { findSupplyShortfalls } from './find-supply-shortfalls.ts';
import { createNlpPoint, solveInteriorPoint } from './interior-point.ts';

export interface AcOpfOptions {
  /** Interior-point iterations (default 150, as MIPS). */
  readonly maxIterations?: number;
}

export interface AcOpfResult {
  readonly status: 'optimal' | 'not-converged' | 'infeasible' | 'invalid' | 'error';
  readonly message?: string;
  readonly iterations: number;
  readonly objective: number;
  readonly vmPu: Float64Array;
  readonly vaDeg: Float64Array;
  readonly pgMw: Float64Array;
  readonly qgMvar: Float64Array;
  readonly lmp: Float64Array;
  /** Per grid bus: dual of the reactive balance, cost per MVArh. */
  readonly lamQ: Float64Array;
  /** Per grid branch: flows into the branch at each end, MW and MVAr (0 when out of service). */
  readonly branchFlows: {
    readonly pf: Float64Array;
    readonly qf: Float64Array;
    readonly pt: Float64Array;
    readonly qt: Float64Array;
  };
  /** Worst violation at the final point: bus mismatch (MVA), voltage bounds (p.u.), branch ratings (MVA). */
  readonly worstViolation: {
    readonly mismatchMva: number;
    readonly voltagePu: number;
    readonly flowMva: number;
  };
}

export function runAcOpf(grid: Grid, options: AcOpfOptions = {}): AcOpfResult {
  const net = compileNetwork(grid);
  const base = net.baseMva;
  const n = net.nBus;
  const ya = computeBranchAdmittances(grid);
  const Y = buildAdmittanceMatrix(net, ya);
  const problem = buildAcOpfProblem(grid, net, Y, ya);
  const nanBuses = () => new Float64Array(grid.buses.length).fill(Number.NaN);
  if ('error' in problem) {
    return {
      status: 'invalid',
      message: problem.error,
      iterations: 0,
      objective: Number.NaN,
      vmPu: nanBuses(),
      vaDeg: nanBuses(),
      pgMw: new Float64Array(grid.generators.length),
      qgMvar: new Float64Array(grid.generators.length),
      lmp: nanBuses(),
      lamQ: nanBuses(),
      branchFlows: allEndFlows({
        grid,
        net,
        admittances: ya,
        base,
        vm: new Float64Array(n),
        va: new Float64Array(n),
      }),
      worstViolation: { mismatchMva: Number.NaN, voltagePu: Number.NaN, flowMva: Number.NaN },
    };
  }
  const solved = solveInteriorPoint(problem, {
    maxIterations: options.maxIterations ?? 150,
    costScale: 1e-4,
  });
  const x = solved.x;
  const vm = new Float64Array(n);
  const va = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (problem.thVar[i] < 0) continue;
    vm[i] = x[problem.vmVar[i]];
    va[i] = x[problem.thVar[i]];
  }
  const byBus = (values: (i: number) => number) =>
    Float64Array.from(grid.buses, (_, gb) => {
      const i = net.busOfGridBus[gb];
      return i >= 0 && problem.thVar[i] >= 0 ? values(i) : Number.NaN;
    });
  // worst violations at the returned point
  const point = createNlpPoint(problem);
  problem.evaluate(x, point);
  let mismatch = 0;
  for (const v of point.g) mismatch = Math.max(mismatch, Math.abs(v) * base);
  let voltage = 0;
  for (let i = 0; i < n; i++) {
    const j = problem.vmVar[i];
    if (j >= 0) voltage = Math.max(voltage, problem.xMin[j] - x[j], x[j] - problem.xMax[j]);
  }
  const flows: BranchFlowContext = { grid, net, admittances: ya, base, vm, va };
  const converged = solved.status === 'converged';
  const shortfalls = converged
    ? []
    : findSupplyShortfalls(
        grid,
        net,
        Float64Array.from(net.pFixedPu, (v) => -v * base),
      );
  const how =
    solved.status === 'max-iterations'
      ? `no convergence in ${solved.iterations} interior-point iterations`
      : `the interior-point method failed numerically at iteration ${solved.iterations}`;
  const message =
    shortfalls.length > 0
      ? `AC OPF infeasible: ${shortfalls.join('; ')}`
      : `AC OPF: ${how}; the voltage, reactive and branch limits may leave no feasible operating point`;
  return {
    status: converged ? 'optimal' : shortfalls.length > 0 ? 'infeasible' : 'not-converged',
    ...(converged ? {} : { message }),
    iterations: solved.iterations,
    objective: solved.f,
    vmPu: byBus((i) => vm[i]),
    vaDeg: byBus((i) => (va[i] * 180) / Math.PI),
    pgMw: Float64Array.from(grid.generators, (_, g) =>
      problem.pgVar[g] >= 0 ? x[problem.pgVar[g]] * base : 0,
    ),
    qgMvar: Float64Array.from(grid.generators, (_, g) =>
      problem.qgVar[g] >= 0 ? x[problem.qgVar[g]] * base : 0,
    ),
    lmp: byBus((i) => solved.lam[problem.pRow[i]] / base),
    lamQ: byBus((i) => solved.lam[problem.qRow[i]] / base),
    branchFlows: allEndFlows(flows),
    worstViolation: {
      mismatchMva: mismatch,
      voltagePu: Math.max(0, voltage),
      flowMva: worstRatingExcess(flows),
    },
  };
}
