/**
 * Reader of the NREL PVDAQ system 50 folder: 15-minute AC power on a UTC grid (empty cell = no
 * data = NaN) and 30-minute NSRDB weather (no empty cells allowed), both as true instants with the
 * site's clock America/Denver. Each `timestamp_local` must be the same instant as `timestamp_utc`
 * written with America/Denver's offset at that instant; a mismatch is an error, because it means
 * the daylight-saving correction described in the README is missing or broken.
 */
import type { RegularSeries, SeriesClock } from '../../core/forecast/index.ts';
import type { CsvRow } from './csv-text.ts';
import { type DatasetResult, FileIssues, finishResult } from './dataset-result.ts';
import { formatInstant, formatOffset, parseTimestamp, quote } from './parse-cells.ts';
import { buildRegularGrid, fillOnGrid, type RegularGrid } from './regular-grid.ts';
import { readTimeTable, type TimeTable, type TimeTableSpec } from './time-table.ts';
import { createZoneOffsetLookup } from './zone-time.ts';

export const PVDAQ_SYSTEM_50_FILES = ['pv_ac_power_15min.csv', 'weather_nsrdb_30min.csv'] as const;

/** Site of PVDAQ system 50 (NREL campus, Golden, Colorado), from the dataset README. */
export const PVDAQ_SYSTEM_50_SITE = {
  latDeg: 39.7406,
  lonDeg: -105.1775,
  timeZone: 'America/Denver',
} as const;

export type PvSite = typeof PVDAQ_SYSTEM_50_SITE;

/**
 * Unit of `ac_power`: not stated by the publisher; clear-day peaks of 2,500-3,200 fit watts from a
 * system of about 3 kW (the README's reading), so it is labelled W.
 */
const POWER_UNIT = 'W';
const WEATHER = [
  ['temp_air_c', 'degC'],
  ['ghi_wm2', 'W/m2'],
  ['ghi_clear_wm2', 'W/m2'],
  ['dni_clear_wm2', 'W/m2'],
  ['dhi_clear_wm2', 'W/m2'],
] as const;

export interface PvDataset {
  readonly kind: 'pv';
  readonly site: PvSite;
  /** ac_power, 15-minute, UTC instants, clock America/Denver, NaN = no data. */
  readonly power: RegularSeries;
  /** temp_air_c, ghi_wm2, ghi_clear_wm2, dni_clear_wm2, dhi_clear_wm2, 30-minute. */
  readonly weather: readonly RegularSeries[];
}

/** Reads `pv_ac_power_15min.csv` and `weather_nsrdb_30min.csv` of `dir`. */
export function readPvdaqSystem50(dir: string): DatasetResult<PvDataset> {
  const powerIssues = new FileIssues(PVDAQ_SYSTEM_50_FILES[0]);
  const weatherIssues = new FileIssues(PVDAQ_SYSTEM_50_FILES[1]);
  const offsetAt = createZoneOffsetLookup(PVDAQ_SYSTEM_50_SITE.timeZone);

  const readPowerTime = (row: CsvRow, line: number): number => {
    const t = readUtc(row.cell(0), line, powerIssues);
    if (Number.isNaN(t)) return t;
    const local = parseTimestamp(row.cell(1));
    if (local === undefined || local.offsetMinutes === null) {
      const why = local === undefined ? 'is not a timestamp' : 'has no UTC offset';
      const message = `${quote(row.cell(1))} ${why} (expected YYYY-MM-DDTHH:MM:SS-06:00)`;
      powerIssues.error(line, 'timestamp_local', message);
      return Number.NaN;
    }
    const expected = offsetAt(t);
    const localMs = local.wallMs - local.offsetMinutes * 60_000;
    if (localMs !== t || local.offsetMinutes !== expected) {
      const message = `${quote(row.cell(1))} does not match timestamp_utc ${formatInstant(t, 0, true)}: expected ${formatInstant(t, expected)} (${PVDAQ_SYSTEM_50_SITE.timeZone}, ${formatOffset(expected)})`;
      powerIssues.error(line, 'timestamp_local', message);
      return Number.NaN;
    }
    return t;
  };
  const powerSpec: TimeTableSpec = {
    header: ['timestamp_utc', 'timestamp_local', 'ac_power'],
    valueColumns: ['ac_power'],
    emptyIsMissing: ['ac_power'],
    readTime: readPowerTime,
  };
  const power = readUtcTable(dir, powerSpec, 900_000, powerIssues);

  const weatherNames = WEATHER.map((w) => w[0]);
  const weatherSpec: TimeTableSpec = {
    header: ['timestamp_utc', ...weatherNames],
    valueColumns: weatherNames,
    readTime: (row, line) => readUtc(row.cell(0), line, weatherIssues),
  };
  const weather = readUtcTable(dir, weatherSpec, 1_800_000, weatherIssues);

  return finishResult([powerIssues, weatherIssues], () => {
    const clock: SeriesClock = { kind: 'zone', timeZone: PVDAQ_SYSTEM_50_SITE.timeZone };
    const series = (
      read: { table: TimeTable; grid: RegularGrid },
      k: number,
      name: string,
      unit: string,
    ) => ({
      name,
      unit,
      startMs: read.grid.startMs,
      stepMs: read.grid.stepMs,
      clock,
      values: fillOnGrid(read.grid, read.table.columns[k]),
    });
    return {
      kind: 'pv' as const,
      site: PVDAQ_SYSTEM_50_SITE,
      power: series(power!, 0, 'ac_power', POWER_UNIT),
      weather: WEATHER.map(([name, unit], k) => series(weather!, k, name, unit)),
    };
  });
}

/** A `timestamp_utc` cell as an instant, or NaN after recording an error. */
function readUtc(text: string, line: number, issues: FileIssues): number {
  const ts = parseTimestamp(text);
  if (ts === undefined || ts.offsetMinutes !== 0) {
    const why = ts === undefined ? 'is not a timestamp' : 'is not in UTC';
    issues.error(line, 'timestamp_utc', `${quote(text)} ${why} (expected YYYY-MM-DDTHH:MM:SSZ)`);
    return Number.NaN;
  }
  return ts.wallMs;
}

function readUtcTable(
  dir: string,
  spec: TimeTableSpec,
  stepMs: number,
  issues: FileIssues,
): { table: TimeTable; grid: RegularGrid } | undefined {
  const table = readTimeTable(dir, spec, issues);
  if (table === undefined) return undefined;
  const grid = buildRegularGrid(
    table,
    {
      stepMs,
      gridOffsetMinutes: 0,
      timeColumn: 'timestamp_utc',
      formatTime: (ms) => formatInstant(ms, 0, true),
      wallClock: false,
    },
    issues,
  );
  return grid === undefined ? undefined : { table, grid };
}
