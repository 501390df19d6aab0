/**
 * The voltage heat map of one controller: one row per watched bus (the first on top), one column
 * per interval, on a fixed scale 0.90-1.10 p.u. around the usual limits. Long runs are
 * downsampled to at most MAX_HEAT_MAP_COLUMNS columns: each column then spans several intervals and
 * shows the value farthest from 1.0 p.u. among them (so a dip and a rise both survive), ignoring
 * de-energised intervals (NaN) unless all of them are.
 */
import type { ControllerRun, SimulationRecord } from '../../domain/operation/index.ts';
import type { ChartSection } from './chart-section.ts';
import { controllerPhrase, controllerTitle, formatNumber } from './compare-kpis.ts';
import { formatDurationMin, formatScenarioTime, scenarioTimeAxis } from './report-clock.ts';
import { findExtreme } from './series-stats.ts';

export const VOLTAGE_SCALE_PU = { min: 0.9, max: 1.1 } as const;
/** A week at 15 minutes (672 intervals) becomes 336 columns of 30 minutes. */
export const MAX_HEAT_MAP_COLUMNS = 400;

export interface HeatMapGrid {
  readonly timesMs: Float64Array;
  /** Row-major, rows x timesMs.length. */
  readonly values: Float64Array;
  readonly intervalsPerColumn: number;
}

/** Columns of `intervalsPerColumn` intervals, each with the value farthest from 1.0 p.u. */
export function downsampleVoltages(
  timesMs: ArrayLike<number>,
  values: ArrayLike<number>,
  rows: number,
  maxColumns: number,
): HeatMapGrid {
  const n = timesMs.length;
  const factor = Math.max(1, Math.ceil(n / maxColumns));
  const columns = Math.ceil(n / factor);
  const out = new Float64Array(rows * columns).fill(Number.NaN);
  const times = new Float64Array(columns);
  for (let c = 0; c < columns; c++) times[c] = timesMs[c * factor];
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < n; i++) {
      const v = values[r * n + i];
      const cell = r * columns + Math.floor(i / factor);
      if (Number.isFinite(v) && !(Math.abs(out[cell] - 1) >= Math.abs(v - 1))) out[cell] = v;
    }
  }
  return { timesMs: times, values: out, intervalsPerColumn: factor };
}

export function buildVoltageHeatMapSection(
  record: SimulationRecord,
  run: ControllerRun,
): ChartSection | undefined {
  const buses = run.series.watchedBuses;
  if (buses.length === 0) return undefined;
  const who = controllerTitle(run.controller);
  const whoText = controllerPhrase(run.controller);
  const n = record.intervalStartMs.length;
  const grid = downsampleVoltages(
    record.intervalStartMs,
    run.series.watchedVmPu,
    buses.length,
    MAX_HEAT_MAP_COLUMNS,
  );
  const columns = grid.timesMs.length;
  // The chart wants the bottom row first: reverse the rows so the first watched bus is on top.
  const values = new Float64Array(grid.values.length);
  buses.forEach((_, r) => {
    values.set(grid.values.subarray(r * columns, (r + 1) * columns), (buses.length - 1 - r) * columns);
  });
  const where = (which: 'min' | 'max'): string => {
    const { value, index } = findExtreme(run.series.watchedVmPu, which);
    if (index < 0) return 'none';
    const time = formatScenarioTime(record.intervalStartMs[index % n], record.utcOffsetMinutes);
    return `${formatNumber(value, 3)} p.u. at ${buses[Math.floor(index / n)]}, ${time}`;
  };
  const span =
    grid.intervalsPerColumn > 1
      ? ` Each column spans ${formatDurationMin(grid.intervalsPerColumn * record.intervalMin)} and shows the value farthest from 1.0 p.u. in it.`
      : '';
  return {
    heading: `Voltages at the watched buses, ${who}`,
    paragraphs: [
      `Lowest voltage in each interval at each watched bus under ${whoText}, on a scale from ` +
        `${VOLTAGE_SCALE_PU.min.toFixed(2)} p.u. (dark) to ${VOLTAGE_SCALE_PU.max.toFixed(2)} p.u. (yellow); values beyond ` +
        `the scale take its end colours; an empty cell is a bus without voltage (de-energised).${span} ` +
        `Lowest: ${where('min')}. Highest: ${where('max')}.`,
    ],
    chart: {
      kind: 'heat-map',
      title: `${record.scenario}: voltages at the watched buses, ${who}`,
      subtitle: 'lowest voltage per interval',
      timeAxis: scenarioTimeAxis(record),
      xTimesMs: grid.timesMs,
      yLabel: 'bus',
      yLabels: [...buses].reverse(),
      values,
      valueLabel: 'voltage (p.u.)',
      min: VOLTAGE_SCALE_PU.min,
      max: VOLTAGE_SCALE_PU.max,
      heightPx: Math.min(720, Math.max(320, 160 + 24 * buses.length)),
    },
  };
}
