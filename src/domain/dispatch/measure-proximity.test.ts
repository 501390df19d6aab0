import { beforeAll, describe, expect, it } from 'vitest';
import { parseGrid } from '../../core/grid/index.ts';
import { createHighsSolver, type LpSolver } from '../../core/optimize/index.ts';
import { compareWithMeritOrder, type DispatchInput, runDispatch } from './index.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

const T = 4;

/** A cheap plant far away (a long line to the hub), two neighbourhoods near the hub with local supply. */
function input(): DispatchInput {
  const parsed = parseGrid({
    format: 'kirchhoff-grid',
    version: 1,
    name: 'proximity',
    baseMva: 10,
    zones: [{ id: 'north' }, { id: 'south' }],
    buses: [
      { id: 'P', type: 'slack', baseKv: 20 },
      { id: 'H', type: 'pq', baseKv: 20 },
      { id: 'N', type: 'pq', baseKv: 20, zoneId: 'north' },
      { id: 'S', type: 'pq', baseKv: 20, zoneId: 'south' },
    ],
    branches: [
      { id: 'long', fromBusId: 'P', toBusId: 'H', rPu: 0.08, xPu: 0.25, rateAMva: 5 },
      { id: 'hn', fromBusId: 'H', toBusId: 'N', rPu: 0.01, xPu: 0.03, rateAMva: 10 },
      { id: 'hs', fromBusId: 'H', toBusId: 'S', rPu: 0.01, xPu: 0.03, rateAMva: 10 },
    ],
    generators: [
      { id: 'plant', busId: 'P', pMaxMw: 20, cost: { model: 'polynomial', coefficients: [0, 30] } },
      { id: 'chp', busId: 'N', pMaxMw: 2, cost: { model: 'polynomial', coefficients: [0, 31.5] } },
    ],
    loads: [
      { id: 'north-homes', busId: 'N', pMw: 3 },
      { id: 'south-homes', busId: 'S', pMw: 3 },
    ],
    pv: [{ id: 'south-roofs', busId: 'S', capacityMw: 2, pMw: 1.5 }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { grid: parsed.grid, intervalCount: T, intervalH: 1, lossPricePerMwh: 40 };
}

describe('compareWithMeritOrder', () => {
  it('measures what serving each zone from nearby saves against a copper-plate merit order', () => {
    const { kirchhoff, meritOrder } = compareWithMeritOrder(input(), (i) => runDispatch(i, solver));
    expect(kirchhoff.result.status).toBe('optimal');
    expect(meritOrder.result.status).toBe('optimal');
    const k = kirchhoff.measures;
    const m = meritOrder.measures;
    // the merit order runs the distant plant (30 per MWh) for everything PV does not cover; with losses
    // priced at 40 per MWh, bringing 4.5 MW over the long line costs ~30 + 2 r f / base * 40 = 32.9 at the
    // margin, so the local CHP at 31.5 runs instead of part of the import
    expect((meritOrder.result.generatorMw.get('chp') ?? [])[0]).toBeCloseTo(0, 6);
    expect((kirchhoff.result.generatorMw.get('chp') ?? [])[0]).toBeGreaterThan(0.5);
    expect(k.lossesMwh).toBeLessThan(m.lossesMwh);
    expect(k.transportDistanceOhm).toBeLessThan(m.transportDistanceOhm);
    expect(k.localShareByZone.get('north')).toBeGreaterThan(m.localShareByZone.get('north') ?? 1);
    expect(k.localShareByZone.get('south')).toBeCloseTo(0.5, 6); // its PV covers 1.5 of 3 MW either way
    expect(k.demandMwh).toBeCloseTo(24, 6);
    expect(k.overloads).toBe(0);
  });

  it('counts the overloads of a merit order that ignores line limits', () => {
    const base = input();
    const stressed = { ...base, loadProfiles: { 'north-homes': new Float64Array(T).fill(4.5) } };
    const { kirchhoff, meritOrder } = compareWithMeritOrder(stressed, (i) => runDispatch(i, solver));
    expect(meritOrder.measures.overloads).toBeGreaterThan(0);
    expect(meritOrder.measures.worstLoading).toBeGreaterThan(1);
    expect(kirchhoff.measures.overloads).toBe(0);
    expect(kirchhoff.measures.worstLoading).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('splits the prices into energy, congestion and priced losses when the long line binds', () => {
    const base = input();
    const stressed = { ...base, loadProfiles: { 'north-homes': new Float64Array(T).fill(5.8) } };
    const r = runDispatch(stressed, solver);
    expect(r.status).toBe('optimal');
    const north = (map: ReadonlyMap<string, Float64Array>) => (map.get('N') ?? [])[0];
    expect(north(r.priceCongestionByBus)).toBeGreaterThan(1);
    expect(north(r.priceEnergyByBus)).toBeCloseTo((r.priceByBus.get('P') ?? [])[0], 9);
    expect(north(r.priceEnergyByBus) + north(r.priceCongestionByBus) + north(r.priceLossByBus)).toBeCloseTo(
      north(r.priceByBus),
      9,
    );
    // without congestion (the first scenario) the hub's price differs from the plant's by losses only
    const calm = runDispatch(base, solver);
    const hub = (map: ReadonlyMap<string, Float64Array>) => (map.get('H') ?? [])[0];
    expect(hub(calm.priceCongestionByBus)).toBeCloseTo(0, 9);
    expect(hub(calm.priceLossByBus)).toBeGreaterThan(0.1);
  });
});
