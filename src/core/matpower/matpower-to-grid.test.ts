import { describe, expect, it } from 'vitest';
import { convertMatpowerCase, formatMatpowerError, parseMatpower } from './index.ts';

const text = (genBus = 2, extra = '') => `function mpc = mini
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
  1 3 0 0 0 0 1 1.02 0 230 1 1.1 0.9;
  2 1 50 10 0 5 2 1 0 230 1 1.1 0.9;
];
mpc.gen = [
  1 0 0 Inf -Inf 1.02 100 1 Inf 0;
  ${genBus} 10 2 30 -30 1 100 1 40 -5;
];
mpc.branch = [
  1 2 0.01 0.1 0.02 0 0 0 0 0 1 -360 360;
  1 2 0.01 0.1 0 150 0 0 0.98 2.5 0 -30 30;
];
mpc.gencost = [
  2 0 0 3 0.01 20 5 0;
  1 0 0 2 0 0 40 800;
];
${extra}`;

function convert(source: string) {
  const parsed = parseMatpower(source, 'mini.m');
  if (!parsed.ok) throw new Error(parsed.errors.map(formatMatpowerError).join('\n'));
  return convertMatpowerCase(parsed.value, 'mini.m');
}

describe('convertMatpowerCase', () => {
  it('maps rows to grid elements with units, limits and costs', () => {
    const out = convert(text());
    if (!out.ok) throw new Error(out.errors.map(formatMatpowerError).join('\n'));
    const g = out.grid;
    expect(g.name).toBe('mini');
    expect(g.buses.map((b) => [b.id, b.type, b.zoneId])).toEqual([
      ['1', 'slack', 'area-1'],
      ['2', 'pq', 'area-2'],
    ]);
    expect(g.zones.map((z) => z.id)).toEqual(['area-1', 'area-2']);
    expect(g.loads).toEqual([
      { id: 'load-2', busId: '2', pMw: 50, qMvar: 10, priority: 'essential', inService: true },
    ]);
    expect(g.shunts).toEqual([{ id: 'shunt-2', busId: '2', gMw: 0, bMvar: 5, inService: true }]);
    // Inf limits become absent limits; a negative PMIN is kept.
    expect(g.generators[0].qMaxMvar).toBeUndefined();
    expect(g.generators[0].pMaxMw).toBeUndefined();
    expect(g.generators[1]).toMatchObject({ pMinMw: -5, pMaxMw: 40, qMinMvar: -30, qMaxMvar: 30 });
    expect(g.generators[0].cost).toEqual({
      model: 'polynomial',
      coefficients: [5, 20, 0.01],
      startupCost: 0,
      shutdownCost: 0,
    });
    expect(g.generators[1].cost).toMatchObject({
      model: 'piecewise-linear',
      points: [
        { pMw: 0, costPerHour: 0 },
        { pMw: 40, costPerHour: 800 },
      ],
    });
    expect(g.branches[0]).toMatchObject({ kind: 'line', tapRatio: 1, shiftDeg: 0, inService: true });
    expect(g.branches[0].angMinDeg).toBeUndefined();
    expect(g.branches[1]).toMatchObject({
      kind: 'transformer',
      tapRatio: 0.98,
      shiftDeg: 2.5,
      rateAMva: 150,
      inService: false,
      angMinDeg: -30,
      angMaxDeg: 30,
    });
  });

  it('names the file and line of a generator at a bus that does not exist', () => {
    const out = convert(text(7));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.map(formatMatpowerError)).toEqual([
      'mini.m:10: generators[1].busId: bus "7" does not exist',
    ]);
  });

  it('names the line of a duplicate bus number', () => {
    const source = text().replace('  2 1 50 10', '  1 1 50 10');
    const out = convert(source);
    if (out.ok) throw new Error('expected errors');
    const messages = out.errors.map(formatMatpowerError);
    expect(messages[0]).toBe('mini.m:6: buses[1].id: duplicate id "1" (first at buses[0])');
  });
});
