import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../core/forecast/index.ts';
import { expectErrors, expectOk, removeFixtures, sharedDataDir, writeFixture } from './dataset-fixtures.ts';
import { MAX_ISSUES_PER_FILE } from './dataset-result.ts';
import { type Gefcom2012Dataset, readGefcom2012 } from './read-gefcom2012.ts';

afterAll(removeFixtures);

const ZONES = Array.from({ length: 20 }, (_, i) => `zone_${i + 1}`);
const STATIONS = Array.from({ length: 11 }, (_, i) => `station_${i + 1}`);
const LOAD_HEADER = ['timestamp_local', ...ZONES].join(',');
const TEMP_HEADER = ['timestamp_local', ...STATIONS].join(',');
const HOLIDAYS =
  'date,holiday\n2004-01-01,New Year\'s Day\n2004-01-19,"Birthday of Martin Luther King, Jr."\n';

/** A load row with zone k = 1000 + k, or the given cells by zone number. */
function loadRow(ts: string, cells: Record<number, string> = {}): string {
  return [ts, ...ZONES.map((_, i) => cells[i + 1] ?? String(1000 + i + 1))].join(',');
}
function tempRow(ts: string): string {
  return [ts, ...STATIONS.map((_, i) => String(40 + i))].join(',');
}
const hour = (h: number, day = '2004-01-01') => `${day}T${String(h).padStart(2, '0')}:00:00`;

/** A folder whose load has `loadRows` and whose temperature has a row per load timestamp. */
function gefcom(loadRows: string[], temp?: string[], holidays = HOLIDAYS): string {
  const tempRows = temp ?? loadRows.map((r) => tempRow(r.slice(0, r.indexOf(','))));
  return writeFixture({
    'load_hourly.csv': `${LOAD_HEADER}\n${loadRows.join('\n')}\n`,
    'temperature_hourly.csv': `${TEMP_HEADER}\n${tempRows.join('\n')}\n`,
    'holidays.csv': holidays,
  });
}

describe('readGefcom2012 on the shared data', () => {
  let value: Gefcom2012Dataset;
  let warnings: string[];
  beforeAll(() => {
    ({ value, warnings } = expectOk(readGefcom2012(join(sharedDataDir(), 'gefcom2012-load'))));
  });

  it('has 20 hourly zones in kW and 11 stations in degF on the wall clock', () => {
    expect(warnings).toEqual([]);
    expect(value.kind).toBe('gefcom2012');
    expect(value.zones.map((s) => s.name)).toEqual(ZONES);
    expect(value.stations.map((s) => s.name)).toEqual(STATIONS);
    for (const s of [...value.zones, ...value.stations]) {
      expect(s.startMs).toBe(Date.UTC(2004, 0, 1));
      expect(s.stepMs).toBe(HOUR_MS);
      expect(s.clock).toEqual({ kind: 'wall' });
      expect(s.values.length).toBe(37_248);
      expect(s.values.some(Number.isNaN)).toBe(false);
    }
    expect(new Set(value.zones.map((s) => s.unit))).toEqual(new Set(['kW']));
    expect(new Set(value.stations.map((s) => s.unit))).toEqual(new Set(['degF']));
  });

  it('matches cells of the CSV', () => {
    const last = 37_247;
    expect(value.zones[0].values[0]).toBe(16853); // 2004-01-01T00:00:00, zone_1
    expect(value.zones[1].values[1]).toBe(123313); // 2004-01-01T01:00:00, zone_2
    expect(value.zones[19].values[last]).toBe(80275); // 2008-03-31T23:00:00, zone_20
    expect(value.stations[10].values[0]).toBe(36); // station_11
    expect(value.stations[0].values[last]).toBe(60);
    expect(value.zones[0].startMs + last * HOUR_MS).toBe(Date.UTC(2008, 2, 31, 23));
  });

  it('keeps zone 3 and zone 7 identical, as the README warns', () => {
    expect(value.zones[2].values).toEqual(value.zones[6].values);
  });

  it('reads the holidays, including quoted names with commas', () => {
    expect(value.holidays.length).toBe(45);
    expect(value.holidays[1]).toEqual({ date: '2004-01-19', name: 'Birthday of Martin Luther King, Jr.' });
    expect(value.holidays).toContainEqual({ date: '2004-12-31', name: expect.stringContaining('New Year') });
  });
});

