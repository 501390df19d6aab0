import { describe, expect, it } from 'vitest';
import { buildDistrictGrid } from '../../core/grid/index.ts';
import { describePeriod, parseScenario, resolveScenarioEvents } from './index.ts';

describe('resolveScenarioEvents', () => {
  it('puts events on the simulated interval index with the upstream branches found in the grid', () => {
    const grid = buildDistrictGrid({ zoneCount: 2, sectionsPerFeeder: 2, lvFeedersPerSubstation: 1 });
    const parsed = parseScenario({
      format: 'kirchhoff-scenario',
      version: 1,
      name: 'events',
      network: { district: {} },
      period: { start: '2007-07-16', days: 7 },
      series: { load: { zones: {} } },
      control: { importPrice: { flatPerMwh: 60 } },
      events: [
        { kind: 'line-fault', at: '2007-07-18T10:00', branchId: 'z1-mv-l2', repairAfterH: 5.1 },
        { kind: 'upstream-loss', from: '2007-07-20T18:00', to: '2007-07-20T21:00' },
        {
          kind: 'heat-wave',
          from: '2007-07-17T00:00',
          to: '2007-07-20T00:00',
          temperatureRiseC: 5,
          loadFactor: 1.1,
        },
        { kind: 'price-spike', from: '2007-07-19T17:00', to: '2007-07-23T00:00', priceFactor: 4 },
      ],
    });
    if (!parsed.ok) throw new Error('invalid');
    const period = describePeriod({ ...parsed.scenario.period, historyDays: 0 });
    expect(resolveScenarioEvents(parsed.scenario, grid, period)).toEqual([
      { kind: 'line-fault', atInterval: 2 * 96 + 40, branchId: 'z1-mv-l2', repairInterval: 2 * 96 + 40 + 21 },
      { kind: 'upstream-loss', fromInterval: 4 * 96 + 72, toInterval: 4 * 96 + 84, branchIds: ['sub-t1'] },
      {
        kind: 'heat-wave',
        fromInterval: 96,
        toInterval: 4 * 96,
        temperatureRiseC: 5,
        temperatureRiseDegF: 9,
        loadFactor: 1.1,
      },
      { kind: 'price-spike', fromInterval: 3 * 96 + 68, toInterval: 672, priceFactor: 4 },
    ]);
  });
});
