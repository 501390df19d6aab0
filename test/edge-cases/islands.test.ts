/**
 * Islands and bus kinds: every island gets its own reference (a slack with a generator, else its first
 * PV bus) or is de-energised; out-of-service and isolated buses drop out with everything attached.
 */
import { describe, expect, it } from 'vitest';
import { runAcPowerFlow, runDcPowerFlow } from '../../src/core/powerflow/index.ts';
import { activeImbalanceMw, expectPhysicalAcResult, grid, maxKclResidual } from './support.ts';

describe('several islands', () => {
  const twoSlacks = grid({
    buses: [
      { id: 'a', baseKv: 20, type: 'slack', vaDeg: 0 },
      { id: 'b', baseKv: 20 },
      { id: 'x', baseKv: 20, type: 'slack', vaDeg: 12 },
      { id: 'y', baseKv: 20 },
    ],
    branches: [
      { id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 },
      { id: 'xy', fromBusId: 'x', toBusId: 'y', rPu: 0.02, xPu: 0.04 },
    ],
    generators: [
      { id: 'ga', busId: 'a', vSetPu: 1.01 },
      { id: 'gx', busId: 'x', vSetPu: 0.99 },
    ],
    loads: [
      { id: 'lb', busId: 'b', pMw: 10, qMvar: 2 },
      { id: 'ly', busId: 'y', pMw: 20, qMvar: 5 },
    ],
  });

  it('AC: each slack holds its own angle and magnitude and balances only its own island', () => {
    const r = runAcPowerFlow(twoSlacks);
    expectPhysicalAcResult(twoSlacks, r);
    expect(r.islands).toEqual({ count: 2, energised: 2, deEnergisedBuses: 0 });
    expect(r.buses.vaDeg[0]).toBeCloseTo(0, 12);
    expect(r.buses.vaDeg[2]).toBeCloseTo(12, 12);
    expect(r.buses.vmPu[2]).toBeCloseTo(0.99, 12);
    expect(r.generators.pMw[0]).toBeCloseTo(10 + r.branches.pLossMw[0], 6);
    expect(r.generators.pMw[1]).toBeCloseTo(20 + r.branches.pLossMw[1], 6);
  });

  it('DC: each island is balanced by its own slack', () => {
    const r = runDcPowerFlow(twoSlacks);
    expect(r.status).toBe('converged');
    expect(r.generators.pMw[0]).toBeCloseTo(10, 10);
    expect(r.generators.pMw[1]).toBeCloseTo(20, 10);
    expect(r.buses.vaDeg[2]).toBeCloseTo(12, 12);
    expect(maxKclResidual(twoSlacks, r, false)).toBeLessThan(1e-9);
  });

  it('an island whose only generator is out of service is de-energised', () => {
    const g = grid({
      ...twoSlacks,
      generators: [
        { id: 'ga', busId: 'a', vSetPu: 1.01 },
        { id: 'gx', busId: 'x', vSetPu: 0.99, inService: false },
      ],
    });
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    expect(Array.from(r.buses.energised)).toEqual([1, 1, 0, 0]);
    expect(r.islands).toEqual({ count: 2, energised: 1, deEnergisedBuses: 2 });
    expect(r.generators.pMw[1]).toBe(0);
    expect(r.generators.qMvar[1]).toBe(0);
    expect(r.branches.pFromMw[1]).toBe(0);
    const dc = runDcPowerFlow(g);
    expect(dc.generators.pMw[0]).toBeCloseTo(10, 10);
    expect(Array.from(dc.buses.energised)).toEqual([1, 1, 0, 0]);
  });

  it('an island of one PV bus with a generator becomes its own reference and serves its load', () => {
    const g = grid({
      buses: [
        { id: 'a', baseKv: 20, type: 'slack' },
        { id: 'b', baseKv: 20 },
        { id: 'lone', baseKv: 20, type: 'pv', vaDeg: -7 },
      ],
      branches: [{ id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 }],
      generators: [
        { id: 'ga', busId: 'a' },
        { id: 'gl', busId: 'lone', pMw: 99, vSetPu: 1.03 },
      ],
      loads: [
        { id: 'lb', busId: 'b', pMw: 10 },
        { id: 'll', busId: 'lone', pMw: 4, qMvar: 1.5 },
      ],
      shunts: [{ id: 'sh', busId: 'lone', gMw: 1, bMvar: 2 }],
    });
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    expect(r.buses.vmPu[2]).toBeCloseTo(1.03, 12);
    expect(r.buses.vaDeg[2]).toBeCloseTo(-7, 12);
    // Load plus shunt at V = 1.03: P = 4 + 1 * 1.03^2, Q = 1.5 - 2 * 1.03^2.
    expect(r.generators.pMw[1]).toBeCloseTo(4 + 1.03 ** 2, 9);
    expect(r.generators.qMvar[1]).toBeCloseTo(1.5 - 2 * 1.03 ** 2, 9);
  });
});

