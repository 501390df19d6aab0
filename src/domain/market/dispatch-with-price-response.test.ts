import { beforeAll, describe, expect, it } from 'vitest';
import { parseGrid } from '../../core/grid/index.ts';
import { createHighsSolver, type LpSolver } from '../../core/optimize/index.ts';
import { type DispatchInput, runDispatch } from '../dispatch/index.ts';
import { dispatchWithPriceResponse } from './index.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

const T = 6;
/** Import price: cheap in intervals 0-2, stressed (dear) in 3-5. */
const price = [40, 40, 40, 300, 300, 300];

function input(): DispatchInput {
  const parsed = parseGrid({
    format: 'kirchhoff-grid',
    version: 1,
    name: 'town',
    baseMva: 10,
    zones: [{ id: 'town' }],
    buses: [
      { id: 'S', type: 'slack', baseKv: 20 },
      { id: 'T', type: 'pq', baseKv: 20, zoneId: 'town' },
    ],
    branches: [{ id: 'feeder', fromBusId: 'S', toBusId: 'T', rPu: 0.01, xPu: 0.05 }],
    loads: [
      { id: 'homes', busId: 'T', pMw: 2, priority: 'essential' },
      { id: 'hospital', busId: 'T', pMw: 1, priority: 'critical' },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return {
    grid: parsed.grid,
    intervalCount: T,
    intervalH: 1,
    importPoints: [{ id: 'grid', busId: 'S', maxImportMw: 10, maxExportMw: 0, priceByInterval: price }],
  };
}

describe('dispatchWithPriceResponse', () => {
  it('moves responsive consumption from stressed hours to cheap ones; critical load does not move', () => {
    const r = dispatchWithPriceResponse(input(), (i) => runDispatch(i, solver), {
      elasticity: -0.2,
      networkChargePerMwh: { town: 20 },
    });
    expect(r.converged).toBe(true);
    const homes = r.loadProfiles.homes;
    expect(homes[0]).toBeGreaterThan(2);
    expect(homes[4]).toBeLessThan(2);
    expect(homes.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 6); // energy moved, not lost
    expect([...r.loadProfiles.hospital]).toEqual([1, 1, 1, 1, 1, 1]);
    const tariff = r.tariffByZone.get('town') ?? new Float64Array();
    expect(tariff[0]).toBeCloseTo(60, 6);
    expect(tariff[4]).toBeCloseTo(320, 6);
  });
});
