/**
 * Splits the dispatch's locational prices into energy, congestion and loss parts, per bus and
 * interval:
 *   energy_it     = the price at the island's reference bus
 *   congestion_it = sum_k mu_kt PTDF_ki / dt      (binding flow limits, PTDF_k = b_k (e_f - e_t)' B^-1)
 *   loss_it       = price_it - energy_it - congestion_it   (the priced r f^2 losses; 0 without them)
 * B is the DC susceptance matrix without the reference rows, factored once.
 */
import { buildCscFromTriplets, SparseLu } from '../../core/math/index.ts';

export interface PriceSplitInput {
  readonly nBus: number;
  readonly intervalCount: number;
  readonly intervalH: number;
  readonly isRef: Uint8Array;
  readonly islandOfBus: Int32Array;
  readonly branchFrom: Int32Array;
  readonly branchTo: Int32Array;
  /** Branch susceptance 1/(x tap), p.u. (0 for branches that are out or self-loops). */
  readonly b: Float64Array;
  /** Price per bus and interval (index bus * T + t), cost per MWh. */
  readonly price: Float64Array;
  /** Binding flow-limit rows: branch, interval and the row's dual (cost per MW per interval). */
  readonly limitDuals: readonly { readonly k: number; readonly t: number; readonly dual: number }[];
}

export function decomposePrices(input: PriceSplitInput): {
  energy: Float64Array;
  congestion: Float64Array;
  loss: Float64Array;
} {
  const { nBus: n, intervalCount: T } = input;
  const unknown = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) if (!input.isRef[i]) unknown[i] = m++;
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const add = (i: number, j: number, v: number) => {
    if (unknown[i] >= 0 && unknown[j] >= 0) {
      rows.push(unknown[i]);
      cols.push(unknown[j]);
      vals.push(v);
    }
  };
  for (let i = 0; i < m; i++) add(i, i, 0);
  for (let k = 0; k < input.b.length; k++) {
    const f = input.branchFrom[k];
    const t = input.branchTo[k];
    if (f < 0 || f === t || input.b[k] === 0) continue;
    add(f, f, input.b[k]);
    add(f, t, -input.b[k]);
    add(t, f, -input.b[k]);
    add(t, t, input.b[k]);
  }
  const congestion = new Float64Array(n * T);
  if (m > 0 && input.limitDuals.some((d) => d.dual !== 0)) {
    const { matrix } = buildCscFromTriplets(m, m, rows, cols, vals);
    const lu = new SparseLu({ n: m, colPtr: matrix.colPtr, rowIdx: matrix.rowIdx });
    if (lu.factor(matrix.values).status === 'ok') {
      const ptdfOf = new Map<number, Float64Array>();
      for (const { k, t, dual } of input.limitDuals) {
        if (dual === 0) continue;
        let ptdf = ptdfOf.get(k);
        if (ptdf === undefined) {
          const rhs = new Float64Array(m);
          const f = input.branchFrom[k];
          const to = input.branchTo[k];
          if (unknown[f] >= 0) rhs[unknown[f]] += input.b[k];
          if (unknown[to] >= 0) rhs[unknown[to]] -= input.b[k];
          lu.solve(rhs);
          ptdf = Float64Array.from({ length: n }, (_, i) => (unknown[i] >= 0 ? rhs[unknown[i]] : 0));
          ptdfOf.set(k, ptdf);
        }
        for (let i = 0; i < n; i++) congestion[i * T + t] += (dual * ptdf[i]) / input.intervalH;
      }
    }
  }
  const refOfIsland = new Map<number, number>();
  for (let i = 0; i < n; i++) if (input.isRef[i]) refOfIsland.set(input.islandOfBus[i], i);
  const energy = new Float64Array(n * T);
  const loss = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    const ref = refOfIsland.get(input.islandOfBus[i]) ?? i;
    for (let t = 0; t < T; t++) {
      energy[i * T + t] = input.price[ref * T + t];
      loss[i * T + t] = input.price[i * T + t] - energy[i * T + t] - congestion[i * T + t];
    }
  }
  return { energy, congestion, loss };
}
