/**
 * Generator state during a power flow and the outputs after it, with MATPOWER's conventions
 * (`pfsoln`): the first generator at each reference bus takes up the active-power balance; the
 * reactive power needed at a PV or reference bus is shared by its generators in proportion to
 * their reactive ranges (infinite limits replaced by a finite proxy), or equally above Qmin when
 * all ranges at the bus are zero. Generators at PQ buses keep their schedule.
 */
import type { Grid } from '../grid/index.ts';
import { PQ, REF } from './bus-kind.ts';
import type { PowerFlowNetwork } from './compile-network.ts';

const EPS = 2.220446049250313e-16;

/** Generators in grid order. `bus` is -1 for generators that do not take part. */
export interface GeneratorState {
  readonly bus: Int32Array;
  readonly pMw: Float64Array;
  readonly qMvar: Float64Array;
  readonly qMinMvar: Float64Array;
  readonly qMaxMvar: Float64Array;
}

/** The schedule of the grid's in-service generators; absent Q limits become +-Infinity. */
export function initialGeneratorState(grid: Grid, net: PowerFlowNetwork): GeneratorState {
  const gens = grid.generators;
  return {
    bus: Int32Array.from(net.genBus),
    pMw: Float64Array.from(gens, (g) => g.pMw),
    qMvar: Float64Array.from(gens, (g) => g.qMvar),
    qMinMvar: Float64Array.from(gens, (g) => g.qMinMvar ?? Number.NEGATIVE_INFINITY),
    qMaxMvar: Float64Array.from(gens, (g) => g.qMaxMvar ?? Number.POSITIVE_INFINITY),
  };
}

/** Scheduled bus injections in p.u.: fixed injections plus every participating generator. */
export function scheduleInjections(
  baseMva: number,
  pFixedPu: Float64Array,
  qFixedPu: Float64Array,
  gens: GeneratorState,
): { pSchedPu: Float64Array; qSchedPu: Float64Array } {
  const pSchedPu = Float64Array.from(pFixedPu);
  const qSchedPu = Float64Array.from(qFixedPu);
  for (let g = 0; g < gens.bus.length; g++) {
    const b = gens.bus[g];
    if (b < 0) continue;
    pSchedPu[b] += gens.pMw[g] / baseMva;
    qSchedPu[b] += gens.qMvar[g] / baseMva;
  }
  return { pSchedPu, qSchedPu };
}

/**
 * Generator outputs for a solved network. `sInjRe/Im` are the bus injections V conj(Ybus V) in
 * p.u.; `pFixedPu/qFixedPu` the non-generator injections. Returns new `pMw`/`qMvar` arrays.
 */
export function dispatchGenerators(
  net: PowerFlowNetwork,
  kind: Uint8Array,
  gens: GeneratorState,
  pFixedPu: Float64Array,
  qFixedPu: Float64Array,
  sInjRe: Float64Array,
  sInjIm: Float64Array,
): { pMw: Float64Array; qMvar: Float64Array } {
  const base = net.baseMva;
  const pMw = Float64Array.from(gens.pMw);
  const qMvar = Float64Array.from(gens.qMvar);
  const on: number[] = [];
  for (let g = 0; g < gens.bus.length; g++) {
    const b = gens.bus[g];
    if (b >= 0 && kind[b] !== PQ) on.push(g);
  }
  const count = new Float64Array(net.nBus);
  for (const g of on) count[gens.bus[g]]++;
  for (const g of on) {
    const b = gens.bus[g];
    qMvar[g] = ((sInjIm[b] - qFixedPu[b]) * base) / count[b];
  }
  if (on.length > 1) splitReactivePower(net.nBus, gens, on, count, qMvar);

  const firstAtRef = new Int32Array(net.nBus).fill(-1);
  const otherP = new Float64Array(net.nBus);
  for (const g of on) {
    const b = gens.bus[g];
    if (kind[b] !== REF) continue;
    if (firstAtRef[b] < 0) firstAtRef[b] = g;
    else otherP[b] += pMw[g];
  }
  for (let b = 0; b < net.nBus; b++) {
    const g = firstAtRef[b];
    if (g >= 0) pMw[g] = (sInjRe[b] - pFixedPu[b]) * base - otherP[b];
  }
  return { pMw, qMvar };
}

function splitReactivePower(
  nBus: number,
  gens: GeneratorState,
  on: readonly number[],
  count: Float64Array,
  qMvar: Float64Array,
): void {
  const qMin = Float64Array.from(on, (g) => gens.qMinMvar[g]);
  const qMax = Float64Array.from(on, (g) => gens.qMaxMvar[g]);
  const proxy = new Float64Array(nBus);
  on.forEach((g, j) => {
    let m = Math.abs(qMvar[g]);
    if (Number.isFinite(qMax[j])) m += Math.abs(qMax[j]);
    if (Number.isFinite(qMin[j])) m += Math.abs(qMin[j]);
    proxy[gens.bus[g]] += m;
  });
  const totQ = new Float64Array(nBus);
  const totMin = new Float64Array(nBus);
  const totMax = new Float64Array(nBus);
  on.forEach((g, j) => {
    const b = gens.bus[g];
    if (qMin[j] === Number.POSITIVE_INFINITY) qMin[j] = proxy[b];
    if (qMin[j] === Number.NEGATIVE_INFINITY) qMin[j] = -proxy[b];
    if (qMax[j] === Number.POSITIVE_INFINITY) qMax[j] = proxy[b];
    if (qMax[j] === Number.NEGATIVE_INFINITY) qMax[j] = -proxy[b];
    totQ[b] += qMvar[g];
    totMin[b] += qMin[j];
    totMax[b] += qMax[j];
  });
  on.forEach((g, j) => {
    const b = gens.bus[g];
    if (Math.abs(totMin[b] - totMax[b]) < 10 * EPS) {
      qMvar[g] = qMin[j] + (totQ[b] - totMin[b]) / count[b];
    } else {
      qMvar[g] = qMin[j] + ((totQ[b] - totMin[b]) / (totMax[b] - totMin[b] + EPS)) * (qMax[j] - qMin[j]);
    }
  });
}
