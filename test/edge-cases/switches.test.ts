/**
 * Switches in the AC and DC power flow: closed switches merge buses into one electrical bus, open or
 * out-of-service ones separate them. Each case is checked against the same grid merged by hand, and
 * with Kirchhoff's current law per electrical bus.
 */
import { describe, expect, it } from 'vitest';
import { runAcPowerFlow, runDcPowerFlow } from '../../src/core/powerflow/index.ts';
import { at, expectPhysicalAcResult, grid, maxKclResidual } from './support.ts';

describe('closed switch between a slack bus and a PQ bus', () => {
  const switched = grid({
    buses: [
      { id: 's', baseKv: 20, type: 'slack', vmPu: 1.02 },
      { id: 'q', baseKv: 20 },
      { id: 'far', baseKv: 20 },
    ],
    branches: [{ id: 'q-far', fromBusId: 'q', toBusId: 'far', rPu: 0.02, xPu: 0.06, bPu: 0.01 }],
    switches: [{ id: 'sw', fromBusId: 's', toBusId: 'q', closed: true }],
    generators: [{ id: 'g', busId: 's', vSetPu: 1.02 }],
    loads: [
      { id: 'lq', busId: 'q', pMw: 5, qMvar: 2 },
      { id: 'lfar', busId: 'far', pMw: 20, qMvar: 6 },
    ],
    shunts: [{ id: 'cap', busId: 'q', bMvar: 3 }],
  });
  const merged = grid({
    buses: [
      { id: 's', baseKv: 20, type: 'slack', vmPu: 1.02 },
      { id: 'far', baseKv: 20 },
    ],
    branches: [{ id: 'q-far', fromBusId: 's', toBusId: 'far', rPu: 0.02, xPu: 0.06, bPu: 0.01 }],
    generators: [{ id: 'g', busId: 's', vSetPu: 1.02 }],
    loads: [
      { id: 'lq', busId: 's', pMw: 5, qMvar: 2 },
      { id: 'lfar', busId: 'far', pMw: 20, qMvar: 6 },
    ],
    shunts: [{ id: 'cap', busId: 's', bMvar: 3 }],
  });

  it('gives the same AC solution as the buses merged by hand', () => {
    const r = runAcPowerFlow(switched);
    const m = runAcPowerFlow(merged);
    expectPhysicalAcResult(switched, r);
    expect(r.iterations).toBe(m.iterations);
    expect(r.buses.vmPu[at(switched.buses, 'q')]).toBeCloseTo(1.02, 12);
    expect(r.buses.vaDeg[at(switched.buses, 'q')]).toBeCloseTo(0, 12);
    expect(r.buses.vmPu[2]).toBeCloseTo(m.buses.vmPu[1], 12);
    expect(r.buses.vaDeg[2]).toBeCloseTo(m.buses.vaDeg[1], 10);
    expect(r.generators.pMw[0]).toBeCloseTo(m.generators.pMw[0], 9);
    expect(r.generators.qMvar[0]).toBeCloseTo(m.generators.qMvar[0], 9);
    expect(r.branches.pFromMw[0]).toBeCloseTo(m.branches.pFromMw[0], 9);
  });

  it('reports every member of the merged bus as energised with the same voltage', () => {
    const r = runAcPowerFlow(switched);
    expect(Array.from(r.buses.energised)).toEqual([1, 1, 1]);
    expect(r.buses.vmPu[0]).toBe(r.buses.vmPu[1]);
    expect(r.buses.vaDeg[0]).toBe(r.buses.vaDeg[1]);
    // The net injection of the electrical bus is reported once, on its first grid bus.
    const m = runAcPowerFlow(merged);
    expect(r.buses.pInjMw[0]).toBeCloseTo(m.buses.pInjMw[0], 9);
    expect(r.buses.pInjMw[1]).toBe(0);
  });

  it('gives the same DC solution as the buses merged by hand', () => {
    const r = runDcPowerFlow(switched);
    const m = runDcPowerFlow(merged);
    expect(r.status).toBe('converged');
    expect(r.generators.pMw[0]).toBeCloseTo(25, 10);
    expect(r.buses.vaDeg[2]).toBeCloseTo(m.buses.vaDeg[1], 10);
    expect(maxKclResidual(switched, r, false)).toBeLessThan(1e-9);
  });
});

