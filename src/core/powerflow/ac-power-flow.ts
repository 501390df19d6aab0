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
  const refs = referenceOfIslands(net.kind, net.islandOfBus, net.nIslands, vaRad);
  if (options.start === 'flat') {
    // |V| = 1 at PQ buses, every angle at its island's reference angle.
    for (let b = 0; b < net.nBus; b++) {
      if (net.kind[b] === PQ) vm[b] = 1;
      const ref = refs.bus[net.islandOfBus[b]];
      if (net.kind[b] !== REF && ref >= 0) vaRad[b] = refs.angle[net.islandOfBus[b]];
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
      restoreReferenceAngles(refs, state.kind, net.islandOfBus, vaRad);
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

interface IslandReferences {
  /** First reference bus of each island (-1 for dead islands) and its starting angle. */
  readonly bus: Int32Array;
  readonly angle: Float64Array;
}

function referenceOfIslands(
  kind: Uint8Array,
  islandOf: Int32Array,
  nIslands: number,
  vaRad: Float64Array,
): IslandReferences {
  const bus = new Int32Array(nIslands).fill(-1);
  const angle = new Float64Array(nIslands);
  for (let b = 0; b < kind.length; b++) {
    const island = islandOf[b];
    if (kind[b] === REF && bus[island] < 0) {
      bus[island] = b;
      angle[island] = vaRad[b];
    }
  }
  return { bus, angle };
}

/**
 * After Q-limit switching moved an island's reference, shifts that island's angles so that its
 * original reference keeps its starting angle (as MATPOWER does).
 */
function restoreReferenceAngles(
  refs: IslandReferences,
  kind: Uint8Array,
  islandOf: Int32Array,
  vaRad: Float64Array,
): void {
  const shift = new Float64Array(refs.bus.length);
  for (let island = 0; island < refs.bus.length; island++) {
    const b = refs.bus[island];
    if (b >= 0 && kind[b] !== REF) shift[island] = refs.angle[island] - vaRad[b];
  }
  for (let b = 0; b < vaRad.length; b++) if (kind[b] !== DEAD) vaRad[b] += shift[islandOf[b]];
}
