/**
 * Places the rows of a time table on a regular grid and fills regular series from it. Errors:
 * a timestamp off the resolution grid, a duplicated or out-of-order timestamp, and on a 24-hour wall
 * clock a skipped 02:00 hour (a daylight-saving jump). Gaps are filled with NaN (never interpolated)
 * and reported as warnings with their range, unless they would leave most of the grid empty.
 */
import type { FileIssues } from './dataset-result.ts';
import type { TimeTable } from './time-table.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface GridSpec {
  /** Resolution in ms; it must divide a day. */
  readonly stepMs: number;
  /** Minutes added to a timestamp before checking that it lies on the grid (the local UTC offset). */
  readonly gridOffsetMinutes: number;
  /** Name of the time column, for messages. */
  readonly timeColumn: string;
  /** Renders a timestamp of the table for messages. */
  readonly formatTime: (ms: number) => string;
  /** True for wall clocks with 24 hours every day: a missing 02:00 hour or repeated 01:00 is a daylight-saving jump. */
  readonly wallClock: boolean;
}

export interface RegularGrid {
  readonly startMs: number;
  readonly stepMs: number;
  readonly length: number;
  /** Grid index of each table row, -1 for rows left out after an error. */
  readonly slotOfRow: Int32Array;
}

interface Gap {
  readonly fromMs: number;
  readonly toMs: number;
  readonly line: number;
}

const DST_NOTE = 'as at a daylight-saving change; this clock has 24 hours every day';

function hourOfDay(ms: number): number {
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
}

/** The grid of `table`, or undefined when its timestamps do not allow one (errors recorded). */
export function buildRegularGrid(
  table: TimeTable,
  spec: GridSpec,
  issues: FileIssues,
): RegularGrid | undefined {
  const { stepMs, formatTime, timeColumn } = spec;
  const offsetMs = spec.gridOffsetMinutes * 60_000;
  const stepLabel = stepMs % HOUR_MS === 0 ? `${stepMs / HOUR_MS}-hour` : `${stepMs / 60_000}-minute`;
  const slotOfRow = new Int32Array(table.rows).fill(-1);
  const gaps: Gap[] = [];
  let firstMs = Number.NaN;
  let prevMs = Number.NaN;
  let prevLine = 0;
  let valid = 0;
  for (let r = 0; r < table.rows; r++) {
    const t = table.times[r];
    if (Number.isNaN(t)) continue;
    const line = table.lines[r];
    if ((((t + offsetMs) % stepMs) + stepMs) % stepMs !== 0) {
      issues.error(line, timeColumn, `${formatTime(t)} is not on the ${stepLabel} grid`);
      continue;
    }
    if (!Number.isNaN(prevMs) && t <= prevMs) {
      const hint =
        spec.wallClock && hourOfDay(t) === 1 && prevMs - t < HOUR_MS ? ` (a repeated hour, ${DST_NOTE})` : '';
      const message =
        t === prevMs
          ? `duplicated timestamp ${formatTime(t)} (also on line ${prevLine})${hint}`
          : `${formatTime(t)} is earlier than ${formatTime(prevMs)} on line ${prevLine}: rows must be in time order${hint}`;
      issues.error(line, timeColumn, message);
      continue;
    }
    if (Number.isNaN(prevMs)) firstMs = t;
    else if (t - prevMs > stepMs) gaps.push({ fromMs: prevMs + stepMs, toMs: t - stepMs, line });
    slotOfRow[r] = (t - firstMs) / stepMs;
    prevMs = t;
    prevLine = line;
    valid++;
  }
  if (valid === 0) {
    if (issues.errorCount === 0) issues.error(0, undefined, 'no data rows after the header');
    return undefined;
  }
  const length = (prevMs - firstMs) / stepMs + 1;
  if (length - valid > valid + 10_000) {
    const widest = gaps.reduce((a, b) => (b.toMs - b.fromMs > a.toMs - a.fromMs ? b : a));
    const message = `timestamps span ${length} steps for ${valid} rows; the gap from ${formatTime(widest.fromMs)} to ${formatTime(widest.toMs)} is too long to fill with NaN (check the timestamps)`;
    issues.error(widest.line, timeColumn, message);
    return undefined;
  }
  for (const gap of gaps) {
    const steps = (gap.toMs - gap.fromMs) / stepMs + 1;
    const range =
      steps === 1
        ? `row for ${formatTime(gap.fromMs)}`
        : `rows from ${formatTime(gap.fromMs)} to ${formatTime(gap.toMs)}`;
    if (
      spec.wallClock &&
      steps * stepMs === HOUR_MS &&
      gap.fromMs % HOUR_MS === 0 &&
      hourOfDay(gap.fromMs) === 2
    ) {
      issues.error(gap.line, timeColumn, `no ${range}: a 23-hour day, ${DST_NOTE}`);
    } else {
      const count = `${steps} step${steps === 1 ? '' : 's'}`;
      issues.warn(gap.line, timeColumn, `gap: no ${range} (${count}), filled with NaN`);
    }
  }
  return { startMs: firstMs, stepMs, length, slotOfRow };
}

/** The values of one table column on the grid; slots without a row are NaN. */
export function fillOnGrid(grid: RegularGrid, column: Float64Array): Float64Array {
  const values = new Float64Array(grid.length).fill(Number.NaN);
  for (let r = 0; r < column.length; r++) {
    const slot = grid.slotOfRow[r];
    if (slot >= 0) values[slot] = column[r];
  }
  return values;
}
