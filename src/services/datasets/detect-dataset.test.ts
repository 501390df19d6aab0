import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectErrors, expectOk, removeFixtures, sharedDataDir, writeFixture } from './dataset-fixtures.ts';
import { detectDataset, readDataset } from './detect-dataset.ts';

afterAll(removeFixtures);

const EXPECTED =
  'gefcom2012 (load_hourly.csv, temperature_hourly.csv, holidays.csv); tetouan (tetouan_zones_10min.csv); pv (pv_ac_power_15min.csv, weather_nsrdb_30min.csv); ev (sessions.csv)';

describe('detectDataset', () => {
  it('recognises the four shared folders', () => {
    const kinds = [
      'gefcom2012-load',
      'tetouan-city-load',
      'nrel-pvdaq-system50-pv',
      'trondheim-residential-ev-charging',
    ].map((name) => expectOk(detectDataset(join(sharedDataDir(), name))).value);
    expect(kinds).toEqual(['gefcom2012', 'tetouan', 'pv', 'ev']);
  });

  it('reads a detected folder with its reader', () => {
    const { value } = expectOk(readDataset(join(sharedDataDir(), 'tetouan-city-load')));
    expect(value.kind).toBe('tetouan');
  });

  it('lists the expected files when nothing matches', () => {
    const dir = writeFixture({ 'README.md': '', 'load_hourly.csv': '' });
    expect(expectErrors(detectDataset(dir))).toEqual([
      `${dir}: no known dataset: expected the files of one of ${EXPECTED}`,
    ]);
    expect(expectErrors(readDataset(join(dir, 'nope')))).toEqual([`${join(dir, 'nope')}: folder not found`]);
  });

  it('refuses a folder with the files of two datasets', () => {
    const dir = writeFixture({ 'sessions.csv': '', 'tetouan_zones_10min.csv': '' });
    expect(expectErrors(detectDataset(dir))).toEqual([
      `${dir}: holds the files of several datasets (tetouan, ev); expected those of exactly one of ${EXPECTED}`,
    ]);
  });
});
