import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegularSeries } from '../../core/forecast/index.ts';
import { expectErrors, expectOk, removeFixtures, sharedDataDir, writeFixture } from './dataset-fixtures.ts';
import { PVDAQ_SYSTEM_50_SITE, type PvDataset, readPvdaqSystem50 } from './read-pvdaq-system50.ts';

afterAll(removeFixtures);

const POWER_HEADER = 'timestamp_utc,timestamp_local,ac_power';
const WEATHER_HEADER = 'timestamp_utc,temp_air_c,ghi_wm2,ghi_clear_wm2,dni_clear_wm2,dhi_clear_wm2';
const WEATHER_OK = `${WEATHER_HEADER}\n2012-07-01T18:00:00Z,25.5,900,950,880,110\n2012-07-01T18:30:00Z,26,910,955,881,111\n`;
const pv = (powerRows: string[], weather = WEATHER_OK) =>
  writeFixture({
    'pv_ac_power_15min.csv': `${POWER_HEADER}\n${powerRows.join('\n')}\n`,
    'weather_nsrdb_30min.csv': weather,
  });

describe('readPvdaqSystem50 on the shared data', () => {
  let value: PvDataset;
  let warnings: string[];
  let power: RegularSeries;
  beforeAll(() => {
    ({ value, warnings } = expectOk(readPvdaqSystem50(join(sharedDataDir(), 'nrel-pvdaq-system50-pv'))));
    power = value.power;
  });
  const at = (iso: string) => power.values[(Date.parse(iso) - power.startMs) / power.stepMs];

  it('has the site constants of the README', () => {
    expect(warnings).toEqual([]);
    expect(value.kind).toBe('pv');
    expect(value.site).toEqual({ latDeg: 39.7406, lonDeg: -105.1775, timeZone: 'America/Denver' });
    expect(value.site).toBe(PVDAQ_SYSTEM_50_SITE);
  });

  it('has 15-minute power on UTC instants with the America/Denver clock, empty cells as NaN', () => {
    expect(power.name).toBe('ac_power');
    expect(power.unit).toBe('W');
    expect(power.startMs).toBe(Date.parse('2011-04-15T06:00:00Z'));
    expect(power.stepMs).toBe(900_000);
    expect(power.clock).toEqual({ kind: 'zone', timeZone: 'America/Denver' });
    expect(power.values.length).toBe(86_400);
    expect(power.values.filter(Number.isNaN).length).toBe(2443);
    expect(power.values[0]).toBe(-0.077);
    expect(at('2013-10-01T05:45:00Z')).toBe(-0.276);
    expect(Math.max(...power.values.filter((v) => !Number.isNaN(v)))).toBe(3367.927); // the README rounds it to 3,368
  });

  it('keeps the empty standard-time hour after the 2012 fall-back', () => {
    expect(at('2012-11-04T07:45:00Z')).toBe(-0.054);
    for (const m of ['00', '15', '30', '45']) expect(at(`2012-11-04T08:${m}:00Z`)).toBeNaN();
    expect(at('2012-11-04T09:00:00Z')).toBe(0.011);
  });

  it('has 30-minute NSRDB weather', () => {
    expect(value.weather.map((s) => [s.name, s.unit])).toEqual([
      ['temp_air_c', 'degC'],
      ['ghi_wm2', 'W/m2'],
      ['ghi_clear_wm2', 'W/m2'],
      ['dni_clear_wm2', 'W/m2'],
      ['dhi_clear_wm2', 'W/m2'],
    ]);
    for (const s of value.weather) {
      expect(s.startMs).toBe(Date.parse('2011-01-01T07:00:00Z'));
      expect(s.stepMs).toBe(1_800_000);
      expect(s.clock).toEqual({ kind: 'zone', timeZone: 'America/Denver' });
      expect(s.values.length).toBe(48_190);
      expect(s.values.some(Number.isNaN)).toBe(false);
    }
    expect(value.weather[0].values[0]).toBe(-15.9);
    expect(value.weather[0].values[48_189]).toBe(10.3);
  });
});

