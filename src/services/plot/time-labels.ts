/**
 * Time labels in the data's clock. ECharts runs in UTC here, so an instant shifted by the clock's
 * offset from UTC is drawn, ticked and labelled as that clock's wall time.
 */
import type { TimeAxis } from '../../app/chart-port.ts';

const MINUTE_MS = 60_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Milliseconds to add to an instant to get its wall time on the axis clock, as if UTC. */
export function clockShiftMs(axis: TimeAxis): number {
  return (axis.utcOffsetMinutes ?? 0) * MINUTE_MS;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Tick label of a wall time stored as if UTC: '06:00' within a day, '2 Jan' at midnight, with the
 * year on the first label and on 1 January.
 */
export function formatTick(wallMs: number, first: boolean): string {
  const d = new Date(wallMs);
  const hhmm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  if (hhmm !== '00:00') return first ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${hhmm}` : hhmm;
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  const newYear = d.getUTCMonth() === 0 && d.getUTCDate() === 1;
  return first || newYear ? `${day} ${d.getUTCFullYear()}` : day;
}

/** 'YYYY-MM-DD HH:mm' of a wall time stored as if UTC. */
export function formatWallTime(wallMs: number): string {
  const d = new Date(wallMs);
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
  );
}

/** Label of an axis value (a shifted time): the caller's `formatTime` of the instant, or `formatTick`. */
export function createTickFormatter(axis: TimeAxis): (wallMs: number, index: number) => string {
  const shiftMs = clockShiftMs(axis);
  const formatTime = axis.formatTime;
  if (formatTime) return (wallMs) => formatTime(wallMs - shiftMs);
  return (wallMs, index) => formatTick(wallMs, index === 0);
}
