import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Grid, type GridInput, parseGrid } from '../grid/index.ts';
import { runAcPowerFlow, runDcPowerFlow } from './index.ts';

function grid(input: Omit<GridInput, 'format' | 'version'>): Grid {
  const parsed = parseGrid({ format: 'kirchhoff-grid', version: 1, ...input });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.grid;
}

/** Three buses in a line: slack a - b - c, load at c. */
function feeder(extra: Partial<Omit<GridInput, 'format' | 'version'>> = {}): Grid {
  return grid({
    baseMva: 10,
    buses: [
      { id: 'a', baseKv: 20, type: 'slack', vmPu: 1.02 },
      { id: 'b', baseKv: 20 },
      { id: 'c', baseKv: 20 },
    ],
    branches: [
      { id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.02, bPu: 0.001 },
      { id: 'bc', fromBusId: 'b', toBusId: 'c', rPu: 0.02, xPu: 0.03 },
    ],
    generators: [{ id: 'g', busId: 'a', vSetPu: 1.02 }],
    loads: [{ id: 'load', busId: 'c', pMw: 2, qMvar: 0.5 }],
    ...extra,
  });
}

/** Generation minus consumption minus losses, MW (zero when the solution is right). */
function activeImbalanceMw(g: Grid, r: ReturnType<typeof runAcPowerFlow>): number {
  let balance = 0;
  for (const p of r.generators.pMw) balance += p;
  for (const l of g.loads) if (l.inService) balance -= l.pMw;
  for (const s of g.storage) if (s.inService) balance += s.pMw;
  for (const p of g.pv) if (p.inService) balance += p.pMw;
  for (const e of g.evChargers) if (e.inService) balance -= e.pMw;
  g.shunts.forEach((s) => {
    const i = g.buses.findIndex((b) => b.id === s.busId);
    balance -= s.gMw * r.buses.vmPu[i] ** 2;
  });
  return balance - r.losses.pMw;
}

describe('AC power flow on small grids', () => {
  it('converges on a feeder, balances power and drops voltage along it', () => {
    const g = feeder();
    const r = runAcPowerFlow(g);
    expect(r.status).toBe('converged');
    expect(r.iterations).toBeGreaterThanOrEqual(2);
    expect(r.iterations).toBeLessThanOrEqual(4);
    expect(r.buses.vmPu[0]).toBeCloseTo(1.02, 12);
    expect(r.buses.vmPu[1]).toBeLessThan(1.02);
    expect(r.buses.vmPu[2]).toBeLessThan(r.buses.vmPu[1]);
    expect(Math.abs(activeImbalanceMw(g, r))).toBeLessThan(1e-6);
    // Series losses are positive and equal to pFrom + pTo on each branch.
    for (let k = 0; k < 2; k++) {
      expect(r.branches.pLossMw[k]).toBeGreaterThan(0);
      expect(r.branches.pFromMw[k] + r.branches.pToMw[k]).toBeCloseTo(r.branches.pLossMw[k], 9);
    }
  });

  it('treats DER output as negative load: PV and battery reduce the slack output', () => {
    const without = runAcPowerFlow(feeder());
    const withDer = runAcPowerFlow(
      feeder({
        pv: [{ id: 'pv', busId: 'c', capacityMw: 1, pMw: 0.8 }],
        storage: [
          {
            id: 'bat',
            busId: 'b',
            energyCapacityMwh: 2,
            energyMwh: 1,
            pChargeMaxMw: 1,
            pDischargeMaxMw: 1,
            pMw: 0.5,
          },
        ],
        evChargers: [{ id: 'ev', busId: 'c', pMaxMw: 0.2, pMw: 0.1 }],
      }),
    );
    expect(withDer.status).toBe('converged');
    const net = 0.8 + 0.5 - 0.1;
    expect(without.generators.pMw[0] - withDer.generators.pMw[0]).toBeGreaterThan(net);
    expect(without.losses.pMw).toBeGreaterThan(withDer.losses.pMw);
  });

  it('merges buses joined by a closed switch, like one bus', () => {
    const switched = grid({
      buses: [
        { id: 'a', baseKv: 20, type: 'slack' },
        { id: 'b1', baseKv: 20 },
        { id: 'b2', baseKv: 20 },
      ],
      branches: [{ id: 'ab', fromBusId: 'a', toBusId: 'b1', rPu: 0.01, xPu: 0.05 }],
      switches: [{ id: 's', fromBusId: 'b1', toBusId: 'b2', closed: true }],
      generators: [{ id: 'g', busId: 'a' }],
      loads: [{ id: 'l', busId: 'b2', pMw: 30, qMvar: 10 }],
    });
    const single = grid({
      buses: [
        { id: 'a', baseKv: 20, type: 'slack' },
        { id: 'b1', baseKv: 20 },
      ],
      branches: [{ id: 'ab', fromBusId: 'a', toBusId: 'b1', rPu: 0.01, xPu: 0.05 }],
      generators: [{ id: 'g', busId: 'a' }],
      loads: [{ id: 'l', busId: 'b1', pMw: 30, qMvar: 10 }],
    });
    const r1 = runAcPowerFlow(switched);
    const r2 = runAcPowerFlow(single);
    expect(r1.status).toBe('converged');
    expect(r1.buses.vmPu[1]).toBeCloseTo(r2.buses.vmPu[1], 12);
    expect(r1.buses.vmPu[2]).toBeCloseTo(r2.buses.vmPu[1], 12);
    expect(r1.generators.pMw[0]).toBeCloseTo(r2.generators.pMw[0], 9);
  });

  it('de-energises an island without generation and solves one with its own generator', () => {
    const g = grid({
      buses: [
        { id: 'a', baseKv: 20, type: 'slack' },
        { id: 'b', baseKv: 20 },
        { id: 'c', baseKv: 20 },
        { id: 'd', baseKv: 20, type: 'pv' },
        { id: 'e', baseKv: 20 },
      ],
      branches: [
        { id: 'ab', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.05 },
        { id: 'bc', fromBusId: 'b', toBusId: 'c', rPu: 0.01, xPu: 0.05, inService: false },
        { id: 'de', fromBusId: 'd', toBusId: 'e', rPu: 0.01, xPu: 0.05 },
      ],
      generators: [
        { id: 'g1', busId: 'a' },
        { id: 'g2', busId: 'd', vSetPu: 1.01 },
      ],
      loads: [
        { id: 'lb', busId: 'b', pMw: 10 },
        { id: 'lc', busId: 'c', pMw: 10 },
        { id: 'le', busId: 'e', pMw: 5 },
      ],
    });
    const r = runAcPowerFlow(g);
    expect(r.status).toBe('converged');
    expect(r.islands).toEqual({ count: 3, energised: 2, deEnergisedBuses: 1 });
    expect(Array.from(r.buses.energised)).toEqual([1, 1, 0, 1, 1]);
    expect(r.buses.vmPu[2]).toBe(0);
    expect(r.branches.pFromMw[1]).toBe(0);
    // The PV generator of the second island became its reference and carries its load.
    expect(r.buses.vmPu[3]).toBeCloseTo(1.01, 12);
    expect(r.generators.pMw[1]).toBeGreaterThan(5);
  });

  it('returns a status instead of throwing when the load cannot be supplied', () => {
    const g = feeder({ loads: [{ id: 'load', busId: 'c', pMw: 5000, qMvar: 2000 }] });
    const r = runAcPowerFlow(g);
    expect(['max-iterations', 'diverged', 'singular']).toContain(r.status);
  });

  it('holds generators within reactive limits when asked, at the cost of voltage', () => {
    const g = feeder({
      buses: [
        { id: 'a', baseKv: 20, type: 'slack' },
        { id: 'b', baseKv: 20, type: 'pv' },
        { id: 'c', baseKv: 20 },
      ],
      generators: [
        { id: 'g', busId: 'a' },
        { id: 'pv-gen', busId: 'b', pMw: 1, vSetPu: 1.05, qMinMvar: -0.5, qMaxMvar: 0.5 },
      ],
    });
    const free = runAcPowerFlow(g);
    expect(free.generators.qMvar[1]).toBeGreaterThan(0.5);
    const limited = runAcPowerFlow(g, { enforceQLimits: true });
    expect(limited.status).toBe('converged');
    expect(limited.generators.qMvar[1]).toBeCloseTo(0.5, 12);
    expect(limited.generators.atQLimit[1]).toBe(1);
    expect(limited.buses.vmPu[1]).toBeLessThan(1.05);
  });
});

