/**
 * Branch flows of the AC OPF at its present voltages: the complex power into each end,
 *   S_f = V_f conj(Yff V_f + Yft V_t),   S_t = V_t conj(Ytf V_f + Ytt V_t)   (MVA),
 * and the worst excess over the ratings.
 */
import type { Grid } from '../grid/index.ts';
import type { BranchAdmittances, PowerFlowNetwork } from '../powerflow/index.ts';

export interface BranchFlowContext {
  readonly grid: Grid;
  readonly net: PowerFlowNetwork;
  readonly admittances: BranchAdmittances;
  readonly base: number;
  /** Present voltage magnitudes (p.u.) and angles (rad) per electrical bus; read live. */
  readonly vm: Float64Array;
  readonly va: Float64Array;
}

export function endFlows(c: BranchFlowContext, k: number) {
  const { net, admittances: ya, base, vm, va } = c;
  const f = net.branchFrom[k];
  const t = net.branchTo[k];
  const vf = { re: vm[f] * Math.cos(va[f]), im: vm[f] * Math.sin(va[f]) };
  const vt = { re: vm[t] * Math.cos(va[t]), im: vm[t] * Math.sin(va[t]) };
  const current = (aRe: number, aIm: number, bRe: number, bIm: number) => ({
    re: aRe * vf.re - aIm * vf.im + bRe * vt.re - bIm * vt.im,
    im: aRe * vf.im + aIm * vf.re + bRe * vt.im + bIm * vt.re,
  });
  const iF = current(ya.yffRe[k], ya.yffIm[k], ya.yftRe[k], ya.yftIm[k]);
  const iT = current(ya.ytfRe[k], ya.ytfIm[k], ya.yttRe[k], ya.yttIm[k]);
  return {
    pf: base * (vf.re * iF.re + vf.im * iF.im),
    qf: base * (vf.im * iF.re - vf.re * iF.im),
    pt: base * (vt.re * iT.re + vt.im * iT.im),
    qt: base * (vt.im * iT.re - vt.re * iT.im),
  };
}

export function maxEndMva(c: BranchFlowContext, k: number): number {
  const s = endFlows(c, k);
  return Math.max(Math.hypot(s.pf, s.qf), Math.hypot(s.pt, s.qt));
}

/** Flows of every branch (0 for branches out of service). */
export function allEndFlows(c: BranchFlowContext) {
  const nb = c.grid.branches.length;
  const out = {
    pf: new Float64Array(nb),
    qf: new Float64Array(nb),
    pt: new Float64Array(nb),
    qt: new Float64Array(nb),
  };
  for (let k = 0; k < nb; k++) {
    if (c.net.branchFrom[k] < 0) continue;
    const s = endFlows(c, k);
    out.pf[k] = s.pf;
    out.qf[k] = s.qf;
    out.pt[k] = s.pt;
    out.qt[k] = s.qt;
  }
  return out;
}

/** Largest excess of an end's |S| over its branch's rating, MVA (0 when none is exceeded). */
export function worstRatingExcess(c: BranchFlowContext): number {
  let worst = 0;
  for (let k = 0; k < c.grid.branches.length; k++) {
    const rate = c.grid.branches[k].rateAMva ?? 0;
    if (rate > 0 && c.net.branchFrom[k] >= 0) worst = Math.max(worst, maxEndMva(c, k) - rate);
  }
  return worst;
}
