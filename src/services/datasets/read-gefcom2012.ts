/**
 * Reader of the GEFCom2012 load track folder: hourly load of 20 zones (kW) and temperature of 11
 * stations (degF) on a local wall clock without offset (24 hours every day; read as if UTC, never
 * converted), plus the holiday list. Empty cells are errors (the README promises complete data);
 * a skipped 02:00 hour or a repeated 01:00 hour is reported as a daylight-saving jump.
 */
import type { RegularSeries, SeriesClock } from '../../core/forecast/index.ts';
import { type CsvRow, checkHeader, readLines, rowCells } from './csv-text.ts';
import { type DatasetResult, FileIssues, finishResult } from './dataset-result.ts';
import { formatWall, parseIsoDate, parseTimestamp, quote } from './parse-cells.ts';
import { buildRegularGrid, fillOnGrid, type RegularGrid } from './regular-grid.ts';
import { readTimeTable, type TimeTable } from './time-table.ts';

export const GEFCOM2012_FILES = ['load_hourly.csv', 'temperature_hourly.csv', 'holidays.csv'] as const;

const HOUR_MS = 3_600_000;
const TIME_COLUMN = 'timestamp_local';
const ZONES = Array.from({ length: 20 }, (_, i) => `zone_${i + 1}`);
const STATIONS = Array.from({ length: 11 }, (_, i) => `station_${i + 1}`);
const WALL: SeriesClock = { kind: 'wall' };

export interface Holiday {
  /** Local date, YYYY-MM-DD. */
  readonly date: string;
  readonly name: string;
}

export interface Gefcom2012Dataset {
  readonly kind: 'gefcom2012';
  /** zone_1 .. zone_20, kW, hourly, wall clock. */
  readonly zones: readonly RegularSeries[];
  /** station_1 .. station_11, degF, hourly, wall clock. */
  readonly stations: readonly RegularSeries[];
  /** Holidays with observed dates; may extend past the last timestamp. */
  readonly holidays: readonly Holiday[];
}

/** Reads `load_hourly.csv`, `temperature_hourly.csv` and `holidays.csv` of `dir`. */
export function readGefcom2012(dir: string): DatasetResult<Gefcom2012Dataset> {
  const loadIssues = new FileIssues('load_hourly.csv');
  const tempIssues = new FileIssues('temperature_hourly.csv');
  const holidayIssues = new FileIssues('holidays.csv');
  const load = readWallHourly(dir, ZONES, loadIssues);
  const temp = readWallHourly(dir, STATIONS, tempIssues);
  const holidays = readHolidays(dir, holidayIssues);
  if (load && temp && (load.grid.startMs !== temp.grid.startMs || load.grid.length !== temp.grid.length)) {
    const span = (g: RegularGrid) =>
      `${formatWall(g.startMs)} to ${formatWall(g.startMs + (g.length - 1) * HOUR_MS)}`;
    tempIssues.warn(0, undefined, `covers ${span(temp.grid)} but load_hourly.csv covers ${span(load.grid)}`);
  }
  return finishResult([loadIssues, tempIssues, holidayIssues], () => ({
    kind: 'gefcom2012' as const,
    zones: toSeries(load!, ZONES, 'kW'),
    stations: toSeries(temp!, STATIONS, 'degF'),
    holidays: holidays!,
  }));
}

function toSeries(read: { table: TimeTable; grid: RegularGrid }, names: readonly string[], unit: string) {
  return names.map(
    (name, k): RegularSeries => ({
      name,
      unit,
      startMs: read.grid.startMs,
      stepMs: HOUR_MS,
      clock: WALL,
      values: fillOnGrid(read.grid, read.table.columns[k]),
    }),
  );
}

function readWallHourly(dir: string, columns: readonly string[], issues: FileIssues) {
  const readTime = (row: CsvRow, line: number): number => {
    const text = row.cell(0);
    const ts = parseTimestamp(text);
    if (ts === undefined || ts.offsetMinutes !== null) {
      const why = ts === undefined ? 'is not a timestamp' : 'has a UTC offset, but this clock is wall time';
      issues.error(line, TIME_COLUMN, `${quote(text)} ${why} (expected YYYY-MM-DDTHH:MM:SS without offset)`);
      return Number.NaN;
    }
    return ts.wallMs;
  };
  const table = readTimeTable(
    dir,
    { header: [TIME_COLUMN, ...columns], valueColumns: columns, readTime },
    issues,
  );
  if (table === undefined) return undefined;
  const grid = buildRegularGrid(
    table,
    {
      stepMs: HOUR_MS,
      gridOffsetMinutes: 0,
      timeColumn: TIME_COLUMN,
      formatTime: formatWall,
      wallClock: true,
    },
    issues,
  );
  return grid === undefined ? undefined : { table, grid };
}

function readHolidays(dir: string, issues: FileIssues): Holiday[] | undefined {
  const lines = readLines(dir, issues.file, issues);
  if (lines === undefined || !checkHeader(lines, ['date', 'holiday'], issues)) return undefined;
  const holidays: Holiday[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = rowCells(lines, i, 2, issues);
    if (cells === undefined) continue;
    const [date, name] = cells;
    if (Number.isNaN(parseIsoDate(date))) {
      issues.error(i + 1, 'date', `${quote(date)} is not a date (expected YYYY-MM-DD)`);
    } else if (name.trim() === '') {
      issues.error(i + 1, 'holiday', 'empty holiday name');
    } else {
      holidays.push({ date, name });
    }
  }
  return holidays;
}
