import { beforeAll, describe, expect, it } from 'vitest';

import { createHighsSolver, type LpSolver, ModelBuilder } from '../optimize/index.ts';
import { addGeneratorCost } from './generator-cost.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

/** Minimum cost of serving `demandMw` from one generator with `cost`. */
function costAt(demandMw: number, cost: Parameters<typeof addGeneratorCost>[2]): number {
  const m = new ModelBuilder();
  const p = m.addVariable(0, 100, 0);
  expect(addGeneratorCost(m, p, cost, 'g')).toBeUndefined();
  m.addRow(demandMw, demandMw, [p], [1]);
  return solver.solve(m.build()).objective;
}

describe('addGeneratorCost', () => {
  it('prices a polynomial exactly: c0 + c1 p + c2 p^2', () => {
    expect(
      costAt(40, { model: 'polynomial', coefficients: [100, 20, 0.05], startupCost: 0, shutdownCost: 0 }),
    ).toBeCloseTo(100 + 800 + 80, 6);
  });

  it('prices a convex piecewise-linear curve on its segments', () => {
    const cost = {
      model: 'piecewise-linear' as const,
      points: [
        { pMw: 0, costPerHour: 0 },
        { pMw: 50, costPerHour: 1000 },
        { pMw: 100, costPerHour: 3000 },
      ],
      startupCost: 0,
      shutdownCost: 0,
    };
    expect(costAt(25, cost)).toBeCloseTo(500, 6);
    expect(costAt(75, cost)).toBeCloseTo(2000, 6);
  });

  it('refuses what an LP/QP cannot hold, naming the generator', () => {
    const m = new ModelBuilder();
    const p = m.addVariable(0, 1, 0);
    const cubic = {
      model: 'polynomial' as const,
      coefficients: [0, 1, 1, 1],
      startupCost: 0,
      shutdownCost: 0,
    };
    expect(addGeneratorCost(m, p, cubic, 'generator G7')).toMatch(
      /^generator G7: a cost polynomial above degree 2/,
    );
    const concave = {
      model: 'piecewise-linear' as const,
      points: [
        { pMw: 0, costPerHour: 0 },
        { pMw: 1, costPerHour: 10 },
        { pMw: 2, costPerHour: 15 },
      ],
      startupCost: 0,
      shutdownCost: 0,
    };
    expect(addGeneratorCost(m, p, concave, 'generator G8')).toMatch(/not convex/);
  });
});
