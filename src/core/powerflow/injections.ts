/** Bus injections S = V conj(Ybus V) in p.u. for given polar voltages. */
import type { AdmittanceMatrix } from './admittance-matrix.ts';

export function computeBusInjections(
  y: AdmittanceMatrix,
  vm: Float64Array,
  vaRad: Float64Array,
): { re: Float64Array; im: Float64Array } {
  const n = y.n;
  const vr = new Float64Array(n);
  const vi = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    vr[b] = vm[b] * Math.cos(vaRad[b]);
    vi[b] = vm[b] * Math.sin(vaRad[b]);
  }
  const ir = new Float64Array(n);
  const ii = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let p = y.colPtr[k]; p < y.colPtr[k + 1]; p++) {
      const i = y.rowIdx[p];
      ir[i] += y.re[p] * vr[k] - y.im[p] * vi[k];
      ii[i] += y.re[p] * vi[k] + y.im[p] * vr[k];
    }
  }
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    // V conj(I)
    re[b] = vr[b] * ir[b] + vi[b] * ii[b];
    im[b] = vi[b] * ir[b] - vr[b] * ii[b];
  }
  return { re, im };
}
