import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioData, ScenarioInput } from '../../domain/scenario/index.ts';
import { expectErrors, expectOk, removeFixtures, sharedDataDir, writeFixture } from './dataset-fixtures.ts';
import { findSharedDataDir, readScenario } from './index.ts';

afterAll(removeFixtures);

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const flagshipPath = join(repo, 'examples', 'flagship', 'scenario.json');

/** A small scenario (two zones) on the shared data, written to a fresh folder. */
function writeScenario(change: (s: ScenarioInput) => void = () => {}, extra: Record<string, string> = {}) {
  const scenario: ScenarioInput = {
    format: 'kirchhoff-scenario',
    version: 1,
    name: 'small',
    network: { district: { zoneCount: 2, sectionsPerFeeder: 2, lvFeedersPerSubstation: 1 } },
    period: { start: '2007-07-16', days: 2 },
    series: {
      dataDir: sharedDataDir(),
      historyDays: 7,
      load: { zones: { z1: 'zone_1', z2: { source: 'zone_5', peakMw: 2 } } },
      pv: { sourceStart: '2013-07-15' },
      ev: { sourceStart: '2019-07-15', jitterMin: 0 },
    },
    control: { importPrice: { flatPerMwh: 50 } },
    events: [{ kind: 'line-fault', at: '2007-07-17T08:00', branchId: 'z1-mv-l2', repairAfterH: 3 }],
  };
  change(scenario);
  const dir = writeFixture({ 'scenario.json': JSON.stringify(scenario), ...extra });
  return join(dir, 'scenario.json');
}

describe('readScenario on the flagship', () => {
  let data: ScenarioData;
  let warnings: string[];
  beforeAll(() => {
    ({ value: data, warnings } = expectOk(readScenario(flagshipPath)));
  });

  it('generates the district and puts a week on 672 intervals after 120 days of history', () => {
    expect(data.grid.buses.length).toBe(549);
    expect(data.period.intervalCount).toBe(672);
    expect(data.period.historyIntervalCount).toBe(120 * 96);
    expect(data.intervalStartMs[0]).toBe(Date.UTC(2007, 7, 6));
    expect(data.intervalStartMs[671]).toBe(Date.UTC(2007, 7, 12, 23, 45));
    expect(data.importBusId).toBe('sub-hv');
    expect(warnings).toEqual([
      `${join(findSharedDataDir(), 'nrel-pvdaq-system50-pv', 'pv_ac_power_15min.csv')}:ac_power: 34 values missing in the history window: left as NaN`,
    ]);
  });

  it('scales each zone to its peak and gives temperature in degF', () => {
    const n = data.period.historyIntervalCount + data.period.intervalCount;
    expect(Object.keys(data.zoneLoadMw)).toEqual(['z1', 'z2', 'z3', 'z4', 'z5', 'z6']);
    for (const series of Object.values(data.zoneLoadMw)) {
      expect(series.length).toBe(n);
      expect(Math.max(...series)).toBeCloseTo(3, 4); // the grid's loads, rounded to watts
      expect(Math.min(...series)).toBeGreaterThan(0.3);
    }
    const t = data.temperatureDegF;
    expect(t.length).toBe(n);
    expect(Math.max(...t.slice(-672))).toBeGreaterThan(95);
    expect(Math.min(...t)).toBeGreaterThan(20);
  });

  it('gives PV availability within capacity, zero at night, and EV sessions inside the period', () => {
    expect(Object.keys(data.pvAvailableMw).length).toBe(data.grid.pv.length);
    const unit = data.grid.pv[0];
    const mw = data.pvAvailableMw[unit.id];
    expect(mw.length).toBe(672);
    expect(Math.max(...mw)).toBeLessThanOrEqual(unit.capacityMw);
    expect(Math.max(...mw)).toBeGreaterThan(0.6 * unit.capacityMw);
    expect(mw[8]).toBe(0); // 02:00
    expect(data.evSessions.length).toBeGreaterThan(500);
    const chargers = new Set(data.grid.evChargers.map((c) => c.id));
    for (const s of data.evSessions) {
      expect(chargers.has(s.chargerId)).toBe(true);
      expect(0 <= s.arrivalInterval && s.arrivalInterval < s.departureInterval).toBe(true);
      expect(s.departureInterval).toBeLessThanOrEqual(672);
    }
  });

  it('puts the events on interval indices and prices on every interval', () => {
    expect(data.events.map((e) => e.kind)).toEqual([
      'line-fault',
      'price-spike',
      'upstream-loss',
      'heat-wave',
    ]);
    expect(data.events[0]).toEqual({
      kind: 'line-fault',
      atInterval: 232,
      branchId: 'z3-mv-l3',
      repairInterval: 264,
    });
    expect(data.events[2]).toEqual({
      kind: 'upstream-loss',
      fromInterval: 456,
      toInterval: 468,
      branchIds: ['sub-t1'],
    });
    expect(data.importPriceByInterval[0]).toBe(45);
    expect(data.importPriceByInterval[17 * 4]).toBe(120);
    expect(data.importPriceByInterval[5 * 96 + 17 * 4]).toBe(65); // Saturday
  });
});

