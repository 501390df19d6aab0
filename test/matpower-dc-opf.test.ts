/**
 * DC OPF against MATPOWER's `rundcopf` references in ../shared/cases/matpower (every case that has a
 * `.dcopf.json`, found by listing the folder): objective within 1e-6 relative, LMPs within 1e-3 per
 * MWh, dispatch within 1e-3 MW (quadratic costs make it unique; case2383wp's linear-cost optimum is
 * unique too, see the folder's README), angles within 1e-4 deg, flows within 1e-3 MW. Also checks
 * our own optimality: for every generator strictly inside its limits, marginal cost = bus LMP.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrid } from '../src/app/run-power-flow/index.ts';
import { runDcOpf } from '../src/core/opf/index.ts';

import { createHighsSolver, type LpSolver } from '../src/core/optimize/index.ts';
import { maxAbsDiff } from './support/compare.ts';
import { readMatpowerCase, readReference, sharedDir } from './support/shared-dir.ts';

interface DcOpfReference {
  success: boolean;
  f: number;
  bus: { id: number[]; va: number[]; lam_p: number[] };
  gen: { pg: number[] };
  branch: { pf: number[] };
}

const cases = readdirSync(join(sharedDir, 'cases', 'matpower', 'reference'))
  .filter((f) => f.endsWith('.dcopf.json'))
  .map((f) => f.replace('.dcopf.json', ''));

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

describe('DC OPF cases', () => {
  it('finds every reference case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });
});

describe.each(cases)('%s DC OPF against MATPOWER', (name) => {
  it('matches objective, prices, dispatch, angles and flows', () => {
    const loaded = loadGrid(readMatpowerCase(name), `${name}.m`);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const ref = readReference<DcOpfReference>(name, 'dcopf');
    const result = runDcOpf(loaded.grid, solver);
    expect(ref.success).toBe(true);
    expect(result.status).toBe('optimal');
    expect(Math.abs(result.objective - ref.f) / Math.abs(ref.f)).toBeLessThan(1e-6);
    expect(maxAbsDiff(result.lmp, ref.bus.lam_p)).toBeLessThan(1e-3);
    expect(maxAbsDiff(result.pgMw, ref.gen.pg)).toBeLessThan(1e-3);
    expect(maxAbsDiff(result.vaDeg, ref.bus.va)).toBeLessThan(1e-4);
    expect(maxAbsDiff(result.pfMw, ref.branch.pf)).toBeLessThan(1e-3);

    const busIndex = new Map(loaded.grid.buses.map((b, i) => [b.id, i]));
    let residual = 0;
    loaded.grid.generators.forEach((g, k) => {
      if (!g.inService || g.cost?.model !== 'polynomial') return;
      const p = result.pgMw[k];
      if (p <= g.pMinMw + 1e-4 || p >= (g.pMaxMw ?? Number.POSITIVE_INFINITY) - 1e-4) return;
      const [, c1 = 0, c2 = 0] = g.cost.coefficients;
      residual = Math.max(residual, Math.abs(c1 + 2 * c2 * p - result.lmp[busIndex.get(g.busId) ?? -1]));
    });
    expect(residual).toBeLessThan(1e-5);
  });
});