describe('switch chains', () => {
  it('merges a chain of closed switches into one electrical bus, whatever their orientation', () => {
    const chain = grid({
      buses: [
        { id: 's', baseKv: 20, type: 'slack' },
        { id: 'b1', baseKv: 20 },
        { id: 'b2', baseKv: 20 },
        { id: 'b3', baseKv: 20 },
        { id: 'b4', baseKv: 20 },
      ],
      branches: [{ id: 's-b1', fromBusId: 's', toBusId: 'b1', rPu: 0.01, xPu: 0.04 }],
      switches: [
        { id: 'sw12', fromBusId: 'b1', toBusId: 'b2', closed: true },
        { id: 'sw32', fromBusId: 'b3', toBusId: 'b2', closed: true },
        { id: 'sw34', fromBusId: 'b3', toBusId: 'b4', closed: true },
      ],
      generators: [{ id: 'g', busId: 's' }],
      loads: [
        { id: 'l2', busId: 'b2', pMw: 10, qMvar: 3 },
        { id: 'l4', busId: 'b4', pMw: 7, qMvar: 1 },
      ],
    });
    const byHand = grid({
      buses: [
        { id: 's', baseKv: 20, type: 'slack' },
        { id: 'b', baseKv: 20 },
      ],
      branches: [{ id: 's-b', fromBusId: 's', toBusId: 'b', rPu: 0.01, xPu: 0.04 }],
      generators: [{ id: 'g', busId: 's' }],
      loads: [{ id: 'l', busId: 'b', pMw: 17, qMvar: 4 }],
    });
    const r = runAcPowerFlow(chain);
    const m = runAcPowerFlow(byHand);
    expectPhysicalAcResult(chain, r);
    for (let i = 1; i <= 4; i++) {
      expect(r.buses.vmPu[i]).toBeCloseTo(m.buses.vmPu[1], 12);
      expect(r.buses.vaDeg[i]).toBeCloseTo(m.buses.vaDeg[1], 10);
    }
    expect(r.generators.pMw[0]).toBeCloseTo(m.generators.pMw[0], 9);
  });

  it('a closed switch whose ends are already merged (a loop of switches) changes nothing', () => {
    const loop = grid({
      buses: [
        { id: 's', baseKv: 20, type: 'slack' },
        { id: 'b1', baseKv: 20 },
        { id: 'b2', baseKv: 20 },
      ],
      branches: [{ id: 's-b1', fromBusId: 's', toBusId: 'b1', rPu: 0.01, xPu: 0.04 }],
      switches: [
        { id: 'sw-a', fromBusId: 'b1', toBusId: 'b2', closed: true },
        { id: 'sw-b', fromBusId: 'b2', toBusId: 'b1', closed: true },
      ],
      generators: [{ id: 'g', busId: 's' }],
      loads: [{ id: 'l', busId: 'b2', pMw: 10, qMvar: 3 }],
    });
    expectPhysicalAcResult(loop, runAcPowerFlow(loop));
  });
});

