import { beforeAll, describe, expect, it } from 'vitest';
import { type LpSolver, ModelBuilder } from '../index.ts';
import { createHighsSolver } from './index.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

describe('createHighsSolver', () => {
  it('solves an LP and gives duals as prices (objective change per unit of a bound)', () => {
    // min 2x + 3y  s.t.  x + y >= 10 (demand), x <= 6 (capacity)
    const m = new ModelBuilder();
    const x = m.addVariable(0, 6, 2);
    const y = m.addVariable(0, Number.POSITIVE_INFINITY, 3);
    const demand = m.addRow(10, Number.POSITIVE_INFINITY, [x, y], [1, 1], 'demand');
    m.offset = 5;
    const r = solver.solve(m.build());
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(5 + 12 + 12, 9);
    expect([...r.x]).toEqual([6, 4]);
    expect(r.rowDual[demand]).toBeCloseTo(3, 9); // one more unit of demand comes from y
    expect(r.colDual[x]).toBeCloseTo(-1, 9); // one more unit of x capacity saves 1
  });

  it('solves a convex QP to a tight optimum (scaled objective)', () => {
    // min 40 p1 + 0.01 p1^2 + 30 p2 + 0.05 p2^2  s.t. p1 + p2 = 300: 40 + 0.02 p1 = 30 + 0.1 p2
    const m = new ModelBuilder();
    const p1 = m.addVariable(0, 1000, 40);
    const p2 = m.addVariable(0, 1000, 30);
    m.addQuadratic(p1, p1, 0.02);
    m.addQuadratic(p2, p2, 0.1);
    const balance = m.addRow(300, 300, [p1, p2], [1, 1]);
    const r = solver.solve(m.build());
    const expectedP2 = (10 + 0.02 * 300) / 0.12;
    expect(r.status).toBe('optimal');
    expect(r.x[p2]).toBeCloseTo(expectedP2, 6);
    expect(r.x[p1]).toBeCloseTo(300 - expectedP2, 6);
    expect(r.rowDual[balance]).toBeCloseTo(30 + 0.1 * expectedP2, 7);
  });

  it('reports infeasible and unbounded programs as statuses', () => {
    const infeasible = new ModelBuilder();
    const a = infeasible.addVariable(0, 1, 1);
    infeasible.addRow(2, 3, [a], [1]);
    expect(solver.solve(infeasible.build()).status).toBe('infeasible');
    const unbounded = new ModelBuilder();
    const b = unbounded.addVariable(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1);
    unbounded.addRow(Number.NEGATIVE_INFINITY, 3, [b], [1]);
    expect(solver.solve(unbounded.build()).status).toMatch(/unbounded/);
  });
});
