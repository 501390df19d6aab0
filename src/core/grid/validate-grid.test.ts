import { describe, expect, it } from 'vitest';
import { buildGridJsonSchema, formatGridIssue, type GridInput, parseGrid } from './index.ts';

const minimal = (): GridInput => ({
  format: 'kirchhoff-grid',
  version: 1,
  buses: [
    { id: 'a', baseKv: 20, type: 'slack' },
    { id: 'b', baseKv: 20 },
  ],
  branches: [{ id: 'l1', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.02 }],
  generators: [{ id: 'g', busId: 'a' }],
  loads: [{ id: 'd', busId: 'b', pMw: 1 }],
});

describe('parseGrid', () => {
  it('fills defaults of a minimal grid', () => {
    const parsed = parseGrid(minimal());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.grid.baseMva).toBe(100);
    expect(parsed.grid.buses[1].type).toBe('pq');
    expect(parsed.grid.loads[0].priority).toBe('essential');
    expect(parsed.grid.branches[0].tapRatio).toBe(1);
  });

  it('round-trips through JSON unchanged', () => {
    const parsed = parseGrid(minimal());
    if (!parsed.ok) throw new Error('invalid');
    const again = parseGrid(JSON.parse(JSON.stringify(parsed.grid)));
    expect(again).toEqual(parsed);
  });

  it('reports every broken reference with its path', () => {
    const grid = minimal();
    grid.branches = [
      { id: 'l1', fromBusId: 'a', toBusId: 'b', rPu: 0.01, xPu: 0.02 },
      { id: 'l2', fromBusId: 'a', toBusId: '9999', rPu: 0.01, xPu: 0.02 },
    ];
    grid.loads = [{ id: 'd', busId: 'nowhere', pMw: 1 }];
    const parsed = parseGrid(grid);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map(formatGridIssue)).toEqual([
      'branches[1].toBusId: bus "9999" does not exist',
      'loads[0].busId: bus "nowhere" does not exist',
    ]);
  });

  it('reports schema errors with paths: NaN-free numbers, wrong types, unknown fields', () => {
    const grid = minimal() as Record<string, unknown>;
    grid.buses = [
      { id: 'a', baseKv: Number.NaN, type: 'slack' },
      { id: 'b', baseKv: 20, colour: 'red' },
    ];
    const parsed = parseGrid(grid);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.issues.map((i) => i.path);
    expect(paths).toContain('buses[0].baseKv');
    expect(paths).toContain('buses[1]');
    expect(parsed.issues.find((i) => i.path === 'buses[1]')?.message).toMatch(/colour/);
  });

  it('rejects duplicates, self-loops, zero impedance and inconsistent limits', () => {
    const grid = minimal();
    grid.buses.push({ id: 'b', baseKv: 20 });
    grid.branches = [{ id: 'l1', fromBusId: 'a', toBusId: 'a', rPu: 0, xPu: 0 }];
    grid.generators = [{ id: 'g', busId: 'a', pMinMw: 5, pMaxMw: 1, qMinMvar: 3, qMaxMvar: -3 }];
    const parsed = parseGrid(grid);
    if (parsed.ok) throw new Error('expected issues');
    expect(parsed.issues.map(formatGridIssue)).toEqual([
      'buses[2].id: duplicate id "b" (first at buses[1])',
      'branches[0].toBusId: a branch cannot connect a bus to itself',
      'branches[0].xPu: zero impedance (r = x = 0); model a zero-impedance connection as a switch',
      'generators[0].pMinMw: 5 exceeds pMaxMw 1',
      'generators[0].qMinMvar: 3 exceeds qMaxMvar -3',
    ]);
  });

  it('accepts limits in the wrong order with warnings, since calculations can still run', () => {
    const grid = minimal();
    grid.generators = [{ id: 'g', busId: 'a', pMinMw: 5, pMaxMw: 1 }];
    const parsed = parseGrid(grid);
    if (!parsed.ok) throw new Error('expected a grid');
    expect(parsed.warnings).toEqual([
      { path: 'generators[0].pMinMw', message: '5 exceeds pMaxMw 1', severity: 'warning' },
    ]);
  });

  it('rejects an empty grid', () => {
    const parsed = parseGrid({ format: 'kirchhoff-grid', version: 1, buses: [] });
    if (parsed.ok) throw new Error('expected issues');
    expect(parsed.issues.map(formatGridIssue)).toEqual(['buses: the grid has no buses']);
  });

  it('rejects input that is not a grid at all', () => {
    for (const input of [null, 42, 'grid', [], { format: 'other', version: 1, buses: [] }]) {
      expect(parseGrid(input).ok).toBe(false);
    }
  });
});

describe('buildGridJsonSchema', () => {
  it('describes every component collection with units in the field names', () => {
    const schema = buildGridJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'buses',
        'branches',
        'switches',
        'generators',
        'loads',
        'storage',
        'pv',
        'evChargers',
      ]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'buses']));
    expect(JSON.stringify(schema)).toContain('rPu');
  });
});
