/**
 * AC power flow by Newton-Raphson in polar coordinates (Tinney & Hart 1967; MATPOWER `newtonpf`).
 *
 *   S_i = V_i conj(sum_k Y_ik V_k) = sum_k W_ik,       W_ik = V_i conj(Y_ik V_k)
 *   F = [ Re(S - S_sched) at PV and PQ buses ; Im(S - S_sched) at PQ buses ]
 *   dS_i/dθ_k = -j W_ik,  dS_i/d|V_k| = W_ik / |V_k|                        (i != k)
 *   dS_i/dθ_i = j (S_i - W_ii),  dS_i/d|V_i| = (W_ii + S_i) / |V_i|
 *   J dx = F,  θ -= dx_θ,  |V| -= dx_|V|,  until ||F||_inf < tol.
 *
 * The unknowns of each bus are adjacent (θ_i, then |V_i| for PQ buses), the Jacobian pattern and
 * the position of every entry are computed once, and the sparse LU keeps its symbolic analysis
 * across iterations and across solves with the same bus kinds.
 */
import { computeAmdOrdering, SparseLu } from '../math/index.ts';
import type { AdmittanceMatrix } from './admittance-matrix.ts';
import { PQ, PV } from './bus-kind.ts';

export type NewtonStatus = 'converged' | 'max-iterations' | 'singular' | 'diverged';

export interface NewtonOptions {
  /** Largest per-unit P or Q mismatch accepted (MATPOWER default 1e-8). */
  readonly tolerancePu?: number;
  readonly maxIterations?: number;
}

export interface NewtonOutcome {
  readonly status: NewtonStatus;
  readonly iterations: number;
  readonly maxMismatchPu: number;
}

export class AcNewtonSolver {
  readonly nUnknowns: number;
  private readonly y: AdmittanceMatrix;
  private readonly thetaRow: Int32Array;
  private readonly vmRow: Int32Array;
  private readonly posPT: Int32Array;
  private readonly posPV: Int32Array;
  private readonly posQT: Int32Array;
  private readonly posQV: Int32Array;
  private readonly jValues: Float64Array;
  private readonly jView: Float64Array;
  private readonly lu: SparseLu;
  private readonly vr: Float64Array;
  private readonly vi: Float64Array;
  private readonly sr: Float64Array;
  private readonly si: Float64Array;
  private readonly wr: Float64Array;
  private readonly wi: Float64Array;
  private readonly f: Float64Array;