describe('switch between two PV buses with different set-points', () => {
  const twoPv = grid({
    buses: [
      { id: 's', baseKv: 110, type: 'slack' },
      { id: 'p1', baseKv: 110, type: 'pv' },
      { id: 'p2', baseKv: 110, type: 'pv' },
      { id: 'l', baseKv: 110 },
    ],
    branches: [
      { id: 's-p1', fromBusId: 's', toBusId: 'p1', rPu: 0.01, xPu: 0.05 },
      { id: 'p2-l', fromBusId: 'p2', toBusId: 'l', rPu: 0.01, xPu: 0.05 },
      { id: 'l-s', fromBusId: 'l', toBusId: 's', rPu: 0.01, xPu: 0.05 },
    ],
    switches: [{ id: 'sw', fromBusId: 'p1', toBusId: 'p2', closed: true }],
    generators: [
      { id: 'gs', busId: 's' },
      { id: 'g1', busId: 'p1', pMw: 20, vSetPu: 1.01, qMinMvar: -10, qMaxMvar: 30 },
      { id: 'g2', busId: 'p2', pMw: 30, vSetPu: 1.04, qMinMvar: -20, qMaxMvar: 20 },
    ],
    loads: [{ id: 'load', busId: 'l', pMw: 80, qMvar: 30 }],
  });

  it('holds the set-point of the last generator (MATPOWER), keeps both P schedules and splits Q by range', () => {
    const r = runAcPowerFlow(twoPv);
    expectPhysicalAcResult(twoPv, r);
    expect(r.buses.vmPu[1]).toBeCloseTo(1.04, 12);
    expect(r.buses.vmPu[2]).toBeCloseTo(1.04, 12);
    expect(r.generators.pMw[1]).toBe(20);
    expect(r.generators.pMw[2]).toBe(30);
    // Proportional split: both reach the same fraction of their range.
    const f1 = (r.generators.qMvar[1] + 10) / 40;
    const f2 = (r.generators.qMvar[2] + 20) / 40;
    expect(f1).toBeCloseTo(f2, 9);
  });

  it('matches the two generators placed on one bus by hand', () => {
    const byHand = grid({
      buses: [
        { id: 's', baseKv: 110, type: 'slack' },
        { id: 'p', baseKv: 110, type: 'pv' },
        { id: 'l', baseKv: 110 },
      ],
      branches: [
        { id: 's-p1', fromBusId: 's', toBusId: 'p', rPu: 0.01, xPu: 0.05 },
        { id: 'p2-l', fromBusId: 'p', toBusId: 'l', rPu: 0.01, xPu: 0.05 },
        { id: 'l-s', fromBusId: 'l', toBusId: 's', rPu: 0.01, xPu: 0.05 },
      ],
      generators: [
        { id: 'gs', busId: 's' },
        { id: 'g1', busId: 'p', pMw: 20, vSetPu: 1.01, qMinMvar: -10, qMaxMvar: 30 },
        { id: 'g2', busId: 'p', pMw: 30, vSetPu: 1.04, qMinMvar: -20, qMaxMvar: 20 },
      ],
      loads: [{ id: 'load', busId: 'l', pMw: 80, qMvar: 30 }],
    });
    const r = runAcPowerFlow(twoPv);
    const m = runAcPowerFlow(byHand);
    for (let k = 0; k < 3; k++) {
      expect(r.generators.pMw[k]).toBeCloseTo(m.generators.pMw[k], 9);
      expect(r.generators.qMvar[k]).toBeCloseTo(m.generators.qMvar[k], 9);
    }
  });
});

