/**
 * DC power flow off the MATPOWER-reference path: phase shifters (MATPOWER `pf = b (θf - θt - shift)`),
 * off-nominal taps (`b = 1 / (x tap)`), negative reactances, islands, shunt conductance and singular B.
 */
import { describe, expect, it } from 'vitest';
import { runAcPowerFlow, runDcPowerFlow } from '../../src/core/powerflow/index.ts';
import { grid, maxKclResidual, nonFiniteEntries } from './support.ts';

const RAD = Math.PI / 180;

/** Slack a and load bus b joined by a line and a phase shifter in parallel. */
function shifterLoop(shiftDeg: number, tapRatio = 1, rPu = 0) {
  return grid({
    buses: [
      { id: 'a', baseKv: 220, type: 'slack', vaDeg: 3 },
      { id: 'b', baseKv: 220 },
    ],
    branches: [
      { id: 'line', fromBusId: 'a', toBusId: 'b', rPu, xPu: 0.1 },
      { id: 'pst', kind: 'transformer', fromBusId: 'a', toBusId: 'b', rPu, xPu: 0.1, shiftDeg, tapRatio },
    ],
    generators: [{ id: 'g', busId: 'a' }],
    loads: [{ id: 'l', busId: 'b', pMw: 100 }],
  });
}

describe('DC phase shifters', () => {
  it('shift flow from the shifter to the parallel line as pf = b (θf - θt - shift)', () => {
    const s = 2 * RAD;
    const r = runDcPowerFlow(shifterLoop(2));
    expect(r.status).toBe('converged');
    // (2Δ - s) / 0.1 = 1 p.u.  =>  Δ = (0.1 + s) / 2
    const delta = (0.1 + s) / 2;
    expect(r.branches.pFromMw[0]).toBeCloseTo((delta / 0.1) * 100, 9);
    expect(r.branches.pFromMw[1]).toBeCloseTo(((delta - s) / 0.1) * 100, 9);
    expect(r.branches.pToMw[1]).toBeCloseTo(-r.branches.pFromMw[1], 12);
    expect(r.buses.vaDeg[0]).toBeCloseTo(3, 12);
    expect(r.buses.vaDeg[1]).toBeCloseTo(3 - delta / RAD, 9);
    expect(r.generators.pMw[0]).toBeCloseTo(100, 9);
    expect(maxKclResidual(shifterLoop(2), r, false)).toBeLessThan(1e-9);
  });

  it('a negative shift pushes flow the other way', () => {
    const plus = runDcPowerFlow(shifterLoop(2));
    const minus = runDcPowerFlow(shifterLoop(-2));
    expect(plus.branches.pFromMw[1]).toBeLessThan(50);
    expect(minus.branches.pFromMw[1]).toBeGreaterThan(50);
    expect(plus.branches.pFromMw[1] + minus.branches.pFromMw[1]).toBeCloseTo(100, 9);
  });

  it('uses b = 1 / (x tap) for the shifter with an off-nominal tap', () => {
    const s = 2 * RAD;
    const tap = 1.1;
    const r = runDcPowerFlow(shifterLoop(2, tap));
    const b1 = 10;
    const b2 = 1 / (0.1 * tap);
    const delta = (1 + b2 * s) / (b1 + b2);
    expect(r.branches.pFromMw[0]).toBeCloseTo(b1 * delta * 100, 9);
    expect(r.branches.pFromMw[1]).toBeCloseTo(b2 * (delta - s) * 100, 9);
  });

  it('agrees in direction and size with the AC flow on a low-loss network', () => {
    const dc = runDcPowerFlow(shifterLoop(5));
    const ac = runAcPowerFlow(shifterLoop(5, 1, 0.001));
    expect(ac.status).toBe('converged');
    expect(Math.abs(ac.branches.pFromMw[1] - dc.branches.pFromMw[1])).toBeLessThan(2);
    expect(Math.abs(ac.branches.pFromMw[0] - dc.branches.pFromMw[0])).toBeLessThan(2);
  });
});

