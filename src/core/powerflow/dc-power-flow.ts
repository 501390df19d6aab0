/**
 * DC power flow (MATPOWER `makeBdc` and `rundcpf`): lossless, |V| = 1, small angles.
 *
 *   b_k = 1 / (x_k tap_k),   P_f,k = base * (b_k (θ_f - θ_t) + Pinj_k),   Pinj_k = -b_k shift_k
 *   B θ = P_gen - P_load - G_shunt - Cft' Pinj     (solved for every bus but the references)
 *
 * The first generator at each reference bus takes up the balance. Islands without generators are
 * de-energised, as in the AC power flow.
 */
import type { Grid } from '../grid/index.ts';
import { buildCscFromTriplets, SparseLu } from '../math/index.ts';
import { DEAD, REF } from './bus-kind.ts';
import { compileNetwork } from './compile-network.ts';
import type { PowerFlowResult } from './power-flow-result.ts';

const DEG = 180 / Math.PI;

export function runDcPowerFlow(grid: Grid): PowerFlowResult {
  const net = compileNetwork(grid);
  const n = net.nBus;
  const base = net.baseMva;
  const nBranch = grid.branches.length;
  const b = new Float64Array(nBranch);
  const pInj = new Float64Array(nBranch);
  for (let k = 0; k < nBranch; k++) {
    if (net.branchFrom[k] < 0) continue;
    const br = grid.branches[k];
    b[k] = 1 / (br.xPu * br.tapRatio);
    pInj[k] = -b[k] * ((br.shiftDeg * Math.PI) / 180);
  }

  // Net injection per electrical bus (p.u.), then with the phase-shifter equivalents.
  const pSpec = new Float64Array(n);
  for (let i = 0; i < n; i++) pSpec[i] = net.pFixedPu[i] - net.gShuntPu[i];
  grid.generators.forEach((g, k) => {
    if (net.genBus[k] >= 0) pSpec[net.genBus[k]] += g.pMw / base;
  });
  const pBus = Float64Array.from(pSpec);
  for (let k = 0; k < nBranch; k++) {
    const f = net.branchFrom[k];
    if (f < 0) continue;
    pBus[f] -= pInj[k];
    pBus[net.branchTo[k]] += pInj[k];
  }

  const va = new Float64Array(n);
  for (let i = 0; i < n; i++) if (net.kind[i] === REF) va[i] = net.vaStartRad[i];
  const unknown = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) if (net.kind[i] !== REF && net.kind[i] !== DEAD) unknown[i] = m++;

  const rhs = new Float64Array(m);
  for (let i = 0; i < n; i++) if (unknown[i] >= 0) rhs[unknown[i]] = pBus[i];
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const add = (i: number, j: number, v: number) => {
    const r = unknown[i];
    if (r < 0) return;
    const c = unknown[j];
    if (c >= 0) {
      rows.push(r);
      cols.push(c);
      vals.push(v);
    } else rhs[r] -= v * va[j];
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
  let status: PowerFlowResult['status'] = 'converged';
  if (m > 0) {
    const { matrix } = buildCscFromTriplets(m, m, rows, cols, vals);
    const lu = new SparseLu({ n: m, colPtr: matrix.colPtr, rowIdx: matrix.rowIdx });
    if (lu.factor(matrix.values).status === 'ok') {
      lu.solve(rhs);
      for (let i = 0; i < n; i++) if (unknown[i] >= 0) va[i] = rhs[unknown[i]];
    } else status = 'singular';
  }

  // Branch flows and the balance taken by each reference bus.
  const pFromMw = new Float64Array(nBranch);
  const pToMw = new Float64Array(nBranch);
  const refBalance = new Float64Array(n);
  for (let k = 0; k < nBranch; k++) {
    const f = net.branchFrom[k];
    if (f < 0) continue;
    const t = net.branchTo[k];
    const flow = b[k] * (va[f] - va[t]) + pInj[k];
    pFromMw[k] = flow * base;
    pToMw[k] = -flow * base;
    refBalance[f] += flow;
    refBalance[t] -= flow;
  }
  const genP = new Float64Array(grid.generators.length);
  const seenRef = new Uint8Array(n);
  grid.generators.forEach((g, k) => {
    const bus = net.genBus[k];
    if (bus < 0) return;
    genP[k] = g.pMw;
    if (net.kind[bus] === REF && !seenRef[bus]) {
      seenRef[bus] = 1;
      // What leaves the bus through its branches minus what was scheduled there.
      genP[k] += (refBalance[bus] - pSpec[bus]) * base;
    }
  });

  const nGridBus = grid.buses.length;
  const vmPu = new Float64Array(nGridBus);
  const vaDeg = new Float64Array(nGridBus);
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
  }
  const zeros = () => new Float64Array(nBranch);
  const islands = new Set<number>();
  for (let i = 0; i < n; i++) if (net.kind[i] !== DEAD) islands.add(net.islandOfBus[i]);
  return {
    model: 'dc',
    status,
    iterations: 1,
    maxMismatchPu: 0,
    baseMva: base,
    buses: {
      id: grid.buses.map((x) => x.id),
      vmPu,
      vaDeg,
      pInjMw: new Float64Array(nGridBus),
      qInjMvar: new Float64Array(nGridBus),
      energised,
    },
    generators: {
      id: grid.generators.map((g) => g.id),
      pMw: genP,
      qMvar: new Float64Array(grid.generators.length),
      atQLimit: new Uint8Array(grid.generators.length),
    },
    branches: {
      id: grid.branches.map((x) => x.id),
      pFromMw,
      qFromMvar: zeros(),
      pToMw,
      qToMvar: zeros(),
      pLossMw: zeros(),
      qLossMvar: zeros(),
      loadingPercent: loading(grid, pFromMw),
    },
    losses: { pMw: 0, qMvar: 0, qChargingMvar: 0 },
    islands: { count: net.nIslands, energised: islands.size, deEnergisedBuses },
  };
}

function loading(grid: Grid, pFromMw: Float64Array): Float64Array {
  return Float64Array.from(grid.branches, (br, k) =>
    br.rateAMva !== undefined && br.rateAMva > 0 ? (Math.abs(pFromMw[k]) / br.rateAMva) * 100 : Number.NaN,
  );
}