describe('reference selection (MATPOWER bustypes)', () => {
  const g = grid({
    buses: [
      { id: 's', baseKv: 110, type: 'slack', vaDeg: 5 },
      { id: 'p1', baseKv: 110, type: 'pv', vaDeg: -3 },
      { id: 'q', baseKv: 110 },
      { id: 'p2', baseKv: 110, type: 'pv', vaDeg: -8 },
    ],
    branches: [
      { id: 's-p1', fromBusId: 's', toBusId: 'p1', rPu: 0.01, xPu: 0.05 },
      { id: 'p1-q', fromBusId: 'p1', toBusId: 'q', rPu: 0.01, xPu: 0.05 },
      { id: 'q-p2', fromBusId: 'q', toBusId: 'p2', rPu: 0.01, xPu: 0.05 },
    ],
    generators: [
      { id: 'gs', busId: 's', pMw: 50, inService: false },
      { id: 'g1', busId: 'p1', pMw: 10, vSetPu: 1.02 },
      { id: 'g2', busId: 'p2', pMw: 15, vSetPu: 1.01 },
    ],
    loads: [
      { id: 'ls', busId: 's', pMw: 5, qMvar: 1 },
      { id: 'lq', busId: 'q', pMw: 40, qMvar: 10 },
    ],
  });

  it('a slack without an in-service generator is PQ; the first PV bus becomes the reference at its case angle', () => {
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    expect(r.buses.vaDeg[1]).toBeCloseTo(-3, 12);
    expect(r.buses.vmPu[1]).toBeCloseTo(1.02, 12);
    expect(r.buses.vmPu[0]).not.toBeCloseTo(1, 6);
    expect(r.generators.pMw[0]).toBe(0);
    expect(r.generators.pMw[2]).toBe(15);
    expect(r.generators.pMw[1]).toBeCloseTo(30 + r.losses.pMw, 6);
  });

  it('DC: the same reference takes up the balance', () => {
    const r = runDcPowerFlow(g);
    expect(r.generators.pMw[1]).toBeCloseTo(30, 10);
    expect(r.generators.pMw[2]).toBe(15);
    expect(r.buses.vaDeg[1]).toBeCloseTo(-3, 12);
  });
});

describe('out-of-service and isolated buses', () => {
  it('drop out together with their elements and the branches to them', () => {
    const g = grid({
      buses: [
        { id: 's', baseKv: 20, type: 'slack' },
        { id: 'a', baseKv: 20 },
        { id: 'off', baseKv: 20, type: 'pv', inService: false },
        { id: 'iso', baseKv: 20, type: 'isolated' },
      ],
      branches: [
        { id: 's-a', fromBusId: 's', toBusId: 'a', rPu: 0.01, xPu: 0.05, bPu: 0.02 },
        { id: 'a-off', fromBusId: 'a', toBusId: 'off', rPu: 0.01, xPu: 0.05, bPu: 0.02 },
        { id: 'a-iso', fromBusId: 'a', toBusId: 'iso', rPu: 0.01, xPu: 0.05, bPu: 0.02 },
      ],
      generators: [
        { id: 'gs', busId: 's' },
        { id: 'g-off', busId: 'off', pMw: 10, qMvar: 3 },
        { id: 'g-iso', busId: 'iso', pMw: 10, qMvar: 3 },
      ],
      loads: [
        { id: 'la', busId: 'a', pMw: 5 },
        { id: 'l-off', busId: 'off', pMw: 7 },
        { id: 'l-iso', busId: 'iso', pMw: 9 },
      ],
      shunts: [{ id: 'sh-iso', busId: 'iso', gMw: 3, bMvar: 3 }],
      pv: [{ id: 'pv-off', busId: 'off', capacityMw: 2, pMw: 2 }],
    });
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    expect(Array.from(r.buses.energised)).toEqual([1, 1, 0, 0]);
    expect(Array.from(r.generators.pMw.subarray(1))).toEqual([0, 0]);
    expect(Array.from(r.branches.pFromMw.subarray(1))).toEqual([0, 0]);
    expect(r.losses.qChargingMvar).toBeGreaterThan(0);
    expect(r.islands.deEnergisedBuses).toBe(2);
    const dc = runDcPowerFlow(g);
    expect(dc.generators.pMw[0]).toBeCloseTo(5, 10);
  });
});