describe('switches that do not merge', () => {
  const base = {
    buses: [
      { id: 's', baseKv: 20, type: 'slack' as const },
      { id: 'a', baseKv: 20 },
      { id: 'b', baseKv: 20 },
    ],
    branches: [{ id: 's-a', fromBusId: 's', toBusId: 'a', rPu: 0.01, xPu: 0.04 }],
    generators: [{ id: 'g', busId: 's' }],
    loads: [
      { id: 'la', busId: 'a', pMw: 4, qMvar: 1 },
      { id: 'lb', busId: 'b', pMw: 6, qMvar: 2 },
    ],
  };

  it('an open switch leaves the bus behind it de-energised and its load unserved', () => {
    const g = grid({ ...base, switches: [{ id: 'sw', fromBusId: 'a', toBusId: 'b', closed: false }] });
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    expect(Array.from(r.buses.energised)).toEqual([1, 1, 0]);
    expect(r.buses.vmPu[2]).toBe(0);
    expect(Math.abs(r.generators.pMw[0] - 4 - r.losses.pMw)).toBeLessThan(1e-6);
    expect(r.islands).toEqual({ count: 2, energised: 1, deEnergisedBuses: 1 });
  });

  it('a closed but out-of-service switch does not merge', () => {
    const g = grid({
      ...base,
      switches: [{ id: 'sw', fromBusId: 'a', toBusId: 'b', closed: true, inService: false }],
    });
    expect(Array.from(runAcPowerFlow(g).buses.energised)).toEqual([1, 1, 0]);
  });

  it('a closed switch to an out-of-service bus does not energise it nor its elements', () => {
    const g = grid({
      ...base,
      buses: [...base.buses.slice(0, 2), { id: 'b', baseKv: 20, inService: false }],
      switches: [{ id: 'sw', fromBusId: 'a', toBusId: 'b', closed: true }],
      generators: [...base.generators, { id: 'gb', busId: 'b', pMw: 3 }],
    });
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    expect(r.buses.energised[2]).toBe(0);
    expect(r.generators.pMw[1]).toBe(0);
    expect(Math.abs(r.generators.pMw[0] - 4 - r.losses.pMw)).toBeLessThan(1e-6);
  });

  it('a closed switch to an isolated-type bus does not energise it', () => {
    const g = grid({
      ...base,
      buses: [...base.buses.slice(0, 2), { id: 'b', baseKv: 20, type: 'isolated' }],
      switches: [{ id: 'sw', fromBusId: 'a', toBusId: 'b', closed: true }],
    });
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    expect(r.buses.energised[2]).toBe(0);
  });
});