describe('readScenario errors', () => {
  it('names the file and the field of every problem in the scenario', () => {
    const path = writeScenario((s) => {
      s.events = [
        { kind: 'line-fault', at: '2007-07-19T08:00', branchId: 'z2-l4', repairAfterH: 3 },
        { kind: 'price-spike', from: '2007-07-16T10:00', to: '2007-07-16T09:00', priceFactor: 3 },
      ];
      s.series.load.zones = { z1: 'zone_31', z2: 'zone_2' };
    });
    expect(expectErrors(readScenario(path))).toEqual([
      `${path}:series.load.zones.z1: no GEFCom zone "zone_31" (expected zone_1 .. zone_20)`,
      `${path}:events[0].at: 2007-07-19T08:00 is at or after the period end 2007-07-18T00:00`,
      `${path}:events[0].branchId: no branch "z2-l4"`,
      `${path}:events[1].to: 2007-07-16T09:00 is not after from 2007-07-16T10:00`,
    ]);
    const schema = writeScenario((s) => {
      (s.period as Record<string, unknown>).days = 'seven';
    });
    expect(expectErrors(readScenario(schema))[0]).toMatch(/:period\.days: .*number/);
  });

  it('names each data file and the range it is missing, all at once', () => {
    const path = writeScenario((s) => {
      s.period.start = '2008-03-31';
      s.series.pv = { sourceStart: '2013-09-30' };
      s.series.ev = { sourceStart: '2020-03-30' };
      s.events = [];
    });
    const data = sharedDataDir();
    expect(expectErrors(readScenario(path))).toEqual([
      `${join(data, 'gefcom2012-load', 'load_hourly.csv')}: no data from 2008-04-01T00:00 to 2008-04-01T23:00: the scenario needs 2008-03-24T00:00 to 2008-04-01T23:00 (7 history days before 2008-03-31 and 2 days); the file has 2004-01-01T00:00 to 2008-03-31T23:00`,
      `${join(data, 'gefcom2012-load', 'temperature_hourly.csv')}: no data from 2008-04-01T00:00 to 2008-04-01T23:00: the scenario needs 2008-03-24T00:00 to 2008-04-01T23:00 (7 history days before 2008-03-31 and 2 days); the file has 2004-01-01T00:00 to 2008-03-31T23:00`,
      `${join(data, 'nrel-pvdaq-system50-pv', 'pv_ac_power_15min.csv')}:ac_power: no data from 2013-10-01T00:00 to 2013-10-01T23:45: the scenario needs 2013-09-23T00:00 to 2013-10-01T23:45 (America/Denver local time; 7 history days and 2 days from 2013-09-30); the file has 2011-04-15T00:00 to 2013-09-30T23:45`,
      `${join(data, 'trondheim-residential-ev-charging', 'sessions.csv')}: no sessions from 2020-03-30T00:00 to 2020-03-31T23:59: the scenario needs 2020-03-30T00:00 to 2020-03-31T23:59 (Europe/Oslo local time, 2 days from 2020-03-30); the file has 2018-12-21T10:20 to 2019-12-28T00:15`,
    ]);
  });

  it('names missing history before the data and PV outages inside the period', () => {
    const path = writeScenario((s) => {
      s.period.start = '2007-07-16';
      s.series.load.sourceStart = '2004-01-05';
      s.series.pv = { sourceStart: '2012-04-20' };
      s.events = [];
    });
    const errors = expectErrors(readScenario(path));
    expect(errors[0]).toContain(
      'load_hourly.csv: no data from 2003-12-29T00:00 to 2003-12-31T23:00: the scenario needs 2003-12-29T00:00 to 2004-01-06T23:00',
    );
    expect(errors.find((e) => e.includes('pv_ac_power_15min.csv'))).toMatch(
      /:ac_power: no data from 2012-04-18T13:15 to 2012-04-20T06:30 local time \(America\/Denver\), inside the simulated period$/,
    );
  });

  it('reports an unreadable or invalid file and a broken grid file by name', () => {
    expect(expectErrors(readScenario('/nonexistent/scenario.json'))[0]).toMatch(
      /^\/nonexistent\/scenario\.json: cannot read the scenario: ENOENT/,
    );
    const dir = writeFixture({ 'scenario.json': '{ "format": ' });
    expect(expectErrors(readScenario(join(dir, 'scenario.json')))[0]).toMatch(
      /scenario\.json: not valid JSON/,
    );
    const path = writeScenario(
      (s) => {
        s.network = { file: 'grid.json' };
      },
      { 'grid.json': JSON.stringify({ format: 'kirchhoff-grid', version: 1, buses: [{ id: 'a' }] }) },
    );
    expect(expectErrors(readScenario(path))[0]).toBe(
      `${path}:network.file: ${join(dirname(path), 'grid.json')}: buses[0].baseKv: Invalid input: expected number, received undefined`,
    );
  });
});

