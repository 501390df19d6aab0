/**
 * Results of an AC power flow: bus voltages, generator outputs, branch flows at both ends,
 * series losses and line charging (MATPOWER `pfsoln` and `get_losses` conventions):
 *
 *   S_f = V_f conj(Yff V_f + Yft V_t),  S_t = V_t conj(Ytf V_f + Ytt V_t)
 *   loss = |V_f / N - V_t|^2 / conj(r + jx),   charging = (b/2) (|V_f / tap|^2 + |V_t|^2)
 */
import type { AcSolution, CompiledAcPowerFlow } from './ac-power-flow-model.ts';
import { DEAD } from './bus-kind.ts';
import { computeBusInjections } from './injections.ts';
import type { BranchResults, PowerFlowResult } from './power-flow-result.ts';

const DEG = 180 / Math.PI;

export function summarizeAcPowerFlow(model: CompiledAcPowerFlow, sol: AcSolution): PowerFlowResult {
  const { grid, net } = model;
  const base = net.baseMva;
  const s = computeBusInjections(model.ybus, sol.vm, sol.vaRad);

  const nGridBus = grid.buses.length;
  const vmPu = new Float64Array(nGridBus);
  const vaDeg = new Float64Array(nGridBus);
  const pInjMw = new Float64Array(nGridBus);
  const qInjMvar = new Float64Array(nGridBus);
  const energised = new Uint8Array(nGridBus);
  let deEnergisedBuses = 0;
  for (let i = 0; i < nGridBus; i++) {
    const b = net.busOfGridBus[i];
    if (b < 0 || sol.kind[b] === DEAD) {
      deEnergisedBuses++;
      continue;
    }
    energised[i] = 1;
    vmPu[i] = sol.vm[b];
    vaDeg[i] = Math.atan2(Math.sin(sol.vaRad[b]), Math.cos(sol.vaRad[b])) * DEG;
    if (net.gridBusOfBus[b] === i) {
      pInjMw[i] = s.re[b] * base;
      qInjMvar[i] = s.im[b] * base;
    }
  }

  const nGen = grid.generators.length;
  const genP = new Float64Array(nGen);
  const genQ = new Float64Array(nGen);
  const atQLimit = new Uint8Array(nGen);
  for (let g = 0; g < nGen; g++) {
    if (net.genBus[g] < 0) continue;
    genP[g] = sol.gens.pMw[g];
    genQ[g] = sol.gens.qMvar[g];
  }
  for (const g of sol.limited) atQLimit[g] = 1;

  const branches = computeAcBranchFlows(model, sol.vm, sol.vaRad);
  let pLoss = 0;
  let qLoss = 0;
  let qCharging = 0;
  for (let k = 0; k < grid.branches.length; k++) {
    const f = net.branchFrom[k];
    if (f < 0) continue;
    const t = net.branchTo[k];
    pLoss += branches.pFromMw[k] + branches.pToMw[k];
    qLoss += branches.qLossMvar[k];
    const br = grid.branches[k];
    const vf = sol.vm[f] / br.tapRatio;
    qCharging += (br.bPu / 2) * (vf * vf + sol.vm[t] * sol.vm[t]) * base;
  }

  const energisedIslands = new Set<number>();
  for (let b = 0; b < net.nBus; b++) if (sol.kind[b] !== DEAD) energisedIslands.add(net.islandOfBus[b]);

  return {
    model: 'ac',
    status: sol.status,
    iterations: sol.iterations,
    maxMismatchPu: sol.maxMismatchPu,
    baseMva: base,
    buses: { id: grid.buses.map((b) => b.id), vmPu, vaDeg, pInjMw, qInjMvar, energised },
    generators: { id: grid.generators.map((g) => g.id), pMw: genP, qMvar: genQ, atQLimit },
    branches,
    losses: { pMw: pLoss, qMvar: qLoss, qChargingMvar: qCharging },
    islands: { count: net.nIslands, energised: energisedIslands.size, deEnergisedBuses },
  };
}

/** Flows at both ends, series losses and loading of every branch (zero when out of service). */
export function computeAcBranchFlows(
  model: CompiledAcPowerFlow,
  vm: Float64Array,
  vaRad: Float64Array,
): BranchResults {
  const { grid, net, branchY: y } = model;
  const base = net.baseMva;
  const n = grid.branches.length;
  const out = {
    id: grid.branches.map((b) => b.id),
    pFromMw: new Float64Array(n),
    qFromMvar: new Float64Array(n),
    pToMw: new Float64Array(n),
    qToMvar: new Float64Array(n),
    pLossMw: new Float64Array(n),
    qLossMvar: new Float64Array(n),
    loadingPercent: new Float64Array(n).fill(Number.NaN),
  };
  for (let k = 0; k < n; k++) {
    const f = net.branchFrom[k];
    const t = net.branchTo[k];
    if (f < 0) continue;
    const vfr = vm[f] * Math.cos(vaRad[f]);
    const vfi = vm[f] * Math.sin(vaRad[f]);
    const vtr = vm[t] * Math.cos(vaRad[t]);
    const vti = vm[t] * Math.sin(vaRad[t]);
    const ifr = y.yffRe[k] * vfr - y.yffIm[k] * vfi + y.yftRe[k] * vtr - y.yftIm[k] * vti;
    const ifi = y.yffRe[k] * vfi + y.yffIm[k] * vfr + y.yftRe[k] * vti + y.yftIm[k] * vtr;
    const itr = y.ytfRe[k] * vfr - y.ytfIm[k] * vfi + y.yttRe[k] * vtr - y.yttIm[k] * vti;
    const iti = y.ytfRe[k] * vfi + y.ytfIm[k] * vfr + y.yttRe[k] * vti + y.yttIm[k] * vtr;
    out.pFromMw[k] = (vfr * ifr + vfi * ifi) * base;
    out.qFromMvar[k] = (vfi * ifr - vfr * ifi) * base;
    out.pToMw[k] = (vtr * itr + vti * iti) * base;
    out.qToMvar[k] = (vti * itr - vtr * iti) * base;

    const br = grid.branches[k];
    const shift = (br.shiftDeg * Math.PI) / 180;
    // V_f / N with N = tap e^(j shift)
    const c = Math.cos(-shift) / br.tapRatio;
    const s = Math.sin(-shift) / br.tapRatio;
    const dr = vfr * c - vfi * s - vtr;
    const di = vfr * s + vfi * c - vti;
    const dv2 = dr * dr + di * di;
    const z2 = br.rPu * br.rPu + br.xPu * br.xPu;
    out.pLossMw[k] = ((dv2 * br.rPu) / z2) * base;
    out.qLossMvar[k] = ((dv2 * br.xPu) / z2) * base;
    if (br.rateAMva !== undefined && br.rateAMva > 0) {
      const sf = Math.hypot(out.pFromMw[k], out.qFromMvar[k]);
      const st = Math.hypot(out.pToMw[k], out.qToMvar[k]);
      out.loadingPercent[k] = (Math.max(sf, st) / br.rateAMva) * 100;
    }
  }
  return out;
}
