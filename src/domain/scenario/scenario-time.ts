/**
 * Time in a scenario: local dates (`2007-07-16`) and local date-times (`2007-07-18T17:30`) on the
 * simulation's wall clock (24-hour days, no daylight-saving changes, as the GEFCom load data), held
 * as milliseconds of that wall time read as if it were UTC. The period, its interval grid and the
 * history before it follow from the scenario.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A local date `YYYY-MM-DD` as wall milliseconds of its midnight, or NaN. */
export function parseLocalDate(text: string): number {
  const m = DATE.exec(text);
  return m ? wallMs(+m[1], +m[2], +m[3], 0, 0, 0) : Number.NaN;
}

/** A local date-time `YYYY-MM-DDTHH:MM[:SS]` (no offset) as wall milliseconds, or NaN. */
export function parseLocalDateTime(text: string): number {
  const m = DATE_TIME.exec(text);
  return m ? wallMs(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] === undefined ? 0 : +m[6]) : Number.NaN;
}

function wallMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return Number.NaN;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Rejects days past the month's end (2007-02-30), which Date.UTC would roll over.
  return new Date(ms).getUTCDate() === d ? ms : Number.NaN;
}

/** `YYYY-MM-DDTHH:MM` of wall milliseconds. */
export function formatLocalDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** `YYYY-MM-DD` of wall milliseconds. */
export function formatLocalDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** English name of the weekday of wall milliseconds. */
export function weekdayName(ms: number): string {
  return WEEKDAYS[new Date(ms).getUTCDay()];
}

/** The simulated period and the history before it, on the interval grid. */
export interface ScenarioPeriod {
  /** Start of the first simulated interval, wall ms. */
  readonly startMs: number;
  /** End of the last simulated interval (exclusive), wall ms. */
  readonly endMs: number;
  readonly intervalMin: number;
  readonly intervalMs: number;
  /** Simulated intervals (days * 24 * 60 / intervalMin). */
  readonly intervalCount: number;
  /** Start of the history the forecaster needs, wall ms. */
  readonly historyStartMs: number;
  /** Intervals of history before `startMs`. */
  readonly historyIntervalCount: number;
}

/** The period of `start` (a local date), `days`, `intervalMin` and `historyDays` (NaN start if invalid). */
export function describePeriod(period: {
  readonly start: string;
  readonly days: number;
  readonly intervalMin: number;
  readonly historyDays: number;
}): ScenarioPeriod {
  const startMs = parseLocalDate(period.start);
  const intervalMs = period.intervalMin * MINUTE_MS;
  const perDay = DAY_MS / intervalMs;
  return {
    startMs,
    endMs: startMs + period.days * DAY_MS,
    intervalMin: period.intervalMin,
    intervalMs,
    intervalCount: period.days * perDay,
    historyStartMs: startMs - period.historyDays * DAY_MS,
    historyIntervalCount: period.historyDays * perDay,
  };
}
