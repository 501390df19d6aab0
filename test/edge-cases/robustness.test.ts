/**
 * Failures are values: non-convergence and singular networks return a status and never throw; a
 * converged solve never reports NaN. A property test throws random meshed grids with switches,
 * islands, taps, shifters, shunts, DER and out-of-service elements at the AC and DC power flows and
 * checks the physics of every converged result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GridInput } from '../../src/core/grid/index.ts';
import {
  compileAcPowerFlow,
  runAcPowerFlow,
  runDcPowerFlow,
  solveAcPowerFlow,
  summarizeAcPowerFlow,
} from '../../src/core/powerflow/index.ts';
import { activeImbalanceMw, grid, maxKclResidual, nonFiniteEntries } from './support.ts';

const twoBus = (loadMw: number, loadMvar: number) =>
  grid({
    buses: [
      { id: 'a', baseKv: 20, type: 'slack' },
      { id: 'b', baseKv: 20 },
    ],
    branches: [{ id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 }],
    generators: [{ id: 'g', busId: 'a' }],
    loads: [{ id: 'l', busId: 'b', pMw: loadMw, qMvar: loadMvar }],
  });

describe('failures are statuses', () => {
  it('an impossible load gives a status, with or without Q limits and from a flat start', () => {
    const g = twoBus(1e6, 1e6);
    for (const options of [
      {},
      { enforceQLimits: true },
      { start: 'flat' as const },
      { maxIterations: 100 },
    ]) {
      const r = runAcPowerFlow(g, options);
      expect(['max-iterations', 'diverged', 'singular']).toContain(r.status);
    }
  });

  it('maxIterations 0 and tolerance 0 end with max-iterations', () => {
    expect(runAcPowerFlow(twoBus(10, 2), { maxIterations: 0 }).status).toBe('max-iterations');
    const r = runAcPowerFlow(twoBus(10, 2), { tolerancePu: 0 });
    expect(r.status).toBe('max-iterations');
    expect(r.iterations).toBe(10);
  });

  it('a grid without any generator is entirely de-energised', () => {
    const g = grid({
      buses: [
        { id: 'a', baseKv: 20, type: 'slack' },
        { id: 'b', baseKv: 20 },
      ],
      branches: [{ id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 }],
      loads: [{ id: 'l', busId: 'b', pMw: 10 }],
    });
    for (const r of [runAcPowerFlow(g), runDcPowerFlow(g)]) {
      expect(r.islands).toEqual({ count: 1, energised: 0, deEnergisedBuses: 2 });
      expect(nonFiniteEntries(r)).toEqual([]);
    }
  });

  it('a single bus with its generator and load is solved without unknowns', () => {
    const g = grid({
      buses: [{ id: 'a', baseKv: 1, type: 'slack' }],
      generators: [{ id: 'g', busId: 'a' }],
      loads: [{ id: 'l', busId: 'a', pMw: 5, qMvar: 1 }],
      shunts: [{ id: 's', busId: 'a', gMw: 1, bMvar: 2 }],
    });
    const r = runAcPowerFlow(g);
    expect(r.status).toBe('converged');
    expect(r.generators.pMw[0]).toBeCloseTo(6, 12);
    expect(r.generators.qMvar[0]).toBeCloseTo(-1, 12);
    expect(runDcPowerFlow(g).generators.pMw[0]).toBeCloseTo(6, 12);
  });

  it('AC solves a purely resistive branch (x = 0, r > 0)', () => {
    const r = runAcPowerFlow(resistive());
    expect(r.status).toBe('converged');
    expect(nonFiniteEntries(r)).toEqual([]);
  });

  // The lossless DC model has no susceptance for a purely resistive branch: it refuses with a
  // message naming the branch instead of returning NaN.
  it('DC refuses a purely resistive branch (x = 0, r > 0) with a message naming it', () => {
    const r = runDcPowerFlow(resistive());
    expect(r.status).toBe('singular');
    expect(r.message).toMatch(/^branch ".+" has zero reactance; the DC model needs x != 0$/);
  });

  it('DC with x = 0 at least reports a failure status', () => {
    expect(runDcPowerFlow(resistive()).status).not.toBe('converged');
  });
});

function resistive() {
  return grid({
    buses: [
      { id: 'a', baseKv: 1, type: 'slack' },
      { id: 'b', baseKv: 1 },
      { id: 'c', baseKv: 1 },
    ],
    branches: [
      { id: 'r', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0 },
      { id: 'x', fromBusId: 'b', toBusId: 'c', rPu: 0.01, xPu: 0.05 },
    ],
    generators: [{ id: 'g', busId: 'a' }],
    loads: [{ id: 'l', busId: 'c', pMw: 10 }],
  });
}

/** A random meshed grid: a spanning tree plus chords, then switches, outages and DERs. */
const arbitraryGrid = fc
  .record({
    n: fc.integer({ min: 3, max: 14 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }), {
      minLength: 400,
      maxLength: 400,
    }),
  })
  .map(({ n, seed }) => {
    let k = 0;
    const u = () => seed[k++ % seed.length];
    const pick = (m: number) => Math.min(m - 1, Math.floor(u() * m));
    const id = (i: number) => `bus-${i}`;
    const type = (i: number) => (i === 0 ? 'slack' : u() < 0.25 ? 'pv' : 'pq');
    const buses = Array.from({ length: n }, (_, i) => ({
      id: id(i),
      baseKv: 20,
      type: type(i) as 'slack' | 'pv' | 'pq',
      vmPu: 0.98 + 0.04 * u(),
      vaDeg: 4 * u() - 2,
      inService: i === 0 || u() > 0.05,
    }));
    const branches: NonNullable<GridInput['branches']> = [];
    const switches: NonNullable<GridInput['switches']> = [];
    for (let i = 1; i < n; i++) {
      const parent = pick(i);
      if (u() < 0.2) {
        switches.push({ id: `sw-${i}`, fromBusId: id(parent), toBusId: id(i), closed: u() < 0.8 });
      } else {
        branches.push({
          id: `br-${i}`,
          kind: u() < 0.2 ? 'transformer' : 'line',
          fromBusId: id(parent),
          toBusId: id(i),
          rPu: 0.002 + 0.02 * u(),
          xPu: 0.01 + 0.06 * u(),
          bPu: 0.02 * u(),
          tapRatio: u() < 0.2 ? 0.95 + 0.1 * u() : 1,
          shiftDeg: u() < 0.1 ? 6 * u() - 3 : 0,
          inService: u() > 0.1,
        });
      }
    }
    for (let c = 0; c < Math.floor(n / 3); c++) {
      const f = pick(n);
      const t = pick(n);
      if (f !== t) {
        branches.push({
          id: `chord-${c}`,
          fromBusId: id(f),
          toBusId: id(t),
          rPu: 0.01,
          xPu: 0.04 + 0.05 * u(),
        });
      }
    }
    // Generators only at slack and PV buses (see islands.test.ts for generators in dead islands).
    const generators = buses
      .filter((b) => b.type !== 'pq')
      .map((b, j) => ({
        id: `gen-${j}`,
        busId: b.id,
        pMw: b.type === 'slack' ? 0 : 10 * u(),
        vSetPu: 0.98 + 0.05 * u(),
        qMinMvar: u() < 0.5 ? -5 - 20 * u() : undefined,
        qMaxMvar: u() < 0.5 ? 5 + 20 * u() : undefined,
        inService: b.type === 'slack' || u() > 0.1,
      }));
    const loads = buses
      .slice(1)
      .map((b) => ({ id: `load-${b.id}`, busId: b.id, pMw: 6 * u(), qMvar: 2 * u() }));
    const shunts = buses
      .filter(() => u() < 0.2)
      .map((b) => ({ id: `sh-${b.id}`, busId: b.id, gMw: u(), bMvar: 4 * u() - 1 }));
    const pv = buses
      .filter(() => u() < 0.2)
      .map((b) => ({ id: `pv-${b.id}`, busId: b.id, capacityMw: 3, pMw: 3 * u(), qMvar: u() - 0.5 }));
    const evChargers = buses
      .filter(() => u() < 0.2)
      .map((b) => ({ id: `ev-${b.id}`, busId: b.id, pMaxMw: 2, pMw: 2 * u(), qMvar: 0.2 * u() }));
    return grid({ buses, branches, switches, generators, loads, shunts, pv, evChargers });
  });

