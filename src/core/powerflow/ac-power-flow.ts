/**
 * The AC power flow in three stages, so that callers can time and reuse them:
 * `compileAcPowerFlow` (grid to arrays, Ybus, Jacobian structure), `solveAcPowerFlow` (Newton
 * iterations, optional reactive-limit switching) and `summarizeAcPowerFlow` (flows, losses,
 * generator outputs). `runAcPowerFlow` does all three.
 */
import type { Grid } from '../grid/index.ts';
import type { AcSolution, CompiledAcPowerFlow } from './ac-power-flow-model.ts';
import { buildAdmittanceMatrix } from './admittance-matrix.ts';
import { computeBranchAdmittances } from './branch-admittance.ts';
import { DEAD, PQ, REF } from './bus-kind.ts';
import { compileNetwork } from './compile-network.ts';
import { dispatchGenerators, initialGeneratorState, scheduleInjections } from './generator-dispatch.ts';
import { computeBusInjections } from './injections.ts';
import { AcNewtonSolver, type NewtonOptions } from './newton-raphson.ts';
import type { PowerFlowResult, PowerFlowStatus } from './power-flow-result.ts';
import { type QLimitState, switchViolatingGenerators } from './q-limit-switching.ts';
import { summarizeAcPowerFlow } from './summarize-ac-power-flow.ts';

export interface AcPowerFlowOptions extends NewtonOptions {
  /** Switch generators that exceed their reactive limits to PQ and solve again. */
  readonly enforceQLimits?: boolean;
  /** `case`: voltages stored in the grid (MATPOWER's default); `flat`: |V| = 1, angles 0. */
  readonly start?: 'case' | 'flat';
}

/** Compiles a validated grid for AC power flow. */
export function compileAcPowerFlow(grid: Grid): CompiledAcPowerFlow {
  const net = compileNetwork(grid);
  const branchY = computeBranchAdmittances(grid);
  const ybus = buildAdmittanceMatrix(net, branchY);
  return { grid, net, branchY, ybus, solver: new AcNewtonSolver(ybus, net.kind) };
}

/** Runs the Newton iterations (and reactive-limit switching when asked). */
export function solveAcPowerFlow(model: CompiledAcPowerFlow, options: AcPowerFlowOptions = {}): AcSolution {
  const { net, ybus } = model;
  const vm = Float64Array.from(net.vmStart);
  const vaRad = Float64Array.from(net.vaStartRad);
  if (options.start === 'flat') {
    for (let b = 0; b < net.nBus; b++) {
      if (net.kind[b] === PQ || net.kind[b] === DEAD) vm[b] = net.kind[b] === DEAD ? 0 : 1;
      if (net.kind[b] !== REF) vaRad[b] = 0;
    }
  }
  for (let b = 0; b < net.nBus; b++) {
    if (net.kind[b] === DEAD) {
      vm[b] = 0;
      vaRad[b] = 0;
    }
  }
  const state: QLimitState = {
    kind: Uint8Array.from(net.kind),
    gens: initialGeneratorState(model.grid, net),
    pFixedPu: Float64Array.from(net.pFixedPu),
    qFixedPu: Float64Array.from(net.qFixedPu),
    limited: [],
    limitedBus: [],
  };
  const refAngle = firstRefAngle(state.kind, vaRad);
  let solver = model.solver;
  let iterations = 0;
  for (;;) {
    const { pSchedPu, qSchedPu } = scheduleInjections(
      net.baseMva,
      state.pFixedPu,
      state.qFixedPu,
      state.gens,
    );
    const outcome = solver.solve(pSchedPu, qSchedPu, vm, vaRad, options);
    iterations += outcome.iterations;
    const done = (status: PowerFlowStatus) => ({
      ...state,
      status,
      iterations,
      maxMismatchPu: outcome.maxMismatchPu,
      vm,
      vaRad,
    });
    if (outcome.status !== 'converged') return done(outcome.status);
    const s = computeBusInjections(ybus, vm, vaRad);
    const dispatched = dispatchGenerators(
      net,
      state.kind,
      state.gens,
      state.pFixedPu,
      state.qFixedPu,
      s.re,
      s.im,
    );
    state.gens.pMw.set(dispatched.pMw);
    state.gens.qMvar.set(dispatched.qMvar);
    if (!options.enforceQLimits) return done('converged');
    const switched = switchViolatingGenerators(state, net.baseMva, net.islandOfBus);
    if (switched === 'none') {
      restoreReferenceAngle(refAngle, state.kind, vaRad);
      return done('converged');
    }
    if (switched === 'infeasible') return done('q-limits-infeasible');
    solver = new AcNewtonSolver(ybus, state.kind);
  }
}

/** Compiles, solves and summarises in one call. */
export function runAcPowerFlow(grid: Grid, options: AcPowerFlowOptions = {}): PowerFlowResult {
  const model = compileAcPowerFlow(grid);
  return summarizeAcPowerFlow(model, solveAcPowerFlow(model, options));
}

function firstRefAngle(kind: Uint8Array, vaRad: Float64Array): { bus: number; angle: number } {
  const bus = kind.indexOf(REF);
  return { bus, angle: bus >= 0 ? vaRad[bus] : 0 };
}

/** After a reference change, shifts angles so the original reference keeps its angle (as MATPOWER). */
function restoreReferenceAngle(
  ref: { bus: number; angle: number },
  kind: Uint8Array,
  vaRad: Float64Array,
): void {
  if (ref.bus < 0 || kind[ref.bus] === REF) return;
  const shift = ref.angle - vaRad[ref.bus];
  for (let b = 0; b < vaRad.length; b++) if (kind[b] !== DEAD) vaRad[b] += shift;
}