describe('DC power flow', () => {
  it('splits flow over parallel paths by reactance and puts the balance on the slack', () => {
    const g = grid({
      buses: [
        { id: 'a', baseKv: 110, type: 'slack' },
        { id: 'b', baseKv: 110 },
      ],
      branches: [
        { id: 'x1', fromBusId: 'a', toBusId: 'b', rPu: 0, xPu: 0.1 },
        { id: 'x2', fromBusId: 'a', toBusId: 'b', rPu: 0, xPu: 0.3 },
      ],
      generators: [{ id: 'g', busId: 'a' }],
      loads: [{ id: 'l', busId: 'b', pMw: 100 }],
    });
    const r = runDcPowerFlow(g);
    expect(r.branches.pFromMw[0]).toBeCloseTo(75, 10);
    expect(r.branches.pFromMw[1]).toBeCloseTo(25, 10);
    expect(r.generators.pMw[0]).toBeCloseTo(100, 10);
    // theta_b = -P x_eq = -1 p.u. * 0.075 rad
    expect(r.buses.vaDeg[1]).toBeCloseTo((-0.075 * 180) / Math.PI, 10);
  });
});

describe('power balance on random radial grids (property)', () => {
  it('holds after every converged AC solve', () => {
    const arbitraryGrid = fc
      .array(
        fc.record({
          parent: fc.nat(),
          r: fc.double({ min: 0.001, max: 0.05, noNaN: true }),
          x: fc.double({ min: 0.001, max: 0.1, noNaN: true }),
          p: fc.double({ min: -2, max: 5, noNaN: true }),
          q: fc.double({ min: -1, max: 2, noNaN: true }),
        }),
        { minLength: 1, maxLength: 25 },
      )
      .map((nodes) =>
        grid({
          baseMva: 100,
          buses: [
            { id: '0', baseKv: 20, type: 'slack' },
            ...nodes.map((_, i) => ({ id: String(i + 1), baseKv: 20 })),
          ],
          branches: nodes.map((n, i) => ({
            id: `br${i}`,
            fromBusId: String(n.parent % (i + 1)),
            toBusId: String(i + 1),
            rPu: n.r,
            xPu: n.x,
          })),
          generators: [{ id: 'g', busId: '0' }],
          loads: nodes.map((n, i) => ({ id: `l${i}`, busId: String(i + 1), pMw: n.p, qMvar: n.q })),
        }),
      );
    let converged = 0;
    fc.assert(
      fc.property(arbitraryGrid, (g) => {
        const r = runAcPowerFlow(g, { maxIterations: 20 });
        if (r.status !== 'converged') return true;
        converged++;
        return Math.abs(activeImbalanceMw(g, r)) < 1e-5;
      }),
      { numRuns: 200, seed: 42 },
    );
    // The property must not pass vacuously: most of these lightly loaded grids converge.
    expect(converged).toBeGreaterThan(150);
  });
});
