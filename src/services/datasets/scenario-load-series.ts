/**
 * Load and temperature of a scenario from GEFCom2012: each grid zone's source zone over history +
 * period, interpolated from hourly means to the interval grid and scaled so that its maximum over
 * that window is the zone's peak (the scenario's `peakMw`, else the sum of the zone's loads), and
 * the mean of the 11 stations in degF. The window must lie inside the data, without gaps.
 */
import { join } from 'node:path';
import type { RegularSeries } from '../../core/forecast/index.ts';
import type { Grid } from '../../core/grid/index.ts';
import {
  findGaps,
  formatLocalDate,
  formatLocalDateTime,
  interpolateAtCentres,
  mapZoneOfBus,
  parseLocalDate,
  peakMwOf,
  type Scenario,
  type ScenarioPeriod,
  scaleToPeak,
  sourceZoneOf,
} from '../../domain/scenario/index.ts';
import type { DatasetIssue } from './dataset-result.ts';
import type { Gefcom2012Dataset } from './read-gefcom2012.ts';
import { describeMissing } from './series-coverage.ts';

export interface LoadSeries {
  readonly zoneLoadMw: Record<string, Float64Array>;
  readonly temperatureDegF: Float64Array;
}

export function buildLoadSeries(
  data: Gefcom2012Dataset,
  dir: string,
  scenario: Scenario,
  grid: Grid,
  period: ScenarioPeriod,
): { ok: true; value: LoadSeries } | { ok: false; errors: DatasetIssue[] } {
  const errors: DatasetIssue[] = [];
  const load = scenario.series.load;
  const sourceStartMs = parseLocalDate(load.sourceStart ?? scenario.period.start);
  const shiftMs = sourceStartMs - period.startMs;
  const count = period.historyIntervalCount + period.intervalCount;
  const centreMs = (i: number) => period.historyStartMs + (i + 0.5) * period.intervalMs + shiftMs;
  const needFrom = period.historyStartMs + shiftMs;
  const needTo = period.endMs + shiftMs;
  const why = `${scenario.series.historyDays} history days before ${formatLocalDate(sourceStartMs)} and ${scenario.period.days} days`;

  /** The needed index range [from, to) of a series, or undefined after adding an error. */
  const covered = (file: string, series: RegularSeries): [number, number] | undefined => {
    const have: [number, number] = [
      series.startMs,
      series.startMs + (series.values.length - 1) * series.stepMs,
    ];
    const need: [number, number] = [needFrom, needTo - series.stepMs];
    const message = describeMissing(need, have, series.stepMs, formatLocalDateTime, why);
    if (message === undefined)
      return [(needFrom - have[0]) / series.stepMs, (needTo - have[0]) / series.stepMs];
    errors.push({ file: join(dir, file), line: 0, message });
    return undefined;
  };
  const gapFree = (file: string, series: RegularSeries, range: [number, number]) => {
    for (const gap of findGaps(series.values, range[0], range[1]).slice(0, 5)) {
      const from = formatLocalDateTime(series.startMs + gap.from * series.stepMs);
      const to = formatLocalDateTime(series.startMs + (gap.to - 1) * series.stepMs);
      errors.push({
        file: join(dir, file),
        line: 0,
        column: series.name,
        message: `no data from ${from} to ${to}`,
      });
    }
  };

  const zoneLoads = new Map<string, number>();
  const zoneOfBus = mapZoneOfBus(grid);
  for (const l of grid.loads) {
    const zone = zoneOfBus.get(l.busId);
    if (zone !== undefined) zoneLoads.set(zone, (zoneLoads.get(zone) ?? 0) + l.pMw);
  }
  const zoneLoadMw: Record<string, Float64Array> = {};
  for (const [zoneId, source] of Object.entries(load.zones)) {
    const series = data.zones.find((s) => s.name === sourceZoneOf(source))!;
    const range = covered('load_hourly.csv', series);
    if (range === undefined) break;
    gapFree('load_hourly.csv', series, range);
    const values = interpolateAtCentres(series.values, series, count, centreMs);
    zoneLoadMw[zoneId] = scaleToPeak(values, peakMwOf(source) ?? zoneLoads.get(zoneId) ?? 0);
  }

  const stations = data.stations;
  const range = covered('temperature_hourly.csv', stations[0]);
  if (range) for (const s of stations) gapFree('temperature_hourly.csv', s, range);
  if (errors.length > 0) return { ok: false, errors };
  const temperatureDegF = new Float64Array(count);
  for (const s of stations) {
    const values = interpolateAtCentres(s.values, s, count, centreMs);
    for (let i = 0; i < count; i++) temperatureDegF[i] += values[i] / stations.length;
  }
  return { ok: true, value: { zoneLoadMw, temperatureDegF } };
}
