/**
 * DC power flow (MATPOWER `makeBdc` and `rundcpf`): lossless, |V| = 1, small angles.
 *
 *   b_k = 1 / (x_k tap_k),   P_f,k = base * (b_k (θ_f - θ_t) + Pinj_k),   Pinj_k = -b_k shift_k
 *   B θ = P_gen - P_load - G_shunt - Cft' Pinj     (solved for every bus but the references)
 *
 * The first generator at each reference bus takes up the balance. Islands without generators are
 * de-energised, as in the AC power flow. B does not depend on the injections, so compiling
 * factors it once and each solve is one forward and back substitution.
 */
import type { Grid } from '../grid/index.ts';
import { buildCscFromTriplets, SparseLu } from '../math/index.ts';
import { DEAD, REF } from './bus-kind.ts';
import { compileNetwork, type PowerFlowNetwork } from './compile-network.ts';
import type { PowerFlowResult, PowerFlowStatus } from './power-flow-result.ts';

const DEG = 180 / Math.PI;

export interface CompiledDcPowerFlow {
  readonly grid: Grid;
  readonly net: PowerFlowNetwork;
  /** Branch susceptance 1/(x tap) and phase-shifter injection -b shift, p.u. (0 when out). */
  readonly b: Float64Array;
  readonly pInj: Float64Array;
  /** Row of each bus among the unknown angles, -1 for references and dead buses. */
  readonly unknown: Int32Array;
  /** B entries coupling an unknown row to a reference bus: moved to the right-hand side. */
  readonly refCoupling: { readonly row: Int32Array; readonly bus: Int32Array; readonly value: Float64Array };
  readonly lu: SparseLu | undefined;
  readonly factorStatus: PowerFlowStatus;
  readonly message?: string;
}

/**
 * The DC parameters of every in-service branch: susceptance b = 1/(x tap) and the phase shifter's
 * equivalent injection -b shift (p.u.; 0 for branches out of service, Infinity for zero reactance).
 * One place for the DC power flow, the DC OPF and the dispatch.
 */
export function computeDcBranchParameters(
  grid: Grid,
  net: PowerFlowNetwork,
): { b: Float64Array; pInj: Float64Array } {
  const n = grid.branches.length;
  const b = new Float64Array(n);
  const pInj = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (net.branchFrom[k] < 0) continue;
    const br = grid.branches[k];
    b[k] = 1 / (br.xPu * br.tapRatio);
    pInj[k] = -b[k] * ((br.shiftDeg * Math.PI) / 180);
  }
  return { b, pInj };
}

/** Builds the reduced B matrix and factors it. */
export function compileDcPowerFlow(grid: Grid): CompiledDcPowerFlow {
  const net = compileNetwork(grid);
  const n = net.nBus;
  const nBranch = grid.branches.length;
  const { b, pInj } = computeDcBranchParameters(grid, net);
  const unknown = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) if (net.kind[i] !== REF && net.kind[i] !== DEAD) unknown[i] = m++;

  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const coupling = { row: [] as number[], bus: [] as number[], value: [] as number[] };
  const add = (i: number, j: number, v: number) => {
    const r = unknown[i];
    if (r < 0) return;
    const c = unknown[j];
    if (c >= 0) {
      rows.push(r);
      cols.push(c);
      vals.push(v);
    } else if (net.kind[j] === REF) {
      coupling.row.push(r);
      coupling.bus.push(j);
      coupling.value.push(v);
    }
  };
  for (let k = 0; k < nBranch; k++) {
    const f = net.branchFrom[k];
    if (f < 0) continue;
    const t = net.branchTo[k];
    add(f, f, b[k]);
    add(f, t, -b[k]);
    add(t, f, -b[k]);
    add(t, t, b[k]);
  }
  let lu: SparseLu | undefined;
  let factorStatus: PowerFlowStatus = 'converged';
  let message: string | undefined;
  const zeroX = b.findIndex((x) => !Number.isFinite(x));
  if (zeroX >= 0) {
    factorStatus = 'singular';
    message = `branch "${grid.branches[zeroX].id}" has zero reactance; the DC model needs x != 0`;
  } else if (m > 0) {
    const { matrix } = buildCscFromTriplets(m, m, rows, cols, vals);
    lu = new SparseLu({ n: m, colPtr: matrix.colPtr, rowIdx: matrix.rowIdx });
    if (lu.factor(matrix.values).status !== 'ok') factorStatus = 'singular';
  }
  return {
    grid,
    net,
    b,
    pInj,
    unknown,
    refCoupling: {
      row: Int32Array.from(coupling.row),
      bus: Int32Array.from(coupling.bus),
      value: Float64Array.from(coupling.value),
    },
    lu,
    factorStatus,
    message,
  };
}

/**
 * Net scheduled injection per electrical bus in p.u. (generators and DERs minus loads and shunt
 * conductance), before the phase-shifter equivalents.
 */
export function scheduleDcInjections(model: CompiledDcPowerFlow): Float64Array {
  const { net, grid } = model;
  const pSpec = new Float64Array(net.nBus);
  for (let i = 0; i < net.nBus; i++) pSpec[i] = net.pFixedPu[i] - net.gShuntPu[i];
  grid.generators.forEach((g, k) => {
    if (net.genBus[k] >= 0) pSpec[net.genBus[k]] += g.pMw / net.baseMva;
  });
  return pSpec;
}

