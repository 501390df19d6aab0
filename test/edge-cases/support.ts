/**
 * Helpers for the adversarial power-flow tests: build grids from partial inputs and check the
 * physics of a result with invariants that do not depend on the solver (power balance, Kirchhoff's
 * current law per electrical bus from the reported branch flows, no NaN).
 */
import { expect } from 'vitest';
import { type Grid, type GridInput, parseGrid } from '../../src/core/grid/index.ts';
import type { PowerFlowResult } from '../../src/core/powerflow/index.ts';

export type GridSpec = Omit<GridInput, 'format' | 'version'>;

/** Parses a grid, failing loudly when the input itself is invalid (a bug in the test). */
export function grid(input: GridSpec): Grid {
  const parsed = parseGrid({ format: 'kirchhoff-grid', version: 1, ...input });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.grid;
}

const busActive = (g: Grid, id: string) => {
  const bus = g.buses.find((b) => b.id === id);
  return bus?.inService === true && bus.type !== 'isolated';
};

/** Groups of grid bus indices joined by closed, in-service switches between active buses. */
export function electricalGroups(g: Grid): number[][] {
  const index = new Map(g.buses.map((b, i) => [b.id, i]));
  const parent = g.buses.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : find(parent[i]));
  for (const s of g.switches) {
    if (!s.inService || !s.closed || !busActive(g, s.fromBusId) || !busActive(g, s.toBusId)) continue;
    parent[find(index.get(s.fromBusId)!)] = find(index.get(s.toBusId)!);
  }
  const groups = new Map<number, number[]>();
  g.buses.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}

/**
 * Per grid bus: what its elements inject (generators as reported, DERs, minus loads, shunts at the
 * solved voltage) and what leaves it through its branches, in MW and MVAr.
 */
function busBalances(g: Grid, r: PowerFlowResult) {
  const n = g.buses.length;
  const index = new Map(g.buses.map((b, i) => [b.id, i]));
  const injP = new Float64Array(n);
  const injQ = new Float64Array(n);
  const outP = new Float64Array(n);
  const outQ = new Float64Array(n);
  const at = (id: string) => index.get(id)!;
  g.generators.forEach((gen, k) => {
    injP[at(gen.busId)] += r.generators.pMw[k];
    injQ[at(gen.busId)] += r.generators.qMvar[k];
  });
  for (const l of g.loads) {
    if (!l.inService) continue;
    injP[at(l.busId)] -= l.pMw;
    injQ[at(l.busId)] -= l.qMvar;
  }
  for (const d of [...g.storage, ...g.pv]) {
    if (!d.inService) continue;
    injP[at(d.busId)] += d.pMw;
    injQ[at(d.busId)] += d.qMvar;
  }
  for (const c of g.evChargers) {
    if (!c.inService) continue;
    injP[at(c.busId)] -= c.pMw;
    injQ[at(c.busId)] -= c.qMvar;
  }
  for (const s of g.shunts) {
    if (!s.inService) continue;
    const i = at(s.busId);
    const v2 = r.buses.vmPu[i] ** 2;
    injP[i] -= s.gMw * v2;
    injQ[i] += s.bMvar * v2;
  }
  g.branches.forEach((br, k) => {
    outP[at(br.fromBusId)] += r.branches.pFromMw[k];
    outQ[at(br.fromBusId)] += r.branches.qFromMvar[k];
    outP[at(br.toBusId)] += r.branches.pToMw[k];
    outQ[at(br.toBusId)] += r.branches.qToMvar[k];
  });
  return { injP, injQ, outP, outQ };
}

/**
 * Largest KCL residual over the energised electrical buses (groups of grid buses merged by closed
 * switches), MVA. `reactive` false checks P only (DC).
 */
export function maxKclResidual(g: Grid, r: PowerFlowResult, reactive = true): number {
  const { injP, injQ, outP, outQ } = busBalances(g, r);
  let worst = 0;
  for (const group of electricalGroups(g)) {
    if (!group.some((i) => r.buses.energised[i] === 1)) continue;
    let dp = 0;
    let dq = 0;
    for (const i of group) {
      dp += injP[i] - outP[i];
      dq += injQ[i] - outQ[i];
    }
    worst = Math.max(worst, Math.abs(dp), reactive ? Math.abs(dq) : 0);
  }
  return worst;
}

/**
 * Generation + DER - loads - shunt consumption - losses over the whole grid, MW, counting only
 * elements at energised buses (an element of a de-energised island neither produces nor consumes).
 */
export function activeImbalanceMw(g: Grid, r: PowerFlowResult): number {
  const index = new Map(g.buses.map((b, i) => [b.id, i]));
  const live = (id: string) => r.buses.energised[index.get(id)!] === 1;
  let balance = 0;
  g.generators.forEach((gen, k) => {
    balance += r.generators.pMw[k];
    if (!live(gen.busId)) expect(r.generators.pMw[k], `generator ${gen.id} is de-energised`).toBe(0);
  });
  for (const l of g.loads) if (l.inService && live(l.busId)) balance -= l.pMw;
  for (const d of [...g.storage, ...g.pv]) if (d.inService && live(d.busId)) balance += d.pMw;
  for (const c of g.evChargers) if (c.inService && live(c.busId)) balance -= c.pMw;
  for (const s of g.shunts) {
    if (!s.inService || !live(s.busId)) continue;
    balance -= s.gMw * r.buses.vmPu[index.get(s.busId)!] ** 2;
  }
  return balance - r.losses.pMw;
}

/** Every number of a result, with a path, for NaN hunting. `loadingPercent` is NaN by design without a rating. */
export function nonFiniteEntries(r: PowerFlowResult): string[] {
  const bad: string[] = [];
  const scan = (path: string, values: ArrayLike<number>) => {
    for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) bad.push(`${path}[${i}]`);
  };
  scan('buses.vmPu', r.buses.vmPu);
  scan('buses.vaDeg', r.buses.vaDeg);
  scan('buses.pInjMw', r.buses.pInjMw);
  scan('buses.qInjMvar', r.buses.qInjMvar);
  scan('generators.pMw', r.generators.pMw);
  scan('generators.qMvar', r.generators.qMvar);
  scan('branches.pFromMw', r.branches.pFromMw);
  scan('branches.qFromMvar', r.branches.qFromMvar);
  scan('branches.pToMw', r.branches.pToMw);
  scan('branches.qToMvar', r.branches.qToMvar);
  scan('branches.pLossMw', r.branches.pLossMw);
  scan('branches.qLossMvar', r.branches.qLossMvar);
  scan('losses', [r.losses.pMw, r.losses.qMvar, r.losses.qChargingMvar, r.maxMismatchPu]);
  return bad;
}

/** The checks every converged AC result must pass. */
export function expectPhysicalAcResult(g: Grid, r: PowerFlowResult, toleranceMva = 1e-6): void {
  expect(r.status).toBe('converged');
  expect(nonFiniteEntries(r)).toEqual([]);
  expect(Math.abs(activeImbalanceMw(g, r))).toBeLessThan(toleranceMva);
  expect(maxKclResidual(g, r)).toBeLessThan(toleranceMva);
}

/** Index of a grid element by id. */
export function at(elements: readonly { id: string }[], id: string): number {
  const i = elements.findIndex((e) => e.id === id);
  if (i < 0) throw new Error(`no element "${id}"`);
  return i;
}
