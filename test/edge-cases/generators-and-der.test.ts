/**
 * Generator outputs and DER injections: who takes up the balance, how reactive power is split at a
 * bus (MATPOWER `pfsoln`), generators at PQ buses, and storage/PV/EV at PV and slack buses, whose
 * injections must not be reported as generator output.
 */
import { describe, expect, it } from 'vitest';
import { runAcPowerFlow, runDcPowerFlow } from '../../src/core/powerflow/index.ts';
import { expectPhysicalAcResult, type GridSpec, grid } from './support.ts';

/** Slack s - PV p - load bus q. */
function threeBus(extra: Partial<GridSpec> = {}): GridSpec {
  return {
    buses: [
      { id: 's', baseKv: 110, type: 'slack' },
      { id: 'p', baseKv: 110, type: 'pv' },
      { id: 'q', baseKv: 110 },
    ],
    branches: [
      { id: 's-p', fromBusId: 's', toBusId: 'p', rPu: 0.01, xPu: 0.05, bPu: 0.02 },
      { id: 'p-q', fromBusId: 'p', toBusId: 'q', rPu: 0.01, xPu: 0.05, bPu: 0.02 },
      { id: 'q-s', fromBusId: 'q', toBusId: 's', rPu: 0.02, xPu: 0.08 },
    ],
    generators: [
      { id: 'gs', busId: 's', vSetPu: 1.01 },
      { id: 'gp', busId: 'p', pMw: 30, vSetPu: 1.02 },
    ],
    loads: [{ id: 'lq', busId: 'q', pMw: 60, qMvar: 25 }],
    ...extra,
  };
}

describe('reactive power split at one bus', () => {
  const twoAtPv = (
    a: { qMinMvar?: number; qMaxMvar?: number },
    b: { qMinMvar?: number; qMaxMvar?: number },
  ) =>
    grid(
      threeBus({
        generators: [
          { id: 'gs', busId: 's', vSetPu: 1.01 },
          { id: 'p1', busId: 'p', pMw: 20, vSetPu: 1.02, ...a },
          { id: 'p2', busId: 'p', pMw: 10, vSetPu: 1.02, ...b },
        ],
      }),
    );
  const single = runAcPowerFlow(grid(threeBus()));
  const busQ = single.generators.qMvar[1];

  it('two unlimited generators share equally; the bus total is the one of a single generator', () => {
    const g = twoAtPv({}, {});
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    expect(r.generators.qMvar[1]).toBeCloseTo(busQ / 2, 9);
    expect(r.generators.qMvar[2]).toBeCloseTo(busQ / 2, 9);
  });

  it('finite ranges: both reach the same fraction of their range', () => {
    const g = twoAtPv({ qMinMvar: -10, qMaxMvar: 30 }, { qMinMvar: 0, qMaxMvar: 10 });
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    const f1 = (r.generators.qMvar[1] + 10) / 40;
    const f2 = r.generators.qMvar[2] / 10;
    expect(f1).toBeCloseTo(f2, 9);
    expect(r.generators.qMvar[1] + r.generators.qMvar[2]).toBeCloseTo(busQ, 9);
  });

  it('Qmin = Qmax at every generator: each gets its Qmin plus an equal share of the remainder', () => {
    const g = twoAtPv({ qMinMvar: 5, qMaxMvar: 5 }, { qMinMvar: 2, qMaxMvar: 2 });
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    const share = (busQ - 7) / 2;
    expect(r.generators.qMvar[1]).toBeCloseTo(5 + share, 9);
    expect(r.generators.qMvar[2]).toBeCloseTo(2 + share, 9);
  });

  it('a generator with Qmin = Qmax next to one with a range stays at its fixed value', () => {
    const g = twoAtPv({ qMinMvar: 3, qMaxMvar: 3 }, { qMinMvar: -50, qMaxMvar: 50 });
    const r = runAcPowerFlow(g);
    expect(r.generators.qMvar[1]).toBeCloseTo(3, 9);
    expect(r.generators.qMvar[2]).toBeCloseTo(busQ - 3, 9);
  });
});