describe('readScenario with a grid file', () => {
  it('reads the grid beside the scenario and maps its zones', () => {
    const path = writeScenario((s) => {
      s.network = { file: 'district.json' };
      s.series.load.zones = { north: 'zone_1', south: 'zone_5', east: { source: 'zone_8', peakMw: 6 } };
      s.events = [{ kind: 'upstream-loss', from: '2007-07-16T18:00', to: '2007-07-16T20:00' }];
    });
    copyFileSync(join(repo, 'examples', 'district.json'), join(dirname(path), 'district.json'));
    const { value } = expectOk(readScenario(path));
    expect(value.grid.name).toBe('district');
    expect(Math.max(...value.zoneLoadMw.east)).toBeCloseTo(6, 9);
    expect(Math.max(...value.zoneLoadMw.north)).toBeCloseTo(4.1, 9);
    expect(value.events[0]).toEqual({
      kind: 'upstream-loss',
      fromInterval: 72,
      toInterval: 80,
      branchIds: ['line-upstream'],
    });
    expect(value.pvAvailableMw['pv-north-3'].length).toBe(192);
  });
});

describe('findSharedDataDir', () => {
  it('prefers $KIRCHHOFF_SHARED_DIR, then a shared/data folder up the tree, then /work/shared/data', () => {
    expect(findSharedDataDir({ KIRCHHOFF_SHARED_DIR: '/somewhere' })).toBe('/somewhere/data');
    const root = writeFixture({});
    mkdirSync(join(root, 'shared', 'data'), { recursive: true });
    mkdirSync(join(root, 'repo', 'src'), { recursive: true });
    expect(findSharedDataDir({}, join(root, 'repo', 'src'))).toBe(join(root, 'shared', 'data'));
    expect(findSharedDataDir({}, '/')).toBe('/work/shared/data');
  });
});
