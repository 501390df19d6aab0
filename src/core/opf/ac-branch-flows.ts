/**
 * Branch flows of the AC OPF at its present voltages: the complex power into each end,
 *   S_f = V_f conj(Yff V_f + Yft V_t),   S_t = V_t conj(Ytf V_f + Ytt V_t)   (MVA),
 * the linearised rating rows |S|^2 + grad |S|^2 . d <= rate^2 (forward differences of the exact flows
 * in the branch's four unknowns), and the worst excess over the ratings.
 */
import type { Grid } from '../grid/index.ts';
import type { ModelBuilder } from '../optimize/index.ts';
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

/** Adds branch k's two linearised rating rows in the angle and magnitude steps dth, dv. */
export function addFlowLimit(
  c: BranchFlowContext,
  m: ModelBuilder,
  k: number,
  dth: Int32Array,
  dv: Int32Array,
): void {
  const { net, vm, va } = c;
  const f = net.branchFrom[k];
  const t = net.branchTo[k];
  const rate = c.grid.branches[k].rateAMva ?? 0;
  const s0 = endFlows(c, k);
  const h = 1e-7;
  const grads = [
    [va, f, dth[f]],
    [va, t, dth[t]],
    [vm, f, dv[f]],
    [vm, t, dv[t]],
  ] as const;
  const gf: number[] = [];
  const gt: number[] = [];
  for (const [arr, i] of grads) {
    arr[i] += h;
    const s1 = endFlows(c, k);
    arr[i] -= h;
    gf.push((s1.pf ** 2 + s1.qf ** 2 - s0.pf ** 2 - s0.qf ** 2) / h);
    gt.push((s1.pt ** 2 + s1.qt ** 2 - s0.pt ** 2 - s0.qt ** 2) / h);
  }
  const cols = grads.map((g) => g[2]);
  m.addRow(Number.NEGATIVE_INFINITY, rate * rate - (s0.pf ** 2 + s0.qf ** 2), cols, gf);
  m.addRow(Number.NEGATIVE_INFINITY, rate * rate - (s0.pt ** 2 + s0.qt ** 2), cols, gt);
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