  /** Builds the Jacobian structure for admittance matrix `y` and bus kinds `kind`. */
  constructor(y: AdmittanceMatrix, kind: Uint8Array) {
    const n = y.n;
    this.y = y;
    this.thetaRow = new Int32Array(n).fill(-1);
    this.vmRow = new Int32Array(n).fill(-1);
    let m = 0;
    for (let b = 0; b < n; b++) {
      if (kind[b] === PV || kind[b] === PQ) this.thetaRow[b] = m++;
      if (kind[b] === PQ) this.vmRow[b] = m++;
    }
    this.nUnknowns = m;
    const nnz = y.colPtr[n];
    // The Jacobian column of θ_k (or |V_k|) holds, for each row i of Ybus column k, the rows of P_i
    // and Q_i; they come out sorted because each bus's unknowns are adjacent and in bus order.
    const colPtr = new Int32Array(m + 1);
    let nnzJ = 0;
    for (let k = 0; k < n; k++) {
      let count = 0;
      for (let p = y.colPtr[k]; p < y.colPtr[k + 1]; p++) {
        const i = y.rowIdx[p];
        if (this.thetaRow[i] >= 0) count++;
        if (this.vmRow[i] >= 0) count++;
      }
      if (this.thetaRow[k] >= 0) colPtr[this.thetaRow[k] + 1] = count;
      if (this.vmRow[k] >= 0) colPtr[this.vmRow[k] + 1] = count;
      if (this.thetaRow[k] >= 0) nnzJ += count;
      if (this.vmRow[k] >= 0) nnzJ += count;
    }
    for (let c = 0; c < m; c++) colPtr[c + 1] += colPtr[c];
    const rowIdx = new Int32Array(nnzJ);
    this.posPT = new Int32Array(nnz).fill(nnzJ);
    this.posPV = new Int32Array(nnz).fill(nnzJ);
    this.posQT = new Int32Array(nnz).fill(nnzJ);
    this.posQV = new Int32Array(nnz).fill(nnzJ);
    for (let k = 0; k < n; k++) {
      const ct = this.thetaRow[k];
      const cv = this.vmRow[k];
      let qt = ct >= 0 ? colPtr[ct] : 0;
      let qv = cv >= 0 ? colPtr[cv] : 0;
      for (let p = y.colPtr[k]; p < y.colPtr[k + 1]; p++) {
        const i = y.rowIdx[p];
        const rp = this.thetaRow[i];
        const rq = this.vmRow[i];
        if (ct >= 0) {
          if (rp >= 0) {
            rowIdx[qt] = rp;
            this.posPT[p] = qt++;
          }
          if (rq >= 0) {
            rowIdx[qt] = rq;
            this.posQT[p] = qt++;
          }
        }
        if (cv >= 0) {
          if (rp >= 0) {
            rowIdx[qv] = rp;
            this.posPV[p] = qv++;
          }
          if (rq >= 0) {
            rowIdx[qv] = rq;
            this.posQV[p] = qv++;
          }
        }
      }
    }
    // Entries that do not exist (rows or columns of reference buses) write to a scratch slot.
    this.jValues = new Float64Array(nnzJ + 1);
    this.jView = this.jValues.subarray(0, nnzJ);
    this.lu = new SparseLu(
      { n: m, colPtr, rowIdx },
      { columnOrder: orderUnknownsByBus(y, this.thetaRow, this.vmRow, m) },
    );
    this.vr = new Float64Array(n);
    this.vi = new Float64Array(n);
    this.sr = new Float64Array(n);
    this.si = new Float64Array(n);
    this.wr = new Float64Array(nnz);
    this.wi = new Float64Array(nnz);
    this.f = new Float64Array(m);
  }

  /** Statistics of the sparse LU (fill, factorisations). */
  get luStats() {
    return this.lu.stats;
  }

  /**
   * Solves for the voltages, starting from and overwriting `vm` and `vaRad`. `pSched`/`qSched`
   * are the scheduled injections in p.u.; reference buses keep their voltage.
   */
  solve(
    pSched: Float64Array,
    qSched: Float64Array,
    vm: Float64Array,
    vaRad: Float64Array,
    options: NewtonOptions = {},
  ): NewtonOutcome {
    const tol = options.tolerancePu ?? 1e-8;
    const maxIterations = options.maxIterations ?? 10;
    const n = this.y.n;
    const f = this.f;
    let norm = this.evaluate(pSched, qSched, vm, vaRad);
    let iterations = 0;
    while (!(norm < tol) && iterations < maxIterations) {
      if (!Number.isFinite(norm)) return { status: 'diverged', iterations, maxMismatchPu: norm };
      iterations++;
      this.fillJacobian(vm);
      if (this.lu.factor(this.jView).status !== 'ok') {
        return { status: 'singular', iterations, maxMismatchPu: norm };
      }
      this.lu.solve(f);
      for (let b = 0; b < n; b++) {
        const t = this.thetaRow[b];
        if (t >= 0) vaRad[b] -= f[t];
        const v = this.vmRow[b];
        if (v >= 0) {
          vm[b] -= f[v];
          if (vm[b] < 0) {
            vm[b] = -vm[b];
            vaRad[b] += Math.PI;
          }
        }
      }
      norm = this.evaluate(pSched, qSched, vm, vaRad);
    }
    if (norm < tol) return { status: 'converged', iterations, maxMismatchPu: norm };
    return { status: Number.isFinite(norm) ? 'max-iterations' : 'diverged', iterations, maxMismatchPu: norm };
  }

