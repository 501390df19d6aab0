/**
 * Per-session EV charging forecasts made at plug-in: the energy the session will take (kWh) and its
 * connection (dwell) time, hence its departure, each as P10/P50/P90, from the sessions completed
 * before the forecast origin. The record, query and forecast types, the model interface, local-time
 * features from a UTC-offset lookup, and the `per-driver-median` baseline: the quantiles (median for
 * P50) of the driver's completed sessions, or of all drivers' when the driver has none.
 */
import { DAY_MS, HOUR_MS } from './time-series.ts';
import { weightedQuantiles } from './weighted-quantile.ts';

export const EV_QUANTILE_LEVELS = [0.1, 0.5, 0.9] as const;

/** Minutes east of UTC of the local clock at an instant (Europe/Oslo: 60 in winter, 120 in summer). */
export type LocalOffsetLookup = (instantMs: number) => number;

export interface EvSessionRecord {
  readonly userId: string;
  readonly garageId: string;
  readonly userType: 'private' | 'shared';
  /** Plug-in instant (epoch ms). */
  readonly plugInMs: number;
  /** Plug-out instant (epoch ms); null when unknown. */
  readonly plugOutMs: number | null;
  readonly energyKwh: number;
}

/** What is known at plug-in. */
export type EvSessionQuery = Pick<EvSessionRecord, 'userId' | 'garageId' | 'userType' | 'plugInMs'>;

export interface QuantileTriple {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface EvSessionForecast {
  readonly energyKwh: QuantileTriple;
  /** Connection time, real elapsed hours. */
  readonly dwellH: QuantileTriple;
  /** Plug-in plus the dwell quantiles (epoch ms). */
  readonly departureMs: QuantileTriple;
}

export interface EvSessionModel {
  readonly name: string;
  /**
   * Forecasts `queries` at `originMs` using only the sessions of `sessions` completed strictly
   * before the origin (plug-out known and < origin); the rest are ignored. NaN without history.
   */
  forecast(
    sessions: readonly EvSessionRecord[],
    originMs: number,
    queries: readonly EvSessionQuery[],
  ): EvSessionForecast[];
}

export interface History {
  readonly energyKwh: Float64Array;
  readonly dwellH: Float64Array;
  readonly plugInMs: Float64Array;
  readonly sessions: readonly EvSessionRecord[];
}

/** Completed sessions before `originMs` with a finite energy and a plug-out not before plug-in. */
export function completedBefore(sessions: readonly EvSessionRecord[], originMs: number): History {
  const kept = sessions.filter(
    (s) =>
      s.plugOutMs !== null &&
      s.plugOutMs < originMs &&
      s.plugOutMs >= s.plugInMs &&
      Number.isFinite(s.energyKwh),
  );
  return {
    energyKwh: Float64Array.from(kept, (s) => s.energyKwh),
    dwellH: Float64Array.from(kept, (s) => ((s.plugOutMs as number) - s.plugInMs) / HOUR_MS),
    plugInMs: Float64Array.from(kept, (s) => s.plugInMs),
    sessions: kept,
  };
}

export function groupBy(sessions: readonly EvSessionRecord[], key: (s: EvSessionRecord) => string) {
  const groups = new Map<string, number[]>();
  sessions.forEach((s, i) => {
    const k = key(s);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [i]);
    else g.push(i);
  });
  return groups;
}

export const garageKey = (s: EvSessionQuery): string => `${s.garageId}\u0000${s.userType}`;
export const NAN_TRIPLE: QuantileTriple = { p10: Number.NaN, p50: Number.NaN, p90: Number.NaN };

export function triple(q: readonly number[]): QuantileTriple {
  return { p10: q[0], p50: q[1], p90: q[2] };
}

export function toForecast(
  plugInMs: number,
  energy: QuantileTriple,
  dwell: QuantileTriple,
): EvSessionForecast {
  return {
    energyKwh: energy,
    dwellH: dwell,
    departureMs: {
      p10: plugInMs + dwell.p10 * HOUR_MS,
      p50: plugInMs + dwell.p50 * HOUR_MS,
      p90: plugInMs + dwell.p90 * HOUR_MS,
    },
  };
}

/** Baseline: quantiles of the driver's completed sessions (all drivers' when the driver has none). */
export function createPerDriverMedianModel(): EvSessionModel {
  return {
    name: 'per-driver-median',
    forecast(sessions, originMs, queries) {
      const h = completedBefore(sessions, originMs);
      const levels = [...EV_QUANTILE_LEVELS];
      const cache = new Map<string, { energy: QuantileTriple; dwell: QuantileTriple }>();
      const summarise = (members: readonly number[]) => {
        const ones = new Float64Array(members.length).fill(1);
        const pick = (v: Float64Array) => Float64Array.from(members, (i) => v[i]);
        return {
          energy: triple(weightedQuantiles(pick(h.energyKwh), ones, levels)),
          dwell: triple(weightedQuantiles(pick(h.dwellH), ones, levels)),
        };
      };
      const byDriver = groupBy(h.sessions, (s) => s.userId);
      const all = h.sessions.map((_, i) => i);
      return queries.map((q) => {
        const key = byDriver.has(q.userId) ? q.userId : '\u0000all';
        let summary = cache.get(key);
        if (summary === undefined) {
          summary = summarise(byDriver.get(q.userId) ?? all);
          cache.set(key, summary);
        }
        return toForecast(q.plugInMs, summary.energy, summary.dwell);
      });
    },
  };
}

/** Local calendar day of an instant (days since 1970-01-01). */
export function localDayNumber(ms: number, offsetAt: LocalOffsetLookup): number {
  return Math.floor((ms + offsetAt(ms) * 60_000) / DAY_MS);
}

/** The instant of local midnight starting local day `day`. */
export function localMidnightMs(day: number, offsetAt: LocalOffsetLookup): number {
  const wallMs = day * DAY_MS;
  let instantMs = wallMs - offsetAt(wallMs) * 60_000;
  for (let i = 0; i < 2; i++) instantMs = wallMs - offsetAt(instantMs) * 60_000;
  return instantMs;
}

export interface LocalTimeFeatures {
  /** Local hour of day [0, 24). */
  readonly hour: number;
  /** Bit 1: the local day is a weekend day; bit 2: the next one is. */
  readonly dayType: number;
}

export function localTimeFeatures(ms: number, offsetAt: LocalOffsetLookup): LocalTimeFeatures {
  const wallMs = ms + offsetAt(ms) * 60_000;
  const day = Math.floor(wallMs / DAY_MS);
  const weekend = (d: number) => {
    const weekday = (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday === 0 || weekday === 6;
  };
  return {
    hour: (wallMs - day * DAY_MS) / HOUR_MS,
    dayType: (weekend(day) ? 1 : 0) | (weekend(day + 1) ? 2 : 0),
  };
}