/** Solves for the bus angles (radians) given the scheduled injections `pSpec` (p.u.). */
export function solveDcPowerFlow(
  model: CompiledDcPowerFlow,
  pSpec: Float64Array = scheduleDcInjections(model),
): { status: PowerFlowStatus; vaRad: Float64Array } {
  const { net, unknown, pInj, refCoupling } = model;
  const vaRad = new Float64Array(net.nBus);
  for (let i = 0; i < net.nBus; i++) if (net.kind[i] === REF) vaRad[i] = net.vaStartRad[i];
  if (model.factorStatus !== 'converged' || model.lu === undefined)
    return { status: model.factorStatus, vaRad };
  const rhs = new Float64Array(model.lu.n);
  for (let i = 0; i < net.nBus; i++) if (unknown[i] >= 0) rhs[unknown[i]] = pSpec[i];
  for (let k = 0; k < pInj.length; k++) {
    const f = net.branchFrom[k];
    if (f < 0) continue;
    const t = net.branchTo[k];
    if (unknown[f] >= 0) rhs[unknown[f]] -= pInj[k];
    if (unknown[t] >= 0) rhs[unknown[t]] += pInj[k];
  }
  for (let e = 0; e < refCoupling.row.length; e++) {
    rhs[refCoupling.row[e]] -= refCoupling.value[e] * vaRad[refCoupling.bus[e]];
  }
  model.lu.solve(rhs);
  for (let i = 0; i < net.nBus; i++) if (unknown[i] >= 0) vaRad[i] = rhs[unknown[i]];
  return { status: 'converged', vaRad };
}

/** Flows, the reference generators' balance and the bus angles in grid order. */
export function summarizeDcPowerFlow(
  model: CompiledDcPowerFlow,
  solution: { status: PowerFlowStatus; vaRad: Float64Array },
  pSpec: Float64Array = scheduleDcInjections(model),
): PowerFlowResult {
  const { grid, net, b, pInj } = model;
  const { vaRad: va } = solution;
  const base = net.baseMva;
  const nBranch = grid.branches.length;
  const pFromMw = new Float64Array(nBranch);
  const pToMw = new Float64Array(nBranch);
  const outflow = new Float64Array(net.nBus);
  for (let k = 0; k < nBranch; k++) {
    const f = net.branchFrom[k];
    if (f < 0) continue;
    const t = net.branchTo[k];
    const flow = b[k] * (va[f] - va[t]) + pInj[k];
    pFromMw[k] = flow * base;
    pToMw[k] = -flow * base;
    outflow[f] += flow;
    outflow[t] -= flow;
  }
  const nGen = grid.generators.length;
  const genP = new Float64Array(nGen);
  const seenRef = new Uint8Array(net.nBus);
  grid.generators.forEach((g, k) => {
    const bus = net.genBus[k];
    if (bus < 0) return;
    genP[k] = g.pMw;
    if (net.kind[bus] === REF && !seenRef[bus]) {
      seenRef[bus] = 1;
      genP[k] += (outflow[bus] - pSpec[bus]) * base; // what leaves through branches minus the schedule
    }
  });

  const nGridBus = grid.buses.length;
  const vmPu = new Float64Array(nGridBus);
  const vaDeg = new Float64Array(nGridBus);
  const pInjMw = new Float64Array(nGridBus);
  const energised = new Uint8Array(nGridBus);
  let deEnergisedBuses = 0;
  for (let i = 0; i < nGridBus; i++) {
    const bus = net.busOfGridBus[i];
    if (bus < 0 || net.kind[bus] === DEAD) {
      deEnergisedBuses++;
      continue;
    }
    energised[i] = 1;
    vmPu[i] = 1;
    vaDeg[i] = va[bus] * DEG;
    if (net.gridBusOfBus[bus] === i) pInjMw[i] = outflow[bus] * base;
  }
  const islands = new Set<number>();
  for (let i = 0; i < net.nBus; i++) if (net.kind[i] !== DEAD) islands.add(net.islandOfBus[i]);
  const zeros = () => new Float64Array(nBranch);
  return {
    model: 'dc',
    status: solution.status,
    message: model.message,
    iterations: 1,
    maxMismatchPu: 0,
    baseMva: base,
    buses: {
      id: grid.buses.map((x) => x.id),
      vmPu,
      vaDeg,
      pInjMw,
      qInjMvar: new Float64Array(nGridBus),
      energised,
    },
    generators: {
      id: grid.generators.map((g) => g.id),
      pMw: genP,
      qMvar: new Float64Array(nGen),
      atQLimit: new Uint8Array(nGen),
    },
    branches: {
      id: grid.branches.map((x) => x.id),
      pFromMw,
      qFromMvar: zeros(),
      pToMw,
      qToMvar: zeros(),
      pLossMw: zeros(),
      qLossMvar: zeros(),
      loadingPercent: Float64Array.from(grid.branches, (br, k) =>
        br.rateAMva !== undefined && br.rateAMva > 0
          ? (Math.abs(pFromMw[k]) / br.rateAMva) * 100
          : Number.NaN,
      ),
    },
    losses: { pMw: 0, qMvar: 0, qChargingMvar: 0 },
    islands: { count: net.nIslands, energised: islands.size, deEnergisedBuses },
  };
}

/** Compiles, solves and summarises in one call. */
export function runDcPowerFlow(grid: Grid): PowerFlowResult {
  const model = compileDcPowerFlow(grid);
  return summarizeDcPowerFlow(model, solveDcPowerFlow(model));
}