  /** Computes W, S = V conj(Ybus V) and the mismatch F; returns ||F||_inf. */
  private evaluate(
    pSched: Float64Array,
    qSched: Float64Array,
    vm: Float64Array,
    vaRad: Float64Array,
  ): number {
    const { colPtr, rowIdx, re, im } = this.y;
    const { vr, vi, sr, si, wr, wi, f } = this;
    const n = this.y.n;
    for (let b = 0; b < n; b++) {
      vr[b] = vm[b] * Math.cos(vaRad[b]);
      vi[b] = vm[b] * Math.sin(vaRad[b]);
      sr[b] = 0;
      si[b] = 0;
    }
    for (let k = 0; k < n; k++) {
      const vrk = vr[k];
      const vik = vi[k];
      for (let p = colPtr[k], end = colPtr[k + 1]; p < end; p++) {
        const i = rowIdx[p];
        const g = re[p];
        const b = im[p];
        const a = g * vrk - b * vik;
        const c = g * vik + b * vrk;
        const wre = vr[i] * a + vi[i] * c;
        const wim = vi[i] * a - vr[i] * c;
        wr[p] = wre;
        wi[p] = wim;
        // Accumulate the current I_i = sum_k Y_ik V_k (in sr/si) first, as MATPOWER does: with very
        // large admittances the power terms cancel less accurately than the currents.
        sr[i] += a;
        si[i] += c;
      }
    }
    for (let b = 0; b < n; b++) {
      const ir = sr[b];
      const ii = si[b];
      sr[b] = vr[b] * ir + vi[b] * ii;
      si[b] = vi[b] * ir - vr[b] * ii;
    }
    let norm = 0;
    for (let b = 0; b < n; b++) {
      const t = this.thetaRow[b];
      if (t >= 0) {
        const d = sr[b] - pSched[b];
        f[t] = d;
        const ad = Math.abs(d);
        if (!(ad <= norm)) norm = ad;
      }
      const v = this.vmRow[b];
      if (v >= 0) {
        const d = si[b] - qSched[b];
        f[v] = d;
        const ad = Math.abs(d);
        if (!(ad <= norm)) norm = ad;
      }
    }
    return norm;
  }

  /** Writes the Jacobian values for the voltages of the last `evaluate`. */
  private fillJacobian(vm: Float64Array): void {
    const { colPtr, rowIdx } = this.y;
    const { sr, si, wr, wi, posPT, posPV, posQT, posQV } = this;
    const j = this.jValues;
    const n = this.y.n;
    for (let k = 0; k < n; k++) {
      const invVmK = 1 / vm[k];
      for (let p = colPtr[k], end = colPtr[k + 1]; p < end; p++) {
        const i = rowIdx[p];
        const wre = wr[p];
        const wim = wi[p];
        if (i !== k) {
          j[posPT[p]] = wim;
          j[posQT[p]] = -wre;
          j[posPV[p]] = wre * invVmK;
          j[posQV[p]] = wim * invVmK;
        } else {
          j[posPT[p]] = wim - si[i];
          j[posQT[p]] = sr[i] - wre;
          j[posPV[p]] = (wre + sr[i]) * invVmK;
          j[posQV[p]] = (wim + si[i]) * invVmK;
        }
      }
    }
  }
}

/**
 * Orders the Jacobian's columns by AMD on the bus graph (Ybus), each bus's unknowns kept together:
 * a graph a quarter the size of the Jacobian's, and 2x2 blocks that the LU treats as supernodes.
 */
function orderUnknownsByBus(
  y: AdmittanceMatrix,
  thetaRow: Int32Array,
  vmRow: Int32Array,
  m: number,
): Int32Array {
  const busOrder = computeAmdOrdering({ n: y.n, colPtr: y.colPtr, rowIdx: y.rowIdx });
  const order = new Int32Array(m);
  let k = 0;
  for (const b of busOrder) {
    if (thetaRow[b] >= 0) order[k++] = thetaRow[b];
    if (vmRow[b] >= 0) order[k++] = vmRow[b];
  }
  return order;
}
