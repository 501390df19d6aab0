/**
 * Times of a simulation record on the scenario's clock: the axis label naming the offset from UTC,
 * an instant as 'YYYY-MM-DD HH:mm' on that clock, and the instant at an interval boundary (the end
 * of the last interval included).
 */
import type { SimulationRecord } from '../../domain/operation/index.ts';
import type { TimeAxis } from '../chart-port.ts';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 'UTC+02:00' for an offset of 120 minutes east of UTC. */
export function formatUtcOffset(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Time axis title of the report's charts. */
export function scenarioClockLabel(utcOffsetMinutes: number): string {
  return `scenario time (${formatUtcOffset(utcOffsetMinutes)})`;
}

/** 'YYYY-MM-DD HH:mm' of an instant (epoch ms) on a clock `utcOffsetMinutes` east of UTC. */
export function formatScenarioTime(ms: number, utcOffsetMinutes: number): string {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
  );
}

/** Start of interval `index` (epoch ms); `index` equal to the count gives the end of the last one. */
export function intervalBoundaryMs(record: SimulationRecord, index: number): number {
  const starts = record.intervalStartMs;
  if (index < starts.length) return starts[Math.max(index, 0)];
  return starts[starts.length - 1] + (index - starts.length + 1) * record.intervalMin * 60_000;
}

/** A duration in minutes as '45 min', '2 h' or '1 h 30 min'. */
export function formatDurationMin(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The time axis of the report's charts: the scenario clock. */
export function scenarioTimeAxis(record: SimulationRecord): TimeAxis {
  return { label: scenarioClockLabel(record.utcOffsetMinutes), utcOffsetMinutes: record.utcOffsetMinutes };
}
