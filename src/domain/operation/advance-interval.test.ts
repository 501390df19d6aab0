import { describe, expect, it } from 'vitest';
import { type Grid, parseGrid } from '../../core/grid/index.ts';
import {
  advanceInterval,
  type IntervalDecision,
  type IntervalTruth,
  type PlantState,
} from './advance-interval.ts';

/** Upstream slack at 'up', a feeder line to 'mv' with a critical and an essential load, a battery, PV and a charger. */
function feeder(batteryMw = 1): Grid {
  const parsed = parseGrid({
    format: 'kirchhoff-grid',
    version: 1,
    baseMva: 10,
    zones: [{ id: 'z' }],
    buses: [
      { id: 'up', type: 'slack', baseKv: 20 },
      { id: 'mv', baseKv: 20, zoneId: 'z', vmMinPu: 0.95 },
    ],
    branches: [{ id: 'feed', fromBusId: 'up', toBusId: 'mv', rPu: 0.01, xPu: 0.02, rateAMva: 5 }],
    generators: [{ id: 'grid', busId: 'up' }],
    loads: [
      { id: 'hospital', busId: 'mv', pMw: 0.5, qMvar: 0.1, priority: 'critical' },
      { id: 'homes', busId: 'mv', pMw: 1.5, qMvar: 0.3, priority: 'essential' },
    ],
    storage: [
      {
        id: 'bat',
        busId: 'mv',
        energyCapacityMwh: 2,
        energyMwh: 1,
        pChargeMaxMw: batteryMw,
        pDischargeMaxMw: batteryMw,
        chargeEfficiency: 0.9,
        dischargeEfficiency: 0.9,
      },
    ],
    pv: [{ id: 'pv', busId: 'mv', capacityMw: 1 }],
    evChargers: [{ id: 'ev', busId: 'mv', pMaxMw: 0.2 }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.grid;
}

const truth = (outOfService: string[] = []): IntervalTruth => ({
  intervalH: 0.25,
  loadDemandMw: new Map([
    ['hospital', 0.4],
    ['homes', 1.2],
  ]),
  pvAvailableMw: new Map([['pv', 0.6]]),
  evSessions: [{ id: 's1', chargerId: 'ev', energyMwh: 0.02 }],
  outOfServiceBranchIds: new Set(outOfService),
});
const state: PlantState = {
  storageEnergyMwh: new Map([['bat', 1]]),
  evDeliveredMwh: new Map(),
  switchClosed: new Map(),
};
const idle: IntervalDecision = {
  storageMw: new Map(),
  pvCapMw: new Map(),
  evMw: new Map(),
  shedFraction: new Map(),
  generatorMw: new Map(),
  switches: new Map(),
};

describe('advanceInterval', () => {
  it('balances: import = demand + charging + losses - PV - battery, and carries energy on', () => {
    const { measures: m, next } = advanceInterval(feeder(), truth(), state, {
      ...idle,
      storageMw: new Map([['bat', 0.3]]),
    });
    expect(m.converged).toBe(true);
    expect(m.demandMw).toBeCloseTo(1.6, 12);
    expect(m.servedMw).toBeCloseTo(1.6, 12);
    // the uncontrolled charger draws min(0.2 MW, 0.02 MWh / 0.25 h) = 0.08 MW
    expect(m.evChargingMw).toBeCloseTo(0.08, 12);
    const imported = m.generatorMw.get('grid') ?? Number.NaN;
    expect(imported).toBeCloseTo(1.6 + 0.08 + m.lossesMw - 0.6 - 0.3, 6);
    expect(next.storageEnergyMwh.get('bat')).toBeCloseTo(1 - (0.3 * 0.25) / 0.9, 12);
    expect(next.evDeliveredMwh.get('s1')).toBeCloseTo(0.02, 12);
    const zone = m.zoneFlowsMw.get('z');
    expect(zone?.own).toBeCloseTo(0.6, 12);
    expect(zone?.discharge).toBeCloseTo(0.3, 12);
    expect(zone?.use).toBeCloseTo(1.6 + 0.08, 12);
  });

  it('counts shed load by class and keeps the battery within what it holds', () => {
    const { measures: m } = advanceInterval(
      feeder(),
      truth(),
      { ...state, storageEnergyMwh: new Map([['bat', 0.05]]) },
      {
        ...idle,
        shedFraction: new Map([['homes', 0.5]]),
        storageMw: new Map([['bat', 1]]),
      },
    );
    expect(m.shedMw.essential).toBeCloseTo(0.6, 12);
    expect(m.shedMw.critical).toBe(0);
    expect(m.storageMw.get('bat')).toBeCloseTo((0.05 * 0.9) / 0.25, 12);
  });

  it('cut from upstream: dark without a grid former, islanded with one, collapsed when it is too small', () => {
    const dark = advanceInterval(feeder(), truth(['feed']), state, idle).measures;
    expect(dark.servedMw).toBe(0);
    expect(dark.shedMw.critical).toBeCloseTo(0.4, 12);
    const island = advanceInterval(feeder(), truth(['feed']), state, {
      ...idle,
      gridFormerStorageId: 'bat',
      shedFraction: new Map([['homes', 1]]),
    }).measures;
    expect(island.islandCollapsed).toBe(false);
    expect(island.shedMw.critical).toBe(0);
    // hospital 0.4 + EV 0.08 - PV 0.6: the battery charges the surplus, the island balances
    expect(island.storageMw.get('bat')).toBeCloseTo(0.4 + 0.08 - 0.6, 3);
    const weak = advanceInterval(
      feeder(0.1),
      { ...truth(['feed']), pvAvailableMw: new Map([['pv', 0]]) },
      state,
      { ...idle, gridFormerStorageId: 'bat' },
    ).measures;
    expect(weak.islandCollapsed).toBe(true);
    expect(weak.servedMw).toBe(0);
  });
});

describe('reactive power from the inverters', () => {
  it('supplies the loads of its own bus within the rating, and the feeder then carries less and loses less', async () => {
    const { supplyReactiveLocally } = await import('./reactive-support.ts');
    const decision = { ...idle, storageMw: new Map([['bat', 0.3]]) };
    const q = supplyReactiveLocally(feeder(), truth(), decision);
    // loads draw 0.4 * 0.1/0.5 + 1.2 * 0.3/1.5 = 0.32 MVAr; PV (1 MVA, 0.6 MW) can give 0.8, the battery (1 MVA, 0.3 MW) 0.954
    expect((q.get('pv') ?? 0) + (q.get('bat') ?? 0)).toBeCloseTo(0.32, 12);
    expect((q.get('pv') ?? 0) / (q.get('bat') ?? 1)).toBeCloseTo(0.8 / Math.sqrt(1 - 0.09), 9);
    const plain = advanceInterval(feeder(), truth(), state, decision).measures;
    const supported = advanceInterval(feeder(), truth(), state, { ...decision, reactiveMvar: q }).measures;
    expect(supported.lossesMw).toBeLessThan(plain.lossesMw * 0.95);
    expect(supported.minVmPu).toBeGreaterThan(plain.minVmPu);
  });
});