describe('readPvdaqSystem50 on fixtures', () => {
  it('reads empty power cells as NaN', () => {
    const rows = [
      '2012-07-01T18:00:00Z,2012-07-01T12:00:00-06:00,2500.5',
      '2012-07-01T18:15:00Z,2012-07-01T12:15:00-06:00,',
    ];
    const { value } = expectOk(readPvdaqSystem50(pv(rows)));
    expect(Array.from(value.power.values)).toEqual([2500.5, NaN]);
  });

  it('reports a local time that is another instant or has the wrong offset', () => {
    const rows = [
      '2012-11-04T07:45:00Z,2012-11-04T01:45:00-06:00,1',
      '2012-11-04T08:00:00Z,2012-11-04T01:00:00-06:00,1',
      '2012-07-01T18:00:00Z,2012-07-01T11:00:00-07:00,1',
      '2012-07-01T18:15:00Z,2012-07-01T12:15:00,1',
    ];
    expect(expectErrors(readPvdaqSystem50(pv(rows)))).toEqual([
      'pv_ac_power_15min.csv:3:timestamp_local: "2012-11-04T01:00:00-06:00" does not match timestamp_utc 2012-11-04T08:00:00Z: expected 2012-11-04T01:00:00-07:00 (America/Denver, -07:00)',
      'pv_ac_power_15min.csv:4:timestamp_local: "2012-07-01T11:00:00-07:00" does not match timestamp_utc 2012-07-01T18:00:00Z: expected 2012-07-01T12:00:00-06:00 (America/Denver, -06:00)',
      'pv_ac_power_15min.csv:5:timestamp_local: "2012-07-01T12:15:00" has no UTC offset (expected YYYY-MM-DDTHH:MM:SS-06:00)',
    ]);
  });

  it('reports UTC timestamps that are not UTC or off the grid', () => {
    const rows = [
      '2012-07-01T12:00:00-06:00,2012-07-01T12:00:00-06:00,1',
      '2012-07-01T18:05:00Z,2012-07-01T12:05:00-06:00,1',
    ];
    expect(expectErrors(readPvdaqSystem50(pv(rows)))).toEqual([
      'pv_ac_power_15min.csv:2:timestamp_utc: "2012-07-01T12:00:00-06:00" is not in UTC (expected YYYY-MM-DDTHH:MM:SSZ)',
      'pv_ac_power_15min.csv:3:timestamp_utc: 2012-07-01T18:05:00Z is not on the 15-minute grid',
    ]);
  });

  it('reports empty and bad weather cells, and warns about weather gaps', () => {
    const weather = `${WEATHER_HEADER}\n2012-07-01T18:00:00Z,,900,950,880,110\n2012-07-01T18:30:00Z,26,9OO,955,881,111\n`;
    const rows = ['2012-07-01T18:00:00Z,2012-07-01T12:00:00-06:00,1'];
    expect(expectErrors(readPvdaqSystem50(pv(rows, weather)))).toEqual([
      'weather_nsrdb_30min.csv:2:temp_air_c: empty cell (this column has no missing values)',
      'weather_nsrdb_30min.csv:3:ghi_wm2: "9OO" is not a number',
    ]);
    const gappy = `${WEATHER_HEADER}\n2012-07-01T18:00:00Z,25,1,1,1,1\n2012-07-01T19:30:00Z,25,1,1,1,1\n`;
    const { value, warnings } = expectOk(readPvdaqSystem50(pv(rows, gappy)));
    expect(warnings).toEqual([
      'weather_nsrdb_30min.csv:3:timestamp_utc: gap: no rows from 2012-07-01T18:30:00Z to 2012-07-01T19:00:00Z (2 steps), filled with NaN',
    ]);
    expect(value.weather[1].values.length).toBe(4);
  });

  it('reports a wrong header', () => {
    const dir = writeFixture({
      'pv_ac_power_15min.csv': 'timestamp_utc,ac_power\n2012-07-01T18:00:00Z,1\n',
      'weather_nsrdb_30min.csv': WEATHER_OK,
    });
    expect(expectErrors(readPvdaqSystem50(dir))).toEqual([
      'pv_ac_power_15min.csv:1: wrong header: expected timestamp_utc,timestamp_local,ac_power (column 2 is "ac_power" instead of "timestamp_local")',
    ]);
  });
});
