/**
 * Reactive-limit enforcement (MATPOWER `runpf` with `enforce_q_lims`): violators are fixed at the
 * violated limit and their bus becomes PQ; a reference that loses regulation hands over to the first
 * PV bus; when every regulating generator violates the same side there is no solution.
 */
import { describe, expect, it } from 'vitest';
import { runAcPowerFlow } from '../../src/core/powerflow/index.ts';
import { expectPhysicalAcResult, type GridSpec, grid } from './support.ts';

/** Slack a - PV b - load c - PV d, a meshed-enough feeder for limit games. */
function feeder(generators: GridSpec['generators'], loadQMvar = 20): GridSpec {
  return {
    buses: [
      { id: 'a', baseKv: 20, type: 'slack', vaDeg: 4 },
      { id: 'b', baseKv: 20, type: 'pv' },
      { id: 'c', baseKv: 20 },
      { id: 'd', baseKv: 20, type: 'pv' },
    ],
    branches: [
      { id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 },
      { id: 'bc', fromBusId: 'b', toBusId: 'c', rPu: 0.01, xPu: 0.05 },
      { id: 'cd', fromBusId: 'c', toBusId: 'd', rPu: 0.01, xPu: 0.05 },
    ],
    generators,
    loads: [{ id: 'lc', busId: 'c', pMw: 40, qMvar: loadQMvar }],
  };
}