describe('several generators at one bus', () => {
  it('at the slack the first in-service generator takes up the balance, the others keep P', () => {
    const g = grid(
      threeBus({
        generators: [
          { id: 'off', busId: 's', pMw: 99, inService: false },
          { id: 'gs1', busId: 's', pMw: 7, vSetPu: 1.01 },
          { id: 'gs2', busId: 's', pMw: 12, vSetPu: 1.01 },
          { id: 'gp', busId: 'p', pMw: 30, vSetPu: 1.02 },
        ],
      }),
    );
    const r = runAcPowerFlow(g);
    expectPhysicalAcResult(g, r);
    expect(r.generators.pMw[0]).toBe(0);
    expect(r.generators.pMw[2]).toBe(12);
    expect(r.generators.pMw[1]).toBeCloseTo(60 - 30 - 12 + r.losses.pMw, 6);
    const dc = runDcPowerFlow(g);
    expect(dc.generators.pMw[1]).toBeCloseTo(18, 10);
    expect(dc.generators.pMw[2]).toBe(12);
  });

  it('with different vSetPu, the last in-service generator sets the voltage (MATPOWER)', () => {
    const withSetPoints = (third: boolean) =>
      grid(
        threeBus({
          generators: [
            { id: 'gs', busId: 's', vSetPu: 1.01 },
            { id: 'p1', busId: 'p', pMw: 10, vSetPu: 1.03 },
            { id: 'p2', busId: 'p', pMw: 10, vSetPu: 0.98 },
            { id: 'p3', busId: 'p', pMw: 10, vSetPu: 1.05, inService: third },
          ],
        }),
      );
    expect(runAcPowerFlow(withSetPoints(false)).buses.vmPu[1]).toBeCloseTo(0.98, 12);
    expect(runAcPowerFlow(withSetPoints(true)).buses.vmPu[1]).toBeCloseTo(1.05, 12);
  });
});

describe('generators at PQ buses', () => {
  it('inject their pMw and qMvar like a negative load, and do not hold the voltage', () => {
    const withGen = grid(
      threeBus({
        generators: [
          { id: 'gs', busId: 's', vSetPu: 1.01 },
          { id: 'gp', busId: 'p', pMw: 30, vSetPu: 1.02 },
          { id: 'gq', busId: 'q', pMw: 15, qMvar: 4, vSetPu: 1.1 },
        ],
      }),
    );
    const asLoad = grid(threeBus({ loads: [{ id: 'lq', busId: 'q', pMw: 45, qMvar: 21 }] }));
    const r = runAcPowerFlow(withGen);
    const m = runAcPowerFlow(asLoad);
    expectPhysicalAcResult(withGen, r);
    expect(r.generators.pMw[2]).toBe(15);
    expect(r.generators.qMvar[2]).toBe(4);
    expect(r.buses.vmPu[2]).toBeCloseTo(m.buses.vmPu[2], 12);
    expect(r.generators.pMw[0]).toBeCloseTo(m.generators.pMw[0], 9);
    expect(r.generators.qMvar[0]).toBeCloseTo(m.generators.qMvar[0], 9);
  });
});

describe('DER at PV and slack buses', () => {
  const der: Partial<GridSpec> = {
    pv: [{ id: 'solar', busId: 's', capacityMw: 5, pMw: 3, qMvar: 0.5 }],
    storage: [
      {
        id: 'bat',
        busId: 'p',
        energyCapacityMwh: 10,
        energyMwh: 5,
        pChargeMaxMw: 4,
        pDischargeMaxMw: 4,
        pMw: 2,
        qMvar: 1.5,
      },
    ],
    evChargers: [{ id: 'ev', busId: 's', pMaxMw: 2, pMw: 1, qMvar: 0.2 }],
  };
  const withDer = grid(threeBus(der));
  // The same net injections written as loads (negative loads for the producers).
  const asLoads = grid(
    threeBus({
      loads: [
        { id: 'lq', busId: 'q', pMw: 60, qMvar: 25 },
        { id: 'net-s', busId: 's', pMw: -3 + 1, qMvar: -0.5 + 0.2 },
        { id: 'net-p', busId: 'p', pMw: -2, qMvar: -1.5 },
      ],
    }),
  );

  it('AC: generator outputs exclude the DER injections at their buses', () => {
    const r = runAcPowerFlow(withDer);
    const m = runAcPowerFlow(asLoads);
    expectPhysicalAcResult(withDer, r);
    expect(r.generators.pMw[1]).toBe(30);
    for (let k = 0; k < 2; k++) {
      expect(r.generators.pMw[k]).toBeCloseTo(m.generators.pMw[k], 9);
      expect(r.generators.qMvar[k]).toBeCloseTo(m.generators.qMvar[k], 9);
    }
  });

  it('DC: the slack generator excludes the DER at its bus', () => {
    const r = runDcPowerFlow(withDer);
    expect(r.generators.pMw[0]).toBeCloseTo(60 - 30 - 2 - 3 + 1, 10);
  });

  it('out-of-service DER are ignored', () => {
    const off = grid(
      threeBus({
        pv: [{ id: 'solar', busId: 's', capacityMw: 5, pMw: 3, inService: false }],
        evChargers: [{ id: 'ev', busId: 'q', pMaxMw: 2, pMw: 1, inService: false }],
      }),
    );
    const r = runAcPowerFlow(off);
    const plain = runAcPowerFlow(grid(threeBus()));
    expect(r.generators.pMw[0]).toBeCloseTo(plain.generators.pMw[0], 12);
  });
});
