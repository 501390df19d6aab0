import { describe, expect, it } from 'vitest';
import { type GridInput, parseGrid } from '../../core/grid/index.ts';
import { aggregateLowVoltage } from './aggregate-low-voltage.ts';
import { shareByHeadroom, shareStorageSetPoint } from './share-set-point.ts';

function feeder() {
  const input: GridInput = {
    format: 'kirchhoff-grid',
    version: 1,
    buses: [
      { id: 'mv', type: 'slack', baseKv: 20 },
      { id: 'lv0', baseKv: 0.4 },
      { id: 'lv1', baseKv: 0.4 },
      { id: 'lv2', baseKv: 0.4 },
      { id: 'other', baseKv: 0.4 },
    ],
    branches: [
      { id: 't', kind: 'transformer', fromBusId: 'mv', toBusId: 'lv0', rPu: 0.01, xPu: 0.04 },
      { id: 'l1', fromBusId: 'lv0', toBusId: 'lv1', rPu: 0.1, xPu: 0.05 },
      { id: 't2', kind: 'transformer', fromBusId: 'mv', toBusId: 'other', rPu: 0.01, xPu: 0.04 },
    ],
    switches: [{ id: 's', fromBusId: 'lv1', toBusId: 'lv2', closed: true }],
    loads: [
      { id: 'a', busId: 'lv1', pMw: 0.01, priority: 'essential' },
      { id: 'b', busId: 'lv2', pMw: 0.02, priority: 'essential' },
      { id: 'c', busId: 'lv2', pMw: 0.005, priority: 'critical' },
      { id: 'd', busId: 'other', pMw: 0.03 },
      { id: 'm', busId: 'mv', pMw: 1 },
    ],
    storage: [
      {
        id: 'b1',
        busId: 'lv1',
        energyCapacityMwh: 0.01,
        energyMwh: 0.005,
        pChargeMaxMw: 0.005,
        pDischargeMaxMw: 0.005,
      },
      {
        id: 'b2',
        busId: 'lv2',
        energyCapacityMwh: 0.03,
        energyMwh: 0.03,
        pChargeMaxMw: 0.01,
        pDischargeMaxMw: 0.01,
        chargeEfficiency: 0.9,
      },
    ],
    pv: [
      { id: 'p1', busId: 'lv1', capacityMw: 0.004 },
      { id: 'p2', busId: 'lv2', capacityMw: 0.006 },
    ],
  };
  const parsed = parseGrid(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.grid;
}

describe('aggregateLowVoltage', () => {
  it('collapses each LV network onto its transformer bus, one element per class and kind, members kept', () => {
    const agg = aggregateLowVoltage(feeder());
    expect(agg.grid.buses.map((b) => b.id)).toEqual(['mv', 'lv0', 'other']);
    expect(agg.grid.branches.map((b) => b.id)).toEqual(['t', 't2']);
    expect(agg.nodeOfBus.get('lv2')).toBe('lv0');
    const loads = Object.fromEntries(agg.grid.loads.map((l) => [l.id, l.pMw]));
    expect(loads).toEqual({
      'lv0:load:essential': 0.03,
      'lv0:load:critical': 0.005,
      'other:load:essential': 0.03,
      m: 1,
    });
    expect(agg.members.loads.get('lv0:load:essential')).toEqual(['a', 'b']);
    const battery = agg.grid.storage.find((s) => s.id === 'lv0:storage');
    expect(battery?.energyCapacityMwh).toBeCloseTo(0.04, 12);
    expect(battery?.energyMwh).toBeCloseTo(0.035, 12);
    expect(battery?.pDischargeMaxMw).toBeCloseTo(0.015, 12);
    expect(battery?.chargeEfficiency).toBeCloseTo((0.95 * 0.01 + 0.9 * 0.03) / 0.04, 12);
    expect(agg.grid.pv).toHaveLength(1);
    expect(agg.grid.pv[0].capacityMw).toBeCloseTo(0.01, 12);
    expect(agg.aggregateOf.get('p2')).toBe('lv0:pv');
    // the same total load either way
    const total = (loadsOf: { pMw: number }[]) => loadsOf.reduce((s, l) => s + l.pMw, 0);
    expect(total(agg.grid.loads)).toBeCloseTo(total(feeder().loads), 12);
  });
});

describe('sharing set-points', () => {
  it('shares by headroom, never beyond a member headroom', () => {
    expect(Array.from(shareByHeadroom([1, 3], 2))).toEqual([0.5, 1.5]);
    expect(Array.from(shareByHeadroom([1, 3], 10))).toEqual([1, 3]);
    expect(Array.from(shareByHeadroom([0, 0], 1))).toEqual([0, 0]);
  });

  it('a fleet discharges from what each battery holds and charges into what each has free', () => {
    const battery = {
      energyCapacityMwh: 1,
      socMinFraction: 0,
      socMaxFraction: 1,
      pChargeMaxMw: 1,
      pDischargeMaxMw: 1,
      chargeEfficiency: 1,
      dischargeEfficiency: 1,
    };
    const members = [
      { ...battery, id: 'x', energyMwh: 0.5 },
      { ...battery, id: 'y', energyMwh: 1 },
    ];
    // one hour: x can give 0.5 MW, y 1 MW
    expect(Array.from(shareStorageSetPoint(members, 0.9, 1)).map((v) => v.toFixed(3))).toEqual([
      '0.300',
      '0.600',
    ]);
    // charging: only x has room
    expect(Array.from(shareStorageSetPoint(members, -0.4, 1))).toEqual([-0.4, -0]);
  });
});