describe('readGefcom2012 on fixtures', () => {
  const rows = [0, 1, 2, 3].map((h) => loadRow(hour(h)));

  it('reads a small valid folder', () => {
    const { value, warnings } = expectOk(readGefcom2012(gefcom(rows)));
    expect(warnings).toEqual([]);
    expect(value.zones[6].values).toEqual(new Float64Array([1007, 1007, 1007, 1007]));
    expect(value.stations[10].values[3]).toBe(50);
    expect(value.holidays).toEqual([
      { date: '2004-01-01', name: "New Year's Day" },
      { date: '2004-01-19', name: 'Birthday of Martin Luther King, Jr.' },
    ]);
  });

  it('reports a non-numeric cell', () => {
    const bad = [rows[0], loadRow(hour(1), { 7: 'abc' }), rows[2]];
    expect(expectErrors(readGefcom2012(gefcom(bad)))).toEqual([
      'load_hourly.csv:3:zone_7: "abc" is not a number',
    ]);
  });

  it('reports empty cells and other non-numbers (spaces, hex, Infinity, decimal comma)', () => {
    const bad = [loadRow(hour(0), { 2: '', 3: ' 12', 4: '0x10', 5: 'Infinity', 6: '1,5'.replace(',', ';') })];
    expect(expectErrors(readGefcom2012(gefcom(bad)))).toEqual([
      'load_hourly.csv:2:zone_2: empty cell (this column has no missing values)',
      'load_hourly.csv:2:zone_3: " 12" is not a number',
      'load_hourly.csv:2:zone_4: "0x10" is not a number',
      'load_hourly.csv:2:zone_5: "Infinity" is not a number',
      'load_hourly.csv:2:zone_6: "1;5" is not a number',
    ]);
  });

  it('reports a duplicated timestamp', () => {
    const bad = [5, 6, 6, 7].map((h) => loadRow(hour(h)));
    expect(expectErrors(readGefcom2012(gefcom(bad)))).toEqual([
      'load_hourly.csv:4:timestamp_local: duplicated timestamp 2004-01-01T06:00:00 (also on line 3)',
      'temperature_hourly.csv:4:timestamp_local: duplicated timestamp 2004-01-01T06:00:00 (also on line 3)',
    ]);
  });

  it('reports out-of-order timestamps', () => {
    const bad = [10, 12, 11].map((h) => loadRow(hour(h)));
    const temp = [10, 11, 12].map((h) => tempRow(hour(h)));
    expect(expectErrors(readGefcom2012(gefcom(bad, temp)))).toEqual([
      'load_hourly.csv:4:timestamp_local: 2004-01-01T11:00:00 is earlier than 2004-01-01T12:00:00 on line 3: rows must be in time order',
    ]);
  });

  it('fills gaps with NaN and warns with the range', () => {
    const gappy = [0, 1, 4, 5, 7].map((h) => loadRow(hour(h)));
    const { value, warnings } = expectOk(readGefcom2012(gefcom(gappy)));
    expect(warnings).toEqual([
      'load_hourly.csv:4:timestamp_local: gap: no rows from 2004-01-01T02:00:00 to 2004-01-01T03:00:00 (2 steps), filled with NaN',
      'load_hourly.csv:6:timestamp_local: gap: no row for 2004-01-01T06:00:00 (1 step), filled with NaN',
      'temperature_hourly.csv:4:timestamp_local: gap: no rows from 2004-01-01T02:00:00 to 2004-01-01T03:00:00 (2 steps), filled with NaN',
      'temperature_hourly.csv:6:timestamp_local: gap: no row for 2004-01-01T06:00:00 (1 step), filled with NaN',
    ]);
    expect(Array.from(value.zones[0].values)).toEqual([1001, 1001, NaN, NaN, 1001, 1001, NaN, 1001]);
  });

  it('refuses a gap that would leave most of the grid empty', () => {
    const far = [loadRow(hour(0)), loadRow(hour(0, '2007-01-01'))];
    expect(expectErrors(readGefcom2012(gefcom(far, [tempRow(hour(0))])))[0]).toBe(
      'load_hourly.csv:3:timestamp_local: timestamps span 26305 steps for 2 rows; the gap from 2004-01-01T01:00:00 to 2006-12-31T23:00:00 is too long to fill with NaN (check the timestamps)',
    );
  });

  it('reports timestamps off the hourly grid', () => {
    const bad = [loadRow(hour(0)), loadRow('2004-01-01T00:30:00'), loadRow(hour(1))];
    const temp = [tempRow(hour(0)), tempRow(hour(1))];
    expect(expectErrors(readGefcom2012(gefcom(bad, temp)))).toEqual([
      'load_hourly.csv:3:timestamp_local: 2004-01-01T00:30:00 is not on the 1-hour grid',
    ]);
  });

  it('reports a spring-forward day (02:00 missing) as a daylight-saving jump', () => {
    const spring = [0, 1, 3, 4].map((h) => loadRow(hour(h, '2005-04-03')));
    const temp = [0, 1, 2, 3, 4].map((h) => tempRow(hour(h, '2005-04-03')));
    expect(expectErrors(readGefcom2012(gefcom(spring, temp)))).toEqual([
      'load_hourly.csv:4:timestamp_local: no row for 2005-04-03T02:00:00: a 23-hour day, as at a daylight-saving change; this clock has 24 hours every day',
    ]);
  });

  it('reports a fall-back day (01:00 repeated) as a daylight-saving jump', () => {
    const autumn = [0, 1, 1, 2].map((h) => loadRow(hour(h, '2005-10-30')));
    const temp = [0, 1, 2].map((h) => tempRow(hour(h, '2005-10-30')));
    expect(expectErrors(readGefcom2012(gefcom(autumn, temp)))).toEqual([
      'load_hourly.csv:4:timestamp_local: duplicated timestamp 2005-10-30T01:00:00 (also on line 3) (a repeated hour, as at a daylight-saving change; this clock has 24 hours every day)',
    ]);
  });

  it('reports malformed timestamps and timestamps with an offset', () => {
    const bad = [
      loadRow('2004-13-01T00:00:00'),
      loadRow('2004-01-01 01:00:00'),
      loadRow('2004-01-01T02:00:00+01:00'),
    ];
    const temp = [tempRow(hour(0))];
    expect(expectErrors(readGefcom2012(gefcom(bad, temp)))).toEqual([
      'load_hourly.csv:2:timestamp_local: "2004-13-01T00:00:00" is not a timestamp (expected YYYY-MM-DDTHH:MM:SS without offset)',
      'load_hourly.csv:3:timestamp_local: "2004-01-01 01:00:00" is not a timestamp (expected YYYY-MM-DDTHH:MM:SS without offset)',
      'load_hourly.csv:4:timestamp_local: "2004-01-01T02:00:00+01:00" has a UTC offset, but this clock is wall time (expected YYYY-MM-DDTHH:MM:SS without offset)',
    ]);
  });

  it('reports a wrong header naming the expected columns', () => {
    const dir = writeFixture({
      'load_hourly.csv': `${LOAD_HEADER.replace('zone_3,', 'zone3,')}\n${rows[0]}\n`,
      'temperature_hourly.csv': `${TEMP_HEADER.replace(',station_11', '')}\n${tempRow(hour(0))}\n`,
      'holidays.csv': 'day,name\n',
    });
    expect(expectErrors(readGefcom2012(dir))).toEqual([
      `load_hourly.csv:1: wrong header: expected ${LOAD_HEADER} (column 4 is "zone3" instead of "zone_3")`,
      `temperature_hourly.csv:1: wrong header: expected ${TEMP_HEADER} (column 12 "station_11" is missing)`,
      'holidays.csv:1: wrong header: expected date,holiday (column 1 is "day" instead of "date")',
    ]);
  });

  it('reports ragged rows, empty lines and broken quotes', () => {
    const bad = [
      rows[0],
      rows[1].slice(0, rows[1].lastIndexOf(',')),
      '',
      `${rows[2]},9`,
      rows[3].replace('1001', '"1001'),
    ];
    const temp = [0, 1, 2, 3].map((h) => tempRow(hour(h)));
    expect(expectErrors(readGefcom2012(gefcom(bad, temp)))).toEqual([
      'load_hourly.csv:3: row has 20 cells, expected 21 like the header',
      'load_hourly.csv:4: empty line (expected 21 cells)',
      'load_hourly.csv:5: row has 22 cells, expected 21 like the header',
      'load_hourly.csv:6: unterminated quoted cell 2',
    ]);
  });

  it('reports bad holidays and missing files', () => {
    const holidays = 'date,holiday\n2004-01-01,New Year\n2004-02-30,Leap\n2004-07-04,\n';
    expect(expectErrors(readGefcom2012(gefcom(rows, undefined, holidays)))).toEqual([
      'holidays.csv:3:date: "2004-02-30" is not a date (expected YYYY-MM-DD)',
      'holidays.csv:4:holiday: empty holiday name',
    ]);
    const dir = writeFixture({
      'load_hourly.csv': `${LOAD_HEADER}\n${rows[0]}\n`,
      'temperature_hourly.csv': '',
    });
    expect(expectErrors(readGefcom2012(dir))).toEqual([
      'temperature_hourly.csv: file is empty (expected a header row)',
      `holidays.csv: file not found in ${dir}`,
    ]);
  });

  it('accepts CRLF line ends and a byte-order mark, and warns when load and temperature differ', () => {
    const dir = writeFixture({
      'load_hourly.csv': `\ufeff${LOAD_HEADER}\r\n${rows.join('\r\n')}\r\n`,
      'temperature_hourly.csv': `${TEMP_HEADER}\n${tempRow(hour(0))}\n`,
      'holidays.csv': HOLIDAYS,
    });
    const { value, warnings } = expectOk(readGefcom2012(dir));
    expect(value.zones[0].values.length).toBe(4);
    expect(warnings).toEqual([
      'temperature_hourly.csv: covers 2004-01-01T00:00:00 to 2004-01-01T00:00:00 but load_hourly.csv covers 2004-01-01T00:00:00 to 2004-01-01T03:00:00',
    ]);
  });

  it(`keeps ${MAX_ISSUES_PER_FILE} errors per file and counts the rest`, () => {
    const bad = Array.from({ length: 60 }, (_, h) =>
      loadRow(`2004-01-0${1 + Math.floor(h / 24)}T${String(h % 24).padStart(2, '0')}:00:00`, { 1: 'x' }),
    );
    const errors = expectErrors(readGefcom2012(gefcom(bad)));
    expect(errors.length).toBe(MAX_ISSUES_PER_FILE + 1);
    expect(errors[0]).toBe('load_hourly.csv:2:zone_1: "x" is not a number');
    expect(errors[MAX_ISSUES_PER_FILE]).toBe(
      'load_hourly.csv:52: 10 more errors not shown, the first on this line',
    );
  });

  it('never throws on garbage', () => {
    const dir = writeFixture({
      'load_hourly.csv': '\u0000\u0001,"\n\n\n',
      'temperature_hourly.csv': 'x',
      'holidays.csv': '"',
    });
    expect(readGefcom2012(dir).ok).toBe(false);
  });
});