describe('Q-limit enforcement', () => {
  it("moves the reference to the first PV bus when the slack's generator violates, keeping the slack angle", () => {
    const g = grid(
      feeder([
        { id: 'ga', busId: 'a', vSetPu: 1.05, qMinMvar: -1, qMaxMvar: 1 },
        { id: 'gd', busId: 'd', pMw: 10, vSetPu: 1.0 },
      ]),
    );
    const free = runAcPowerFlow(g);
    expect(free.generators.qMvar[0]).toBeGreaterThan(1);
    const r = runAcPowerFlow(g, { enforceQLimits: true });
    expectPhysicalAcResult(g, r);
    expect(Array.from(r.generators.atQLimit)).toEqual([1, 0]);
    expect(r.generators.qMvar[0]).toBe(1);
    // The old slack keeps the P it had when it was fixed; gd now takes up the balance.
    expect(r.generators.pMw[0]).toBeCloseTo(free.generators.pMw[0], 9);
    expect(r.generators.pMw[1]).not.toBeCloseTo(10, 3);
    expect(r.buses.vaDeg[0]).toBeCloseTo(4, 9);
    expect(r.buses.vmPu[0]).toBeLessThan(1.05);
    expect(r.buses.vmPu[3]).toBeCloseTo(1.0, 12);
  });

  it("reports 'q-limits-infeasible' when every regulating generator violates its upper limit", () => {
    const spec = feeder([
      { id: 'ga', busId: 'a', vSetPu: 1.0, qMinMvar: -1, qMaxMvar: 1 },
      { id: 'gb', busId: 'b', pMw: 10, vSetPu: 1.0, qMinMvar: -1, qMaxMvar: 1 },
      { id: 'gd', busId: 'd', pMw: 10, vSetPu: 1.0, qMinMvar: -1, qMaxMvar: 1 },
    ]);
    const g = grid({
      ...spec,
      loads: ['a', 'b', 'c', 'd'].map((busId) => ({ id: `l${busId}`, busId, pMw: 10, qMvar: 20 })),
    });
    const free = runAcPowerFlow(g);
    for (const q of free.generators.qMvar) expect(q).toBeGreaterThan(1);
    const r = runAcPowerFlow(g, { enforceQLimits: true });
    expect(r.status).toBe('q-limits-infeasible');
  });

  it("reports 'q-limits-infeasible' when every regulating generator violates its lower limit", () => {
    const g = grid(
      feeder(
        [
          { id: 'ga', busId: 'a', vSetPu: 1.1, qMinMvar: 100, qMaxMvar: 200 },
          { id: 'gb', busId: 'b', pMw: 10, vSetPu: 1.1, qMinMvar: 100, qMaxMvar: 200 },
        ],
        0,
      ),
    );
    const r = runAcPowerFlow(g, { enforceQLimits: true });
    expect(r.status).toBe('q-limits-infeasible');
  });

  it('fixes both generators of a PV bus at their limits (the proportional split makes them reach limits together)', () => {
    const g = grid(
      feeder([
        { id: 'ga', busId: 'a', vSetPu: 1.0 },
        { id: 'gb1', busId: 'b', pMw: 10, vSetPu: 1.04, qMinMvar: -2, qMaxMvar: 2 },
        { id: 'gb2', busId: 'b', pMw: 5, vSetPu: 1.04, qMinMvar: -1, qMaxMvar: 6 },
      ]),
    );
    const free = runAcPowerFlow(g);
    expect(free.generators.qMvar[1] + free.generators.qMvar[2]).toBeGreaterThan(8);
    // Same fraction of the range for both.
    expect((free.generators.qMvar[1] + 2) / 4).toBeCloseTo((free.generators.qMvar[2] + 1) / 7, 9);
    const r = runAcPowerFlow(g, { enforceQLimits: true });
    expectPhysicalAcResult(g, r);
    expect(Array.from(r.generators.atQLimit)).toEqual([0, 1, 1]);
    expect(r.generators.qMvar[1]).toBe(2);
    expect(r.generators.qMvar[2]).toBe(6);
    expect(r.generators.pMw[1]).toBe(10);
    expect(r.generators.pMw[2]).toBe(5);
    expect(r.buses.vmPu[1]).toBeLessThan(1.04);
  });

  it('a PV bus with a limited and an unlimited generator never violates: the unlimited one absorbs the rest', () => {
    const g = grid(
      feeder([
        { id: 'ga', busId: 'a', vSetPu: 1.0 },
        { id: 'gb1', busId: 'b', pMw: 10, vSetPu: 1.04, qMinMvar: -2, qMaxMvar: 2 },
        { id: 'gb2', busId: 'b', pMw: 5, vSetPu: 1.04 },
      ]),
    );
    const r = runAcPowerFlow(g, { enforceQLimits: true });
    expectPhysicalAcResult(g, r);
    expect(Array.from(r.generators.atQLimit)).toEqual([0, 0, 0]);
    expect(r.generators.qMvar[1]).toBeLessThanOrEqual(2);
    expect(r.generators.qMvar[1]).toBeGreaterThanOrEqual(-2);
    expect(r.buses.vmPu[1]).toBeCloseTo(1.04, 12);
  });

  it('fixes a generator at a PQ bus whose scheduled Q is outside its limits (as MATPOWER)', () => {
    const g = grid(
      feeder([
        { id: 'ga', busId: 'a', vSetPu: 1.0 },
        { id: 'gc', busId: 'c', pMw: 5, qMvar: 8, qMinMvar: -3, qMaxMvar: 3 },
      ]),
    );
    const r = runAcPowerFlow(g, { enforceQLimits: true });
    expectPhysicalAcResult(g, r);
    expect(r.generators.qMvar[1]).toBe(3);
    expect(r.generators.atQLimit[1]).toBe(1);
  });

  it('switches generators on both sides in one round and converges when a regulator remains', () => {
    const g = grid(
      feeder([
        { id: 'ga', busId: 'a', vSetPu: 1.0 },
        { id: 'gb', busId: 'b', pMw: 10, vSetPu: 1.06, qMinMvar: -1, qMaxMvar: 1 },
        { id: 'gd', busId: 'd', pMw: 10, vSetPu: 0.95, qMinMvar: -1, qMaxMvar: 1 },
      ]),
    );
    const free = runAcPowerFlow(g);
    expect(free.generators.qMvar[1]).toBeGreaterThan(1);
    expect(free.generators.qMvar[2]).toBeLessThan(-1);
    const r = runAcPowerFlow(g, { enforceQLimits: true });
    expectPhysicalAcResult(g, r);
    expect(Array.from(r.generators.atQLimit)).toEqual([0, 1, 1]);
    expect(r.generators.qMvar[1]).toBe(1);
    expect(r.generators.qMvar[2]).toBe(-1);
  });

  it('leaves a solution within limits unchanged', () => {
    const g = grid(
      feeder([
        { id: 'ga', busId: 'a', vSetPu: 1.0, qMinMvar: -100, qMaxMvar: 100 },
        { id: 'gd', busId: 'd', pMw: 10, vSetPu: 1.0, qMinMvar: -100, qMaxMvar: 100 },
      ]),
    );
    const free = runAcPowerFlow(g);
    const r = runAcPowerFlow(g, { enforceQLimits: true });
    expect(r.status).toBe('converged');
    expect(r.iterations).toBe(free.iterations);
    expect(Array.from(r.buses.vmPu)).toEqual(Array.from(free.buses.vmPu));
  });
});