describe('random meshed grids (property)', () => {
  it('every converged AC solve balances power per electrical bus and overall and has no NaN', () => {
    let converged = 0;
    fc.assert(
      fc.property(arbitraryGrid, fc.boolean(), (g, enforceQLimits) => {
        const r = runAcPowerFlow(g, { enforceQLimits, maxIterations: 30 });
        if (r.status !== 'converged') return true;
        converged++;
        expect(nonFiniteEntries(r)).toEqual([]);
        expect(maxKclResidual(g, r)).toBeLessThan(1e-5);
        expect(Math.abs(activeImbalanceMw(g, r))).toBeLessThan(1e-5);
        if (enforceQLimits) {
          g.generators.forEach((gen, k) => {
            if (!gen.inService || r.generators.atQLimit[k]) return;
            if (r.buses.energised[g.buses.findIndex((b) => b.id === gen.busId)] === 0) return;
            expect(r.generators.qMvar[k]).toBeLessThanOrEqual((gen.qMaxMvar ?? Infinity) + 1e-5);
            expect(r.generators.qMvar[k]).toBeGreaterThanOrEqual((gen.qMinMvar ?? -Infinity) - 1e-5);
          });
        }
        return true;
      }),
      { numRuns: 300, seed: 20240611 },
    );
    expect(converged).toBeGreaterThan(200);
  });

  it('every DC solve balances power per electrical bus and has no NaN', () => {
    fc.assert(
      fc.property(arbitraryGrid, (g) => {
        const r = runDcPowerFlow(g);
        expect(r.status).toBe('converged');
        expect(nonFiniteEntries(r)).toEqual([]);
        expect(maxKclResidual(g, r, false)).toBeLessThan(1e-8);
        return true;
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });
});

describe('starting point and angles', () => {
  const rotated = (vaDeg: number) =>
    grid({
      buses: [
        { id: 'a', baseKv: 1, type: 'slack', vaDeg },
        { id: 'b', baseKv: 1, vaDeg },
      ],
      branches: [{ id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 }],
      generators: [{ id: 'g', busId: 'a' }],
      loads: [{ id: 'l', busId: 'b', pMw: 50 }],
    });

  it('rotating every case angle rotates the solution (case start)', () => {
    const r0 = runAcPowerFlow(rotated(0));
    const r90 = runAcPowerFlow(rotated(90));
    expect(r90.status).toBe('converged');
    expect(r90.buses.vmPu[1]).toBeCloseTo(r0.buses.vmPu[1], 12);
    expect(r90.buses.vaDeg[1] - 90).toBeCloseTo(r0.buses.vaDeg[1], 9);
  });

  // Regression (found in review, fixed): ac-power-flow.ts `solveAcPowerFlow` (flat start): non-reference angles are set to 0 while the
  // reference keeps its case angle. With the slack at 90 deg the flat start begins 90 deg away from
  // the operating point and "converges" to the low-voltage solution (|V_b| = 0.026 p.u., slack
  // 430 MW for a 50 MW load). A flat start should put every bus of an island at its reference angle.
  it('a flat start with a non-zero reference angle finds the normal operating point', () => {
    const caseStart = runAcPowerFlow(rotated(90));
    const flat = runAcPowerFlow(rotated(90), { start: 'flat' });
    expect(flat.status).toBe('converged');
    expect(flat.buses.vmPu[1]).toBeCloseTo(caseStart.buses.vmPu[1], 9);
    expect(flat.generators.pMw[0]).toBeCloseTo(caseStart.generators.pMw[0], 6);
  });

  // As MATPOWER (pfsoln: angle(V)), AC angles are reported wrapped to (-180, 180]; DC angles (as
  // MATPOWER's dcpf) are not, so a slack at 200 deg reads -160 in AC and 200 in DC.
  it('AC reports angles wrapped to (-180, 180] and DC unwrapped, as MATPOWER does', () => {
    const ac = runAcPowerFlow(rotated(200));
    const dc = runDcPowerFlow(rotated(200));
    expect(dc.buses.vaDeg[0]).toBeCloseTo(200, 12);
    expect(ac.buses.vaDeg[0]).toBeCloseTo(-160, 12);
  });
});

describe('compiled models are reusable and inputs are not mutated', () => {
  it('solving one compiled model with and without Q limits, in any order, gives the fresh results', () => {
    const g = grid({
      buses: [
        { id: 'a', baseKv: 20, type: 'slack' },
        { id: 'b', baseKv: 20, type: 'pv' },
        { id: 'c', baseKv: 20 },
      ],
      branches: [
        { id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 },
        { id: 'bc', fromBusId: 'b', toBusId: 'c', rPu: 0.01, xPu: 0.05 },
      ],
      generators: [
        { id: 'ga', busId: 'a', vSetPu: 1.05, qMinMvar: -1, qMaxMvar: 1 },
        { id: 'gb', busId: 'b', pMw: 5, vSetPu: 1.0 },
      ],
      loads: [{ id: 'l', busId: 'c', pMw: 20, qMvar: 5 }],
    });
    const snapshot = structuredClone(g);
    const model = compileAcPowerFlow(g);
    const run = (enforceQLimits: boolean) =>
      summarizeAcPowerFlow(model, solveAcPowerFlow(model, { enforceQLimits }));
    const limited1 = run(true);
    const free = run(false);
    const limited2 = run(true);
    expect(Array.from(limited1.buses.vmPu)).toEqual(Array.from(limited2.buses.vmPu));
    expect(Array.from(free.buses.vmPu)).toEqual(Array.from(runAcPowerFlow(g).buses.vmPu));
    expect(Array.from(limited1.generators.qMvar)).toEqual(
      Array.from(runAcPowerFlow(g, { enforceQLimits: true }).generators.qMvar),
    );
    expect(g).toEqual(snapshot);
  });
});