describe('islands: generators of dead islands, references after Q-limit switching', () => {
  // Regression (found in review, fixed): generator-dispatch.ts `dispatchGenerators` (and summarize-ac-power-flow.ts, dc-power-flow.ts):
  // generators in a de-energised island keep `bus >= 0`; `kind[b] !== PQ` is true for DEAD, so they are
  // treated as regulating: the result reports their scheduled pMw and a qMvar equal to the island's
  // load Q. A generator at a PQ bus cut off by an open switch or a tripped line reports 3 MW, 2 MVAr.
  const deadIslandWithGenerator = grid({
    buses: [
      { id: 'a', baseKv: 20, type: 'slack' },
      { id: 'b', baseKv: 20 },
      { id: 'c', baseKv: 20 },
    ],
    branches: [{ id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 }],
    switches: [{ id: 'open', fromBusId: 'b', toBusId: 'c', closed: false }],
    generators: [
      { id: 'ga', busId: 'a' },
      { id: 'dg', busId: 'c', pMw: 3, qMvar: 1, qMinMvar: -0.5, qMaxMvar: 0.5 },
    ],
    loads: [
      { id: 'lb', busId: 'b', pMw: 10 },
      { id: 'lc', busId: 'c', pMw: 4, qMvar: 2 },
    ],
  });

  it('the bus of a generator at a PQ bus without any voltage source is de-energised', () => {
    const r = runAcPowerFlow(deadIslandWithGenerator);
    expect(r.status).toBe('converged');
    expect(Array.from(r.buses.energised)).toEqual([1, 1, 0]);
  });

  it('AC: a generator in a de-energised island reports zero output', () => {
    const r = runAcPowerFlow(deadIslandWithGenerator);
    expect(r.generators.pMw[1]).toBe(0);
    expect(r.generators.qMvar[1]).toBe(0);
  });

  it('AC: power balance holds with a generator in a de-energised island', () => {
    const r = runAcPowerFlow(deadIslandWithGenerator);
    expect(Math.abs(activeImbalanceMw(deadIslandWithGenerator, r))).toBeLessThan(1e-6);
  });

  it('DC: a generator in a de-energised island reports zero output', () => {
    const r = runDcPowerFlow(deadIslandWithGenerator);
    expect(r.generators.pMw[1]).toBe(0);
  });

  // Regression (found in review, fixed): q-limit-switching.ts `switchViolatingGenerators`: the same dead generator (its fake qMvar of
  // 2 MVAr is above its 0.5 MVAr limit) counts as a violator; since the only regulating generator
  // (ga) is not violating, violators.length === regulating (1 === 1) and the grid is declared
  // 'q-limits-infeasible'. With a second violator the DEAD bus is turned into a PQ bus at |V| = 0.
  it('AC with Q limits: a generator in a de-energised island does not make the grid infeasible', () => {
    const r = runAcPowerFlow(deadIslandWithGenerator, { enforceQLimits: true });
    expect(r.status).toBe('converged');
  });

  it('AC with Q limits: a dead generator violating alongside a live one does not revive its bus', () => {
    // gb violates its lower limit and dg (dead) its upper one: the round is not 'infeasible', so
    // dg's DEAD bus is switched to PQ at |V| = 0, the Jacobian gets 1/|V| = Infinity and the
    // solve ends 'singular', with the dead bus reported energised.
    const g = grid({
      ...deadIslandWithGenerator,
      buses: deadIslandWithGenerator.buses.map((b) => (b.id === 'b' ? { ...b, type: 'pv' as const } : b)),
      generators: [
        { id: 'ga', busId: 'a' },
        { id: 'gb', busId: 'b', pMw: 1, vSetPu: 0.95, qMinMvar: -0.1, qMaxMvar: 0.1 },
        { id: 'dg', busId: 'c', pMw: 3, qMvar: 1, qMinMvar: -0.5, qMaxMvar: 0.5 },
      ],
    });
    const r = runAcPowerFlow(g, { enforceQLimits: true });
    expect(r.status).toBe('converged');
    expect(r.buses.energised[2]).toBe(0);
  });

  // Regression (found in review, fixed): ac-power-flow.ts `restoreReferenceAngle`: after Q-limit switching moves the reference of the
  // FIRST island, the angle shift is applied to every energised bus, including other islands, whose
  // slack then leaves its case angle (12 deg -> about 11.4 deg here).
  const islandsWithQLimits = (limitedIsland: 'first' | 'second') => {
    const limits = { qMinMvar: -1, qMaxMvar: 1 };
    return grid({
      buses: [
        { id: 'a', baseKv: 20, type: 'slack', vaDeg: 0 },
        { id: 'b', baseKv: 20, type: 'pv', vaDeg: 0 },
        { id: 'c', baseKv: 20 },
        { id: 'x', baseKv: 20, type: 'slack', vaDeg: 12 },
        { id: 'y', baseKv: 20, type: 'pv', vaDeg: 12 },
        { id: 'z', baseKv: 20 },
      ],
      branches: [
        { id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 },
        { id: 'bc', fromBusId: 'b', toBusId: 'c', rPu: 0.01, xPu: 0.05 },
        { id: 'xy', fromBusId: 'x', toBusId: 'y', rPu: 0.01, xPu: 0.05 },
        { id: 'yz', fromBusId: 'y', toBusId: 'z', rPu: 0.01, xPu: 0.05 },
      ],
      generators: [
        { id: 'ga', busId: 'a', vSetPu: 1.05, ...(limitedIsland === 'first' ? limits : {}) },
        { id: 'gb', busId: 'b', pMw: 10, vSetPu: 1.0 },
        { id: 'gx', busId: 'x', vSetPu: 1.05, ...(limitedIsland === 'second' ? limits : {}) },
        { id: 'gy', busId: 'y', pMw: 10, vSetPu: 1.0 },
      ],
      loads: [
        { id: 'lc', busId: 'c', pMw: 20, qMvar: 5 },
        { id: 'lz', busId: 'z', pMw: 20, qMvar: 5 },
      ],
    });
  };

  it('Q limits move the reference of the limited island; the original reference keeps its angle', () => {
    const r = runAcPowerFlow(islandsWithQLimits('first'), { enforceQLimits: true });
    expect(r.status).toBe('converged');
    expect(r.generators.atQLimit[0]).toBe(1);
    expect(r.generators.qMvar[0]).toBeCloseTo(1, 9);
    expect(r.buses.vaDeg[0]).toBeCloseTo(0, 9);
    expect(maxKclResidual(islandsWithQLimits('first'), r)).toBeLessThan(1e-6);
  });

  it('Q limits in the first island leave the slack angle of the second island alone', () => {
    const r = runAcPowerFlow(islandsWithQLimits('first'), { enforceQLimits: true });
    expect(r.buses.vaDeg[3]).toBeCloseTo(12, 9);
  });

  // Same function: only the first island's original reference is restored. When the second island's
  // slack hits its limit, its new reference (y) keeps y's case angle and x drifts away from 12 deg.
  it('Q limits in the second island: its original slack keeps its case angle', () => {
    const r = runAcPowerFlow(islandsWithQLimits('second'), { enforceQLimits: true });
    expect(r.status).toBe('converged');
    expect(r.generators.atQLimit[2]).toBe(1);
    expect(r.buses.vaDeg[3]).toBeCloseTo(12, 9);
  });
});
