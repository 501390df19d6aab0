/**
 * The bus admittance matrix Ybus (complex, compressed sparse columns) of the electrical buses:
 *
 *   Ybus = Cf' Yff Cf + Cf' Yft Ct + Ct' Ytf Cf + Ct' Ytt Ct + diag(Gsh + j Bsh)
 *
 * Every bus has a stored diagonal entry (possibly zero), so the Jacobian pattern is complete.
 */
import { buildCscFromTriplets } from '../math/index.ts';
import type { BranchAdmittances } from './branch-admittance.ts';
import type { PowerFlowNetwork } from './compile-network.ts';

export interface AdmittanceMatrix {
  readonly n: number;
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** Assembles Ybus from the compiled network and its branch admittances. */
export function buildAdmittanceMatrix(net: PowerFlowNetwork, y: BranchAdmittances): AdmittanceMatrix {
  const n = net.nBus;
  let nActive = 0;
  for (let k = 0; k < net.branchFrom.length; k++) if (net.branchFrom[k] >= 0) nActive++;
  const nTrip = n + 4 * nActive;
  const rows = new Int32Array(nTrip);
  const cols = new Int32Array(nTrip);
  const re = new Float64Array(nTrip);
  const im = new Float64Array(nTrip);
  for (let b = 0; b < n; b++) {
    rows[b] = b;
    cols[b] = b;
    re[b] = net.gShuntPu[b];
    im[b] = net.bShuntPu[b];
  }
  let t = n;
  const put = (r: number, c: number, vr: number, vi: number) => {
    rows[t] = r;
    cols[t] = c;
    re[t] = vr;
    im[t] = vi;
    t++;
  };
  for (let k = 0; k < net.branchFrom.length; k++) {
    const f = net.branchFrom[k];
    const to = net.branchTo[k];
    if (f < 0) continue;
    put(f, f, y.yffRe[k], y.yffIm[k]);
    put(f, to, y.yftRe[k], y.yftIm[k]);
    put(to, f, y.ytfRe[k], y.ytfIm[k]);
    put(to, to, y.yttRe[k], y.yttIm[k]);
  }
  const { matrix, positionOfTriplet } = buildCscFromTriplets(n, n, rows, cols, re);
  const imValues = new Float64Array(matrix.values.length);
  for (let k = 0; k < nTrip; k++) imValues[positionOfTriplet[k]] += im[k];
  return { n, colPtr: matrix.colPtr, rowIdx: matrix.rowIdx, re: matrix.values, im: imValues };
}
