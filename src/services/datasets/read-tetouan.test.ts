import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrors, expectOk, removeFixtures, sharedDataDir, writeFixture } from './dataset-fixtures.ts';
import { readTetouan, type TetouanDataset } from './read-tetouan.ts';

afterAll(removeFixtures);

const HEADER =
  'timestamp,temperature_c,humidity_pct,wind_speed,general_diffuse_flows,diffuse_flows,zone1_power,zone2_power,zone3_power';
const row = (ts: string, zone1 = '30000.5') => `${ts},6.5,73.8,0.083,0.051,0.119,${zone1},16128.9,20240.9`;
const tetouan = (rows: string[]) =>
  writeFixture({ 'tetouan_zones_10min.csv': `${HEADER}\n${rows.join('\n')}\n` });

describe('readTetouan on the shared data', () => {
  let value: TetouanDataset;
  let warnings: string[];
  beforeAll(() => {
    ({ value, warnings } = expectOk(readTetouan(join(sharedDataDir(), 'tetouan-city-load'))));
  });

  it('has 3 zones and 5 weather series, 10-minute, on a fixed UTC+01:00 clock', () => {
    expect(warnings).toEqual([]);
    expect(value.zones.map((s) => s.name)).toEqual(['zone1', 'zone2', 'zone3']);
    expect(value.weather.map((s) => [s.name, s.unit])).toEqual([
      ['temperature_c', 'degC'],
      ['humidity_pct', '%'],
      ['wind_speed', 'unstated'],
      ['general_diffuse_flows', 'W/m2'],
      ['diffuse_flows', 'W/m2'],
    ]);
    for (const s of [...value.zones, ...value.weather]) {
      expect(s.startMs).toBe(Date.parse('2017-01-01T00:00:00+01:00'));
      expect(s.stepMs).toBe(600_000);
      expect(s.clock).toEqual({ kind: 'fixed-offset', offsetMinutes: 60 });
      expect(s.values.length).toBe(42_048);
      expect(s.values.some(Number.isNaN)).toBe(false);
    }
    expect(value.zones.every((s) => s.unit === 'kW')).toBe(true);
  });

  it('matches cells of the CSV', () => {
    const [zone1, zone2, zone3] = value.zones;
    expect(zone1.values[0]).toBe(34055.6962);
    expect(zone2.values[1]).toBe(19375.07599);
    expect(zone3.values[42_047]).toBe(13165.71429); // 2017-10-19T23:50:00+01:00
    expect(value.weather[0].values[2]).toBe(6.313);
    expect(zone3.startMs + 42_047 * zone3.stepMs).toBe(Date.parse('2017-10-19T23:50:00+01:00'));
  });
});

describe('readTetouan on fixtures', () => {
  it('takes the clock offset from the timestamps', () => {
    const { value } = expectOk(
      readTetouan(tetouan([row('2017-03-01T10:00:00Z'), row('2017-03-01T10:10:00Z')])),
    );
    expect(value.zones[0].clock).toEqual({ kind: 'fixed-offset', offsetMinutes: 0 });
    expect(value.zones[0].startMs).toBe(Date.UTC(2017, 2, 1, 10));
  });

  it('reports an offset change as a daylight-saving jump', () => {
    const rows = [
      row('2017-03-26T01:50:00+01:00'),
      row('2017-03-26T03:00:00+02:00'),
      row('2017-03-26T02:10:00+01:00'),
    ];
    expect(expectErrors(readTetouan(tetouan(rows)))).toEqual([
      'tetouan_zones_10min.csv:3:timestamp: offset +02:00 differs from +01:00 on line 2: a daylight-saving jump, but this clock is a fixed UTC offset',
    ]);
  });

  it('reports timestamps without offset, off the grid, duplicated or out of order', () => {
    const rows = [
      row('2017-01-01T00:00:00'),
      row('2017-01-01T00:00:00+01:00'),
      row('2017-01-01T00:05:00+01:00'),
      row('2017-01-01T00:10:00+01:00'),
      row('2017-01-01T00:10:00+01:00'),
      row('2017-01-01T00:00:00+01:00'),
    ];
    expect(expectErrors(readTetouan(tetouan(rows)))).toEqual([
      'tetouan_zones_10min.csv:2:timestamp: "2017-01-01T00:00:00" has no UTC offset (expected YYYY-MM-DDTHH:MM:SS+HH:MM)',
      'tetouan_zones_10min.csv:4:timestamp: 2017-01-01T00:05:00+01:00 is not on the 10-minute grid',
      'tetouan_zones_10min.csv:6:timestamp: duplicated timestamp 2017-01-01T00:10:00+01:00 (also on line 5)',
      'tetouan_zones_10min.csv:7:timestamp: 2017-01-01T00:00:00+01:00 is earlier than 2017-01-01T00:10:00+01:00 on line 5: rows must be in time order',
    ]);
  });

  it('reports bad and empty cells and warns about gaps', () => {
    const bad = [row('2017-01-01T00:00:00+01:00', 'n/a'), row('2017-01-01T00:10:00+01:00', '')];
    expect(expectErrors(readTetouan(tetouan(bad)))).toEqual([
      'tetouan_zones_10min.csv:2:zone1_power: "n/a" is not a number',
      'tetouan_zones_10min.csv:3:zone1_power: empty cell (this column has no missing values)',
    ]);
    const gappy = [row('2017-01-01T00:00:00+01:00'), row('2017-01-01T00:40:00+01:00')];
    const { value, warnings } = expectOk(readTetouan(tetouan(gappy)));
    expect(warnings).toEqual([
      'tetouan_zones_10min.csv:3:timestamp: gap: no rows from 2017-01-01T00:10:00+01:00 to 2017-01-01T00:30:00+01:00 (3 steps), filled with NaN',
    ]);
    expect(Array.from(value.zones[0].values)).toEqual([30000.5, NaN, NaN, NaN, 30000.5]);
  });

  it('reports a wrong header, a missing file and a file without rows', () => {
    const dir = writeFixture({ 'tetouan_zones_10min.csv': `${HEADER.replace('zone3_power', 'zone3')}\n` });
    expect(expectErrors(readTetouan(dir))).toEqual([
      `tetouan_zones_10min.csv:1: wrong header: expected ${HEADER} (column 9 is "zone3" instead of "zone3_power")`,
    ]);
    const empty = writeFixture({});
    expect(expectErrors(readTetouan(empty))).toEqual([`tetouan_zones_10min.csv: file not found in ${empty}`]);
    expect(expectErrors(readTetouan(tetouan([])))).toEqual([
      'tetouan_zones_10min.csv: no data rows after the header',
    ]);
  });
});