describe('DC with negative reactance and islands', () => {
  it('series compensation (x < 0) reduces the path reactance', () => {
    const g = grid({
      buses: [
        { id: 'a', baseKv: 220, type: 'slack' },
        { id: 'm', baseKv: 220 },
        { id: 'b', baseKv: 220 },
      ],
      branches: [
        { id: 'direct', fromBusId: 'a', toBusId: 'b', rPu: 0, xPu: 0.1 },
        { id: 'a-m', fromBusId: 'a', toBusId: 'm', rPu: 0, xPu: 0.15 },
        { id: 'cap', fromBusId: 'm', toBusId: 'b', rPu: 0, xPu: -0.05 },
      ],
      generators: [{ id: 'g', busId: 'a' }],
      loads: [{ id: 'l', busId: 'b', pMw: 100 }],
    });
    const r = runDcPowerFlow(g);
    expect(r.status).toBe('converged');
    expect(r.branches.pFromMw[0]).toBeCloseTo(50, 9);
    expect(r.branches.pFromMw[1]).toBeCloseTo(50, 9);
    expect(r.branches.pFromMw[2]).toBeCloseTo(50, 9);
    // θm = -0.5 * 0.15 rad is below θb = -0.5 * 0.1 rad: the capacitor raises the angle.
    expect(r.buses.vaDeg[1]).toBeLessThan(r.buses.vaDeg[2]);
  });

  it('returns singular, without NaN and without throwing, when parallel reactances cancel', () => {
    const g = grid({
      buses: [
        { id: 'a', baseKv: 220, type: 'slack' },
        { id: 'b', baseKv: 220 },
      ],
      branches: [
        { id: 'x1', fromBusId: 'a', toBusId: 'b', rPu: 0, xPu: 0.1 },
        { id: 'x2', fromBusId: 'a', toBusId: 'b', rPu: 0, xPu: -0.1 },
      ],
      generators: [{ id: 'g', busId: 'a' }],
      loads: [{ id: 'l', busId: 'b', pMw: 10 }],
    });
    const dc = runDcPowerFlow(g);
    expect(dc.status).toBe('singular');
    expect(nonFiniteEntries(dc)).toEqual([]);
    const ac = runAcPowerFlow(g);
    expect(['singular', 'diverged', 'max-iterations']).toContain(ac.status);
  });

  it('solves islands with shifters and shunt conductance, each balanced by its own reference', () => {
    const g = grid({
      buses: [
        { id: 'a', baseKv: 220, type: 'slack' },
        { id: 'b', baseKv: 220 },
        { id: 'c', baseKv: 220 },
        { id: 'x', baseKv: 220, type: 'pv', vaDeg: -4 },
        { id: 'y', baseKv: 220 },
        { id: 'dead', baseKv: 220 },
      ],
      branches: [
        { id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0, xPu: 0.1 },
        { id: 'bc', fromBusId: 'b', toBusId: 'c', rPu: 0, xPu: 0.1, shiftDeg: -3 },
        { id: 'ca', fromBusId: 'c', toBusId: 'a', rPu: 0, xPu: 0.2 },
        { id: 'xy', fromBusId: 'x', toBusId: 'y', rPu: 0, xPu: 0.05, shiftDeg: 10, tapRatio: 0.95 },
        { id: 'y-dead', fromBusId: 'y', toBusId: 'dead', rPu: 0, xPu: 0.05, inService: false },
      ],
      generators: [
        { id: 'ga', busId: 'a' },
        { id: 'gx', busId: 'x', pMw: 5 },
      ],
      loads: [
        { id: 'lb', busId: 'b', pMw: 30 },
        { id: 'lc', busId: 'c', pMw: 20 },
        { id: 'ly', busId: 'y', pMw: 15 },
        { id: 'ldead', busId: 'dead', pMw: 50 },
      ],
      shunts: [{ id: 'gsh', busId: 'c', gMw: 2 }],
    });
    const r = runDcPowerFlow(g);
    expect(r.status).toBe('converged');
    expect(nonFiniteEntries(r)).toEqual([]);
    expect(r.generators.pMw[0]).toBeCloseTo(52, 9);
    expect(r.generators.pMw[1]).toBeCloseTo(15, 9);
    expect(r.buses.vaDeg[3]).toBeCloseTo(-4, 12);
    expect(Array.from(r.buses.energised)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(r.branches.pFromMw[3]).toBeCloseTo(15, 9);
    expect(maxKclResidual(g, r, false)).toBeLessThan(1e-9);
  });
});
