/**
 * Reactive-limit enforcement by PV-to-PQ switching (MATPOWER `runpf` with `enforce_q_lims = 1`):
 * after a converged solve, every generator outside [Qmin, Qmax] (by more than 5e-6 MVAr) is fixed
 * at the violated limit, its bus becomes PQ, and the power flow is solved again from the present
 * voltages. A reference bus that loses its regulation hands the role to the first PV bus of its
 * island. If every remaining regulating generator violates the same side, there is no solution.
 */
import { PQ, PV, REF } from './bus-kind.ts';
import type { GeneratorState } from './generator-dispatch.ts';

export const Q_LIMIT_TOLERANCE_MVAR = 5e-6;

export interface QLimitState {
  readonly kind: Uint8Array;
  readonly gens: GeneratorState;
  readonly pFixedPu: Float64Array;
  readonly qFixedPu: Float64Array;
  /** Generators fixed at a limit so far (grid order), and their electrical bus. */
  readonly limited: number[];
  readonly limitedBus: number[];
}

/**
 * Applies one round of switching to `state` (in place). Returns `'none'` when no generator
 * violates a limit, `'switched'` after fixing the violators, or `'infeasible'`.
 */
export function switchViolatingGenerators(
  state: QLimitState,
  baseMva: number,
  islandOfBus: Int32Array,
): 'none' | 'switched' | 'infeasible' {
  const { gens, kind } = state;
  const above: number[] = [];
  const below: number[] = [];
  let regulating = 0;
  for (let g = 0; g < gens.bus.length; g++) {
    const b = gens.bus[g];
    if (b < 0) continue;
    if (kind[b] === PV || kind[b] === REF) regulating++;
    if (gens.qMvar[g] > gens.qMaxMvar[g] + Q_LIMIT_TOLERANCE_MVAR) above.push(g);
    else if (gens.qMvar[g] < gens.qMinMvar[g] - Q_LIMIT_TOLERANCE_MVAR) below.push(g);
  }
  const violators = above.concat(below);
  if (violators.length === 0) return 'none';
  const allRegulatingViolate =
    violators.length === regulating && violators.every((g) => kind[gens.bus[g]] !== PQ);
  if (allRegulatingViolate && (above.length === 0 || below.length === 0)) return 'infeasible';

  const lostRef = new Set<number>();
  for (const g of violators) {
    const b = gens.bus[g];
    gens.qMvar[g] = above.includes(g) ? gens.qMaxMvar[g] : gens.qMinMvar[g];
    state.pFixedPu[b] += gens.pMw[g] / baseMva;
    state.qFixedPu[b] += gens.qMvar[g] / baseMva;
    gens.bus[g] = -1;
    state.limited.push(g);
    state.limitedBus.push(b);
    if (kind[b] === REF) lostRef.add(islandOfBus[b]);
    kind[b] = PQ;
  }
  for (const island of lostRef) {
    let hasRef = false;
    let firstPv = -1;
    for (let b = 0; b < kind.length; b++) {
      if (islandOfBus[b] !== island) continue;
      if (kind[b] === REF) hasRef = true;
      else if (kind[b] === PV && firstPv < 0) firstPv = b;
    }
    if (hasRef) continue;
    if (firstPv < 0) return 'infeasible';
    kind[firstPv] = REF;
  }
  return 'switched';
}
