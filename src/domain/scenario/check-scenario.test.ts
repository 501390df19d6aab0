import { describe, expect, it } from 'vitest';
import { buildDistrictGrid } from '../../core/grid/index.ts';
import {
  checkScenario,
  formatScenarioIssue,
  isScenarioError,
  parseScenario,
  type Scenario,
  type ScenarioInput,
} from './index.ts';

const grid = buildDistrictGrid({ zoneCount: 2, sectionsPerFeeder: 3, lvFeedersPerSubstation: 1 });

function input(extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    format: 'kirchhoff-scenario',
    version: 1,
    name: 'test',
    network: { district: { zoneCount: 2, sectionsPerFeeder: 3, lvFeedersPerSubstation: 1 } },
    period: { start: '2007-07-16', days: 7 },
    series: {
      load: { zones: { z1: 'zone_1', z2: { source: 'zone_2', peakMw: 2 } } },
      pv: { sourceStart: '2013-07-16' },
      ev: { sourceStart: '2019-07-15' },
    },
    control: { importPrice: { flatPerMwh: 60, timeOfUse: [{ fromHour: 17, toHour: 21, pricePerMwh: 140 }] } },
    events: [
      { kind: 'line-fault', at: '2007-07-18T10:00', branchId: 'z1-mv-l2', repairAfterH: 6 },
      { kind: 'upstream-loss', from: '2007-07-20T18:00', to: '2007-07-20T21:00' },
      {
        kind: 'heat-wave',
        from: '2007-07-17T00:00',
        to: '2007-07-20T00:00',
        temperatureRiseC: 4,
        loadFactor: 1.1,
      },
      { kind: 'price-spike', from: '2007-07-19T17:00', to: '2007-07-19T20:00', priceFactor: 5 },
    ],
    ...extra,
  };
}

function parse(value: ScenarioInput): Scenario {
  const parsed = parseScenario(value);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatScenarioIssue).join('\n'));
  return parsed.scenario;
}

describe('parseScenario', () => {
  it('fills the defaults', () => {
    const s = parse(input());
    expect(s.period.intervalMin).toBe(15);
    expect(s.series.historyDays).toBe(56);
    expect(s.series.load.folder).toBe('gefcom2012-load');
    expect(s.control.horizonIntervals).toBe(96);
    expect(s.control.valueOfLostLoad).toEqual({ critical: 20_000, essential: 5_000, flexible: 500 });
    expect(s.noise).toEqual({ meterSigmaFraction: 0.01, missingProbability: 0 });
    expect(s.seed).toBe(1);
  });

  it('reports every schema problem with its path', () => {
    const bad = input({
      network: { file: 'grid.json', district: {} },
      period: { start: '16.7.2007', days: 0, intervalMin: 7 as 15 },
    }) as Record<string, unknown>;
    bad.events = [
      { kind: 'earthquake', at: '2007-07-18T10:00' },
      { kind: 'price-spike', from: 'noon' },
    ];
    bad.colour = 'red';
    const parsed = parseScenario(bad);
    if (parsed.ok) throw new Error('expected issues');
    const paths = parsed.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '',
        'network',
        'period.start',
        'period.days',
        'period.intervalMin',
        'events[0].kind',
        'events[1].from',
        'events[1].to',
        'events[1].priceFactor',
      ]),
    );
    expect(parsed.issues.find((i) => i.path === '')?.message).toMatch(/colour/);
    expect(parsed.issues.find((i) => i.path === 'network')?.message).toBe(
      'give exactly one of "file" and "district"',
    );
  });
});

describe('checkScenario', () => {
  it('accepts a consistent scenario', () => {
    expect(checkScenario(parse(input()), grid)).toEqual([]);
  });

  it('returns every problem at once, each naming its field', () => {
    const s = parse(
      input({
        series: {
          load: { sourceStart: '2007-07-17', zones: { z1: 'zone_31', z9: 'zone_2' } },
          pv: { sourceStart: '2013-02-30' },
        },
        control: {
          importPrice: { flatPerMwh: 60, timeOfUse: [{ fromHour: 5, toHour: 5, pricePerMwh: 1 }] },
          importBusId: 'nowhere',
        },
        events: [
          { kind: 'line-fault', at: '2007-08-01T10:00', branchId: 'z2-l4', repairAfterH: 2 },
          {
            kind: 'line-fault',
            at: '2007-07-18T10:07',
            branchId: 'z1-t1',
            repairAfterH: 2,
            isolateSwitchIds: ['z1-sw1', 'z1-sw9'],
          },
          { kind: 'upstream-loss', from: '2007-07-20T21:00', to: '2007-07-20T18:00', branchIds: ['gone'] },
          { kind: 'price-spike', from: '2007-07-15T23:00', to: '2007-07-23T00:15', priceFactor: 2 },
        ],
      }),
    );
    const issues = checkScenario(s, grid).map(
      (i) => `${isScenarioError(i) ? 'E' : 'W'} ${formatScenarioIssue(i)}`,
    );
    expect(issues).toEqual([
      'W series.load.sourceStart: 2007-07-17 is a Tuesday but period.start 2007-07-16 is a Monday: weekly patterns are shifted',
      'E series.pv.sourceStart: 2013-02-30 is not a calendar date',
      'E series.load.zones.z1: no GEFCom zone "zone_31" (expected zone_1 .. zone_20)',
      'E series.load.zones.z9: no zone "z9" in the grid',
      'E series.load.zones: zone "z2" has 17 load(s) but no load source',
      `W series.ev: absent, so the grid's ${grid.evChargers.length} EV chargers see no sessions`,
      'E control.importBusId: no bus "nowhere"',
      'E control.importPrice.timeOfUse[0].toHour: the window is empty',
      'E events[0].at: 2007-08-01T10:00 is at or after the period end 2007-07-23T00:00',
      'E events[0].branchId: no branch "z2-l4"',
      'E events[1].at: 2007-07-18T10:07 is not on the 15-minute interval grid',
      'W events[1].branchId: branch "z1-t1" is a transformer, not a line',
      'E events[1].isolateSwitchIds[1]: no switch "z1-sw9"',
      'E events[2].to: 2007-07-20T18:00 is not after from 2007-07-20T21:00',
      'E events[2].branchIds[0]: no branch "gone"',
      'E events[3].from: 2007-07-15T23:00 is before the period start 2007-07-16T00:00',
      'E events[3].to: 2007-07-23T00:15 is after the period end 2007-07-23T00:00',
    ]);
  });

  it('flags loads on buses without a zone and twin or unusual GEFCom zones', () => {
    const unzoned = {
      ...grid,
      buses: grid.buses.map((b) => (b.id === 'z2-lv3-b1' ? { ...b, zoneId: undefined } : b)),
    };
    const s = parse(input({ series: { load: { zones: { z1: 'zone_3', z2: 'zone_7' } } } }));
    const issues = checkScenario(s, unzoned).map(formatScenarioIssue);
    expect(issues).toContain('series.load.zones.z2: zone_7 is the same series as zone_3 (zone z1)');
    expect(issues.find((m) => m.includes('without a zone'))).toMatch(
      /^series\.load\.zones: 2 load\(s\) sit on buses without a zone.*"z2-lv3-b1"\)$/,
    );
    const quirky = parse(input({ series: { load: { zones: { z1: 'zone_9', z2: 'zone_2' } } } }));
    expect(checkScenario(quirky, grid).map(formatScenarioIssue)).toContain(
      'series.load.zones.z1: zone_9: looks like an industrial customer with irregular shutdowns',
    );
  });
});
