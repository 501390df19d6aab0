import { beforeAll, describe, expect, it } from 'vitest';
import { type Grid, parseGrid } from '../grid/index.ts';
import { createHighsSolver, type LpSolver } from '../optimize/index.ts';
import { runDcOpf } from './dc-opf.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

/** Two buses: a cheap generator at bus 1, an expensive one at bus 2 with the load, one line between. */
function twoBus(loadMw: number, rateMva: number, cheapMaxMw = 500): Grid {
  const parsed = parseGrid({
    format: 'kirchhoff-grid',
    version: 1,
    name: 'two-bus',
    baseMva: 100,
    buses: [
      { id: '1', type: 'slack', baseKv: 110 },
      { id: '2', type: 'pv', baseKv: 110 },
    ],
    branches: [{ id: 'L', fromBusId: '1', toBusId: '2', rPu: 0.01, xPu: 0.1, rateAMva: rateMva }],
    generators: [
      { id: 'cheap', busId: '1', pMaxMw: cheapMaxMw, cost: { model: 'polynomial', coefficients: [0, 10] } },
      { id: 'dear', busId: '2', pMaxMw: 100, cost: { model: 'polynomial', coefficients: [0, 50] } },
    ],
    loads: [{ id: 'D', busId: '2', pMw: loadMw }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.grid;
}

describe('runDcOpf', () => {
  it('without congestion, one price: the cheap generator serves everything', () => {
    const r = runDcOpf(twoBus(80, 200), solver);
    expect(r.status).toBe('optimal');
    expect([...r.pgMw]).toEqual([80, 0]);
    expect(r.lmp[0]).toBeCloseTo(10, 9);
    expect(r.lmp[1]).toBeCloseTo(10, 9);
    expect(r.objective).toBeCloseTo(800, 9);
  });

  it('with congestion, the prices split and the line limit has a shadow price', () => {
    const r = runDcOpf(twoBus(80, 50), solver);
    expect(r.pgMw[0]).toBeCloseTo(50, 9);
    expect(r.pgMw[1]).toBeCloseTo(30, 9);
    expect(r.pfMw[0]).toBeCloseTo(50, 9);
    expect(r.lmp[0]).toBeCloseTo(10, 9);
    expect(r.lmp[1]).toBeCloseTo(50, 9);
    expect(Math.abs(r.flowLimitDual[0])).toBeCloseTo(40, 9);
  });

  it('says in words why there is no solution', () => {
    const short = runDcOpf(twoBus(700, 1000), solver);
    expect(short.status).toBe('infeasible');
    expect(short.message).toBe(
      "DC OPF infeasible: in the island of bus 1, demand 700.0 MW exceeds the generators' maximum 600.0 MW",
    );
    const blocked = runDcOpf(twoBus(180, 50), solver);
    expect(blocked.status).toBe('infeasible');
    expect(blocked.message).toMatch(/the branch flow limits prevent delivering it/);
  });
});
