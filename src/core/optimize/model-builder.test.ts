import { describe, expect, it } from 'vitest';
import { ModelBuilder } from './index.ts';

describe('ModelBuilder', () => {
  it('fills CSR rows, bounds, costs and quadratic triplets without losing entries as it grows', () => {
    const m = new ModelBuilder();
    const cols = Array.from({ length: 100 }, (_, j) =>
      m.addVariable(-j, j, j / 2, j === 3 ? 'x3' : undefined),
    );
    for (let i = 0; i < 80; i++)
      m.addRow(i, i + 1, [cols[i], cols[i + 1], cols[i + 2]], [1, 0, -2], i === 0 ? 'first' : undefined);
    m.addCost(5, 1);
    m.addQuadratic(2, 7, 3);
    m.offset = 4;
    const p = m.build();
    expect([p.numCols, p.numRows, p.offset]).toEqual([100, 80, 4]);
    expect(p.colCost[5]).toBe(3.5);
    expect(p.colLower[9]).toBe(-9);
    expect(p.rowStarts.length).toBe(81);
    expect(p.indices.length).toBe(160); // zero coefficients are not stored
    expect([...p.indices.subarray(p.rowStarts[79], p.rowStarts[80])]).toEqual([79, 81]);
    expect([...p.values.subarray(p.rowStarts[79], p.rowStarts[80])]).toEqual([1, -2]);
    expect(p.quadratic).toEqual({
      rows: Int32Array.of(7),
      cols: Int32Array.of(2),
      values: Float64Array.of(3),
    });
    expect(p.colNames?.[3]).toBe('x3');
    expect(p.rowNames?.[0]).toBe('first');
    expect(p.rowNames?.[1]).toBe('');
  });

  it('sums the coefficients of a variable named twice in a row, row by row', () => {
    const m = new ModelBuilder();
    const x = m.addVariable(0, 1);
    const y = m.addVariable(0, 1);
    m.addRow(0, 1, [x, y, x, x], [1, 2, 3, -4]); // x: 1 + 3 - 4 = 0 stays as an explicit 0
    m.addRow(0, 1, [y, x, y], [5, 6, 7]);
    const p = m.build();
    expect([...p.indices]).toEqual([x, y, y, x]);
    expect([...p.values]).toEqual([0, 2, 12, 6]);
    expect([...p.rowStarts]).toEqual([0, 2, 4]);
  });
});
