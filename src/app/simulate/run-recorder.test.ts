import { describe, expect, it } from 'vitest';
import { parseGrid } from '../../core/grid/index.ts';
import type { IntervalMeasures, PlantState } from '../../domain/operation/index.ts';
import { createRunRecorder } from './run-recorder.ts';

const parsed = parseGrid({
  format: 'kirchhoff-grid',
  version: 1,
  zones: [{ id: 'z' }],
  buses: [{ id: 'b', type: 'slack', baseKv: 0.4, zoneId: 'z' }],
  storage: [
    { id: 'bat', busId: 'b', energyCapacityMwh: 4, energyMwh: 0, pChargeMaxMw: 2, pDischargeMaxMw: 2 },
  ],
});
if (!parsed.ok) throw new Error('grid');
const grid = parsed.grid;

function measures(flows: { use: number; own: number; discharge: number; charge: number }): IntervalMeasures {
  return {
    converged: true,
    demandMw: flows.use,
    servedMw: flows.use,
    shedMw: { critical: 0, essential: 0, flexible: 0 },
    generatorMw: new Map(),
    pvMw: flows.own,
    pvAvailableMw: flows.own,
    batteryMw: flows.discharge - flows.charge,
    evChargingMw: 0,
    lossesMw: 0,
    minVmPu: 1,
    maxVmPu: 1,
    maxLoadingPct: 0,
    voltageViolations: 0,
    worstVoltageViolationPu: 0,
    thermalViolations: 0,
    zoneFlowsMw: new Map([['z', flows]]),
    vmPuByBus: new Map(),
    storageMw: new Map([['bat', flows.discharge - flows.charge]]),
    islandCollapsed: false,
  };
}
const state: PlantState = { storageEnergyMwh: new Map(), evDeliveredMwh: new Map(), switchClosed: new Map() };

function localShare(intervals: { use: number; own: number; discharge: number; charge: number }[]): number {
  const recorder = createRunRecorder({
    controller: 'kirchhoff',
    grid,
    zones: ['z'],
    intervalCount: intervals.length,
    intervalH: 1,
    importGeneratorId: '',
    centralPlantIds: [],
    importPriceByInterval: new Float64Array(intervals.length),
    exportPricePerMwh: 0,
    importCo2TPerMwh: 0,
    peakImportPricePerMw: 0,
    valueOfLostLoad: { critical: 0, essential: 0, flexible: 0 },
    watchedBuses: [],
    evSessions: [],
  });
  intervals.forEach((f, t) => {
    recorder.record(t, measures(f), state, new Map([['z', f.use]]), new Map(), {
      forecast: 0,
      dispatch: 0,
      powerFlow: 0,
    });
  });
  return recorder.finish(0).kpis.localShare;
}

describe('local share', () => {
  it('counts battery energy charged from imports as not local', () => {
    // night: 1 MW of load and 1 MW of charging from the grid; evening: the battery serves the 1 MW load
    expect(
      localShare([
        { use: 1, own: 0, discharge: 0, charge: 1 },
        { use: 1, own: 0, discharge: 1, charge: 0 },
      ]),
    ).toBe(0);
  });

  it('counts battery energy charged from the zone own surplus as local', () => {
    // noon: PV 2 MW, load 1 MW, 1 MW surplus stored; evening: the battery serves the 1 MW load
    expect(
      localShare([
        { use: 1, own: 2, discharge: 0, charge: 1 },
        { use: 1, own: 0, discharge: 1, charge: 0 },
      ]),
    ).toBe(1);
  });

  it('mixes in proportion when the stored energy came from both', () => {
    // 1 MWh stored from surplus, 1 MWh from the grid; then 1 MW discharged: half of it local
    expect(
      localShare([
        { use: 1, own: 2, discharge: 0, charge: 1 },
        { use: 0, own: 0, discharge: 0, charge: 1 },
        { use: 1, own: 0, discharge: 1, charge: 0 },
      ]),
    ).toBeCloseTo((1 + 0.5) / 2, 12);
  });
});
