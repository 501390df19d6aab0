import { beforeAll, describe, expect, it } from 'vitest';
import { parseGrid } from '../../core/grid/index.ts';
import { createHighsSolver, type LpSolver } from '../../core/optimize/index.ts';
import { type DispatchInput, planRollingStep, readRollingState, runDispatch } from './index.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

const DAY = 24;
const price = Float64Array.from({ length: DAY }, (_, t) => (t < 6 ? 20 : t >= 17 && t <= 20 ? 150 : 60));

function day(): DispatchInput {
  const parsed = parseGrid({
    format: 'kirchhoff-grid',
    version: 1,
    name: 'home',
    baseMva: 1,
    buses: [
      { id: 'G', type: 'slack', baseKv: 0.4 },
      { id: 'H', type: 'pq', baseKv: 0.4 },
    ],
    branches: [{ id: 'service', fromBusId: 'G', toBusId: 'H', rPu: 0.01, xPu: 0.02 }],
    loads: [{ id: 'house', busId: 'H', pMw: 0.004 }],
    storage: [
      {
        id: 'battery',
        busId: 'H',
        energyCapacityMwh: 0.01,
        energyMwh: 0.002,
        pChargeMaxMw: 0.003,
        pDischargeMaxMw: 0.003,
      },
    ],
    evChargers: [{ id: 'wallbox', busId: 'H', pMaxMw: 0.007 }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return {
    grid: parsed.grid,
    intervalCount: DAY,
    intervalH: 1,
    importPoints: [{ id: 'grid', busId: 'G', maxImportMw: 0.02, maxExportMw: 0, priceByInterval: price }],
    evSessions: [
      { id: 'car', chargerId: 'wallbox', arrivalInterval: 18, departureInterval: 24, energyMwh: 0.02 },
    ],
  };
}

/** The day's input seen from interval `t0`, `horizon` intervals ahead (shorter at the end of the day). */
function window(input: DispatchInput, t0: number, horizon: number): DispatchInput {
  const n = Math.min(horizon, DAY - t0);
  const p = input.importPoints?.[0];
  if (p === undefined) throw new Error('no import point');
  return {
    ...input,
    intervalCount: n,
    importPoints: [{ ...p, priceByInterval: Array.from(p.priceByInterval).slice(t0, t0 + n) }],
    evSessions: (input.evSessions ?? [])
      .filter((s) => s.departureInterval > t0 && s.arrivalInterval < t0 + n)
      .map((s) => ({
        ...s,
        arrivalInterval: Math.max(0, s.arrivalInterval - t0),
        departureInterval: Math.min(n, s.departureInterval - t0),
      })),
  };
}

describe('planRollingStep', () => {
  it('commits one interval at a time, carries storage and EV state, and ends where a full-day plan would', () => {
    const input = day();
    let state = readRollingState(input.grid);
    let cost = 0;
    const soc: number[] = [];
    let evDelivered = 0;
    for (let t = 0; t < DAY; t++) {
      const step = planRollingStep(window(input, t, 8), state, solver);
      expect(step.plan.status, `interval ${t}: ${step.plan.message}`).toBe('optimal');
      const battery = step.committed.storageMw.battery;
      const before = state.storageEnergyMwh.battery;
      const after = step.next.storageEnergyMwh.battery;
      expect(after).toBeCloseTo(before + (battery >= 0 ? -battery / 0.95 : -battery * 0.95), 9);
      cost += (step.committed.importMw.grid ?? 0) * price[t];
      evDelivered += step.committed.evMw.car ?? 0;
      soc.push(after);
      state = step.next;
    }
    expect(evDelivered).toBeCloseTo(0.02, 9);
    expect(state.evRemainingMwh.car).toBeCloseTo(0, 9);
    // the battery fills in the cheap night and empties in the dear evening
    expect(Math.max(...soc.slice(0, 6))).toBeGreaterThan(0.005);
    expect(soc[20]).toBeLessThan(soc[16]);
    // an 8-hour look-ahead sees most price swings of this day: within 5 % of the full-day optimum
    const full = runDispatch(input, solver);
    const fullCost = Array.from(full.importMw.get('grid') ?? []).reduce((a, v, t) => a + v * price[t], 0);
    expect(cost).toBeGreaterThanOrEqual(fullCost - 1e-9);
    expect(cost).toBeLessThan(fullCost * 1.05);
  });
});
