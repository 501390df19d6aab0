import { beforeAll, describe, expect, it } from 'vitest';
import { type Grid, parseGrid } from '../grid/index.ts';
import { createHighsSolver, type LpSolver } from '../optimize/index.ts';
import { runDcOpf } from './dc-opf.ts';
import { runLossAwareDcOpf } from './loss-aware-dc-opf.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

/** A cheap distant plant at bus 1 (the reference), a dearer local one and 100 MW of load at bus 2. */
function twoBus(rPu: number, localCost: number, rateMva = 0): Grid {
  const parsed = parseGrid({
    format: 'kirchhoff-grid',
    version: 1,
    name: 'two-bus',
    baseMva: 100,
    buses: [
      { id: '1', type: 'slack', baseKv: 110 },
      { id: '2', type: 'pv', baseKv: 110 },
    ],
    branches: [{ id: 'L', fromBusId: '1', toBusId: '2', rPu, xPu: 0.1, rateAMva: rateMva }],
    generators: [
      { id: 'distant', busId: '1', pMaxMw: 500, cost: { model: 'polynomial', coefficients: [0, 10] } },
      { id: 'local', busId: '2', pMaxMw: 30, cost: { model: 'polynomial', coefficients: [0, localCost] } },
    ],
    loads: [{ id: 'D', busId: '2', pMw: 100 }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.grid;
}

describe('runLossAwareDcOpf', () => {
  it('on a lossless network, is the DC OPF, with no loss part in the prices', () => {
    const grid = twoBus(0, 12, 80);
    const lossless = runDcOpf(grid, solver);
    const aware = runLossAwareDcOpf(grid, solver);
    expect(aware.status).toBe('optimal');
    expect(aware.objective).toBeCloseTo(lossless.objective, 6);
    expect(aware.pgMw[1]).toBeCloseTo(lossless.pgMw[1], 6);
    for (let i = 0; i < 2; i++) {
      expect(aware.lmp[i]).toBeCloseTo(lossless.lmp[i], 6);
      expect(aware.lmpLoss[i]).toBeCloseTo(0, 9);
    }
    expect(aware.lmpCongestion[1]).toBeCloseTo(2, 6); // the 80 MW line binds: 12 - 10
  });

  it('buys local supply when the losses of bringing power from afar cost more than its premium', () => {
    // r = 0.02 p.u.: ~2 MW of loss at 100 MW, a marginal loss of ~4 %: delivering 1 MW at bus 2 from
    // the distant plant costs ~10 (1 + 0.04) = 10.4, so a local plant at 10.3 is worth running
    const grid = twoBus(0.02, 10.3);
    expect(runDcOpf(grid, solver).pgMw[1]).toBe(0); // lossless: the distant plant serves everything
    const aware = runLossAwareDcOpf(grid, solver);
    expect(aware.status).toBe('optimal');
    // it runs until its cost meets the delivered price: 10 (1 + 2 r F) = 10.3 at a flow F of ~75 MW
    expect(aware.pgMw[1]).toBeGreaterThan(20);
    expect(aware.pgMw[1]).toBeLessThan(30);
    expect(aware.lmp[1]).toBeCloseTo(10.3, 2);
    expect(aware.lossesMw).toBeGreaterThan(0.3);
    expect(aware.lossesMw).toBeLessThan(2.5);
    expect(aware.lossFactor[0]).toBe(0); // the reference
    expect(aware.lossFactor[1]).toBeLessThan(-0.01); // injecting at the load bus saves losses
    expect(aware.lmpEnergy[1]).toBeCloseTo(10, 6); // the reference's marginal plant
    expect(aware.lmp[1]).toBeCloseTo(aware.lmpEnergy[1] + aware.lmpLoss[1] + aware.lmpCongestion[1], 12);
    // but not a local plant dearer than the losses justify
    expect(runLossAwareDcOpf(twoBus(0.02, 10.6), solver).pgMw[1]).toBeCloseTo(0, 6);
  });
});
