/**
 * Reader of the Tetouan city folder: 10-minute demand of 3 distribution zones and the weather of
 * one station, on a fixed UTC offset taken from the first timestamp (+01:00 in this data); a
 * different offset later in the file is a daylight-saving jump and an error. Empty cells are errors.
 * Units the publisher left unstated are labelled as the README infers them (zones kW, flows W/m2).
 */
import type { RegularSeries, SeriesClock } from '../../core/forecast/index.ts';
import type { CsvRow } from './csv-text.ts';
import { type DatasetResult, FileIssues, finishResult } from './dataset-result.ts';
import { formatInstant, formatOffset, parseTimestamp, quote } from './parse-cells.ts';
import { buildRegularGrid, fillOnGrid } from './regular-grid.ts';
import { readTimeTable } from './time-table.ts';

export const TETOUAN_FILES = ['tetouan_zones_10min.csv'] as const;

const STEP_MS = 600_000;
const TIME_COLUMN = 'timestamp';

/** Column, series name and unit, in output order. */
const ZONES = [
  ['zone1_power', 'zone1', 'kW'],
  ['zone2_power', 'zone2', 'kW'],
  ['zone3_power', 'zone3', 'kW'],
] as const;
const WEATHER = [
  ['temperature_c', 'temperature_c', 'degC'],
  ['humidity_pct', 'humidity_pct', '%'],
  ['wind_speed', 'wind_speed', 'unstated'],
  ['general_diffuse_flows', 'general_diffuse_flows', 'W/m2'],
  ['diffuse_flows', 'diffuse_flows', 'W/m2'],
] as const;
const HEADER = [TIME_COLUMN, ...WEATHER.map((w) => w[0]), ...ZONES.map((z) => z[0])];

export interface TetouanDataset {
  readonly kind: 'tetouan';
  /** zone1 .. zone3, 10-minute, fixed-offset clock. */
  readonly zones: readonly RegularSeries[];
  /** temperature_c, humidity_pct, wind_speed, general_diffuse_flows, diffuse_flows. */
  readonly weather: readonly RegularSeries[];
}

/** Reads `tetouan_zones_10min.csv` of `dir`. */
export function readTetouan(dir: string): DatasetResult<TetouanDataset> {
  const issues = new FileIssues(TETOUAN_FILES[0]);
  let offsetMinutes: number | null = null;
  let offsetLine = 0;
  const readTime = (row: CsvRow, line: number): number => {
    const text = row.cell(0);
    const ts = parseTimestamp(text);
    if (ts === undefined || ts.offsetMinutes === null) {
      const why = ts === undefined ? 'is not a timestamp' : 'has no UTC offset';
      issues.error(line, TIME_COLUMN, `${quote(text)} ${why} (expected YYYY-MM-DDTHH:MM:SS+HH:MM)`);
      return Number.NaN;
    }
    if (offsetMinutes === null) {
      offsetMinutes = ts.offsetMinutes;
      offsetLine = line;
    } else if (ts.offsetMinutes !== offsetMinutes) {
      const message = `offset ${formatOffset(ts.offsetMinutes)} differs from ${formatOffset(offsetMinutes)} on line ${offsetLine}: a daylight-saving jump, but this clock is a fixed UTC offset`;
      issues.error(line, TIME_COLUMN, message);
      return Number.NaN;
    }
    return ts.wallMs - ts.offsetMinutes * 60_000;
  };
  const valueColumns = [...ZONES.map((z) => z[0]), ...WEATHER.map((w) => w[0])];
  const table = readTimeTable(dir, { header: HEADER, valueColumns, readTime }, issues);
  const offset: number = offsetMinutes ?? 0;
  const grid =
    table &&
    buildRegularGrid(
      table,
      {
        stepMs: STEP_MS,
        gridOffsetMinutes: offset,
        timeColumn: TIME_COLUMN,
        formatTime: (ms) => formatInstant(ms, offset),
        wallClock: false,
      },
      issues,
    );
  return finishResult([issues], () => {
    const clock: SeriesClock = { kind: 'fixed-offset', offsetMinutes: offset };
    const series = (k: number, name: string, unit: string): RegularSeries => ({
      name,
      unit,
      startMs: grid!.startMs,
      stepMs: STEP_MS,
      clock,
      values: fillOnGrid(grid!, table!.columns[k]),
    });
    return {
      kind: 'tetouan' as const,
      zones: ZONES.map(([, name, unit], k) => series(k, name, unit)),
      weather: WEATHER.map(([, name, unit], k) => series(ZONES.length + k, name, unit)),
    };
  });
}