describe('merged buses: kinds, reference angles, parallel branches', () => {
  // Regression (found in review, fixed): compile-network.ts: the starting voltage (and so the reference angle) of a merged bus is
  // taken from its first grid bus (`gridBusOfBus`), not from its slack member. A slack whose vaDeg
  // is 30 but which is switched to an earlier-listed PQ bus is solved at angle 0.
  const slackSecond = grid({
    buses: [
      { id: 'q', baseKv: 20, vaDeg: 0 },
      { id: 's', baseKv: 20, type: 'slack', vaDeg: 30 },
      { id: 'l', baseKv: 20 },
    ],
    switches: [{ id: 'sw', fromBusId: 'q', toBusId: 's', closed: true }],
    branches: [{ id: 'q-l', fromBusId: 'q', toBusId: 'l', rPu: 0.01, xPu: 0.05 }],
    generators: [{ id: 'g', busId: 's' }],
    loads: [{ id: 'load', busId: 'l', pMw: 10 }],
  });

  it('AC: the slack keeps its case angle when it is not the first bus of its merged group', () => {
    const r = runAcPowerFlow(slackSecond);
    expect(r.status).toBe('converged');
    expect(r.buses.vaDeg[1]).toBeCloseTo(30, 9);
  });

  it('DC: the slack keeps its case angle when it is not the first bus of its merged group', () => {
    const r = runDcPowerFlow(slackSecond);
    expect(r.buses.vaDeg[1]).toBeCloseTo(30, 9);
  });

  // Regression (found in review, fixed): compile-network.ts (`requested` kind of a merged bus): the kind is the strongest *type* among
  // the members, regardless of which member has a generator. A slack-typed bus whose generator is out
  // of service, switched to a PQ bus with a small generator, turns that generator into a second
  // slack: it takes up half the system balance instead of injecting its 2 MW + j0.5 MVAr.
  const dgBehindDeadSlack = {
    buses: [
      { id: 'a', baseKv: 20, type: 'slack' as const },
      { id: 'b', baseKv: 20 },
      { id: 'c', baseKv: 20, type: 'slack' as const },
      { id: 'd', baseKv: 20 },
    ],
    branches: [
      { id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 },
      { id: 'bc', fromBusId: 'b', toBusId: 'c', rPu: 0.01, xPu: 0.05 },
    ],
    switches: [{ id: 'sw', fromBusId: 'c', toBusId: 'd', closed: true }],
    generators: [
      { id: 'ga', busId: 'a' },
      { id: 'gc', busId: 'c', inService: false },
      { id: 'dg', busId: 'd', pMw: 2, qMvar: 0.5 },
    ],
    loads: [{ id: 'l', busId: 'b', pMw: 10, qMvar: 3 }],
  };

  it('AC: a generator at a PQ bus switched to a slack bus without generator keeps its schedule', () => {
    const r = runAcPowerFlow(grid(dgBehindDeadSlack));
    expect(r.status).toBe('converged');
    expect(r.generators.pMw[2]).toBeCloseTo(2, 9);
    expect(r.generators.qMvar[2]).toBeCloseTo(0.5, 9);
  });

  it('DC: a generator at a PQ bus switched to a slack bus without generator keeps its schedule', () => {
    const r = runDcPowerFlow(grid(dgBehindDeadSlack));
    expect(r.generators.pMw[2]).toBeCloseTo(2, 9);
    expect(r.generators.pMw[0]).toBeCloseTo(8, 9);
  });

  it('a PV generator switched to a gen-less slack bus stays PV when its island has a slack', () => {
    const g = grid({
      ...dgBehindDeadSlack,
      buses: dgBehindDeadSlack.buses.map((b) => (b.id === 'd' ? { ...b, type: 'pv' as const } : b)),
      generators: [
        { id: 'ga', busId: 'a' },
        { id: 'gc', busId: 'c', inService: false },
        { id: 'gd', busId: 'd', pMw: 2, vSetPu: 1.0 },
      ],
    });
    const r = runAcPowerFlow(g);
    expect(r.generators.pMw[2]).toBeCloseTo(2, 9);
  });

  // Regression (found in review, fixed): compile-network.ts: a branch whose two ends are merged by a closed switch is dropped
  // (`f !== t`), and with it its line-charging susceptance, which is still energised at both ends
  // (If = (Yff + Yft) V = j b/2 V per end when tap = 1). The reactive balance then misses b V^2.
  it('keeps the line charging of a branch paralleled by a closed switch', () => {
    const withSwitch = grid({
      buses: [
        { id: 's', baseKv: 20, type: 'slack' },
        { id: 'b1', baseKv: 20 },
        { id: 'b2', baseKv: 20 },
      ],
      branches: [
        { id: 's-b1', fromBusId: 's', toBusId: 'b1', rPu: 0.01, xPu: 0.05 },
        { id: 'cable', fromBusId: 'b1', toBusId: 'b2', rPu: 0.01, xPu: 0.02, bPu: 0.4 },
      ],
      switches: [{ id: 'bypass', fromBusId: 'b1', toBusId: 'b2', closed: true }],
      generators: [{ id: 'g', busId: 's' }],
      loads: [{ id: 'l', busId: 'b2', pMw: 10, qMvar: 3 }],
    });
    // By hand: the cable's charging becomes a 0.4 p.u. (40 MVAr at 1 p.u.) shunt on the merged bus.
    const byHand = grid({
      buses: [
        { id: 's', baseKv: 20, type: 'slack' },
        { id: 'b', baseKv: 20 },
      ],
      branches: [{ id: 's-b1', fromBusId: 's', toBusId: 'b', rPu: 0.01, xPu: 0.05 }],
      generators: [{ id: 'g', busId: 's' }],
      loads: [{ id: 'l', busId: 'b', pMw: 10, qMvar: 3 }],
      shunts: [{ id: 'charging', busId: 'b', bMvar: 40 }],
    });
    const r = runAcPowerFlow(withSwitch);
    const m = runAcPowerFlow(byHand);
    expect(r.generators.qMvar[0]).toBeCloseTo(m.generators.qMvar[0], 6);
    expect(r.buses.vmPu[2]).toBeCloseTo(m.buses.vmPu[1], 9);
    expect(r.losses.qChargingMvar).toBeGreaterThan(0);
  });
});
