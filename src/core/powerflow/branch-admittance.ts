/**
 * Pi-model admittances of every branch, with the ideal transformer at the from end:
 *
 *   ys = 1 / (r + jx),   N = tap * e^(j shift)
 *   Ytt = ys + j b/2,    Yff = Ytt / |N|^2,    Yft = -ys / conj(N),    Ytf = -ys / N
 *
 * so that [If; It] = [Yff Yft; Ytf Ytt] [Vf; Vt] (MATPOWER `makeYbus`; Zimmerman et al. 2011).
 */
import type { Grid } from '../grid/index.ts';

export interface BranchAdmittances {
  readonly yffRe: Float64Array;
  readonly yffIm: Float64Array;
  readonly yftRe: Float64Array;
  readonly yftIm: Float64Array;
  readonly ytfRe: Float64Array;
  readonly ytfIm: Float64Array;
  readonly yttRe: Float64Array;
  readonly yttIm: Float64Array;
}

/** Computes the four admittances of every branch (grid order; out-of-service ones too). */
export function computeBranchAdmittances(grid: Grid): BranchAdmittances {
  const n = grid.branches.length;
  const out = {
    yffRe: new Float64Array(n),
    yffIm: new Float64Array(n),
    yftRe: new Float64Array(n),
    yftIm: new Float64Array(n),
    ytfRe: new Float64Array(n),
    ytfIm: new Float64Array(n),
    yttRe: new Float64Array(n),
    yttIm: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const br = grid.branches[k];
    const z2 = br.rPu * br.rPu + br.xPu * br.xPu;
    const ysRe = br.rPu / z2;
    const ysIm = -br.xPu / z2;
    const tap = br.tapRatio;
    const shift = (br.shiftDeg * Math.PI) / 180;
    const c = Math.cos(shift) / tap;
    const s = Math.sin(shift) / tap;
    out.yttRe[k] = ysRe;
    out.yttIm[k] = ysIm + br.bPu / 2;
    out.yffRe[k] = out.yttRe[k] / (tap * tap);
    out.yffIm[k] = out.yttIm[k] / (tap * tap);
    // -ys * e^(j shift) / tap
    out.yftRe[k] = -(ysRe * c - ysIm * s);
    out.yftIm[k] = -(ysRe * s + ysIm * c);
    // -ys * e^(-j shift) / tap
    out.ytfRe[k] = -(ysRe * c + ysIm * s);
    out.ytfIm[k] = -(ysIm * c - ysRe * s);
  }
  return out;
}
