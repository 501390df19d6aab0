/**
 * The controller's forecasts for its planning horizon: per zone, the live day-ahead demand forecast
 * (zone-forecaster.ts) corrected within the day by how far the last metered interval strayed from
 * it (the correction fades over the following hours), and PV per installed MW by persistence (the
 * same interval yesterday, as metered). Metered readings are folded into hourly history as they
 * arrive; a missing reading is left out of its hour's mean.
 */
import { type DayForecast, type ForecasterName, ZoneForecaster } from './zone-forecaster.ts';

export interface ForecastBankSetup {
  readonly zones: readonly string[];
  /** Wall ms of the first history interval (a local midnight). */
  readonly historyStartMs: number;
  readonly historyIntervals: number;
  readonly periodIntervals: number;
  readonly intervalsPerHour: number;
  /** Per zone, interval load MW over history + period; only the history part is read. */
  readonly zoneLoadMw: Readonly<Record<string, Float64Array>>;
  /** Interval temperature over history + period (the weather forecast: what was measured). */
  readonly temperature: Float64Array;
  /** Per zone, PV per installed MW over history + period; only the history part is read. */
  readonly pvPerUnitByZone: Readonly<Record<string, Float64Array>>;
  readonly forecaster: ForecasterName;
  /** Correction fade per hour ahead (default 0.7). */
  readonly fadePerHour?: number;
}

export class ForecastBank {
  private readonly setup: ForecastBankSetup;
  private readonly forecasters = new Map<string, ZoneForecaster>();
  private readonly hourSum = new Map<string, { sum: number; n: number }>();
  private readonly correction = new Map<string, number>();
  private readonly pv: Map<string, Float64Array>;
  private readonly periodDay: number;
  private closedDays = 0;
  /** Last period interval with readings in (-1: none yet). */
  private lastObserved = -1;

  constructor(setup: ForecastBankSetup) {
    this.setup = setup;
    const perHour = setup.intervalsPerHour;
    const hours = Math.floor((setup.historyIntervals + setup.periodIntervals) / perHour);
    const historyHours = Math.floor(setup.historyIntervals / perHour);
    this.periodDay = Math.floor(historyHours / 24);
    const hourly = (values: Float64Array, upTo: number) =>
      Float64Array.from({ length: hours }, (_, hr) => {
        if (hr >= upTo) return Number.NaN;
        let s = 0;
        for (let k = 0; k < perHour; k++) s += values[hr * perHour + k];
        return s / perHour;
      });
    const temperature = hourly(setup.temperature, hours);
    for (const z of setup.zones) {
      const series = setup.zoneLoadMw[z];
      const truth = setup.forecaster === 'perfect' ? hourly(series, hours) : undefined;
      const f = new ZoneForecaster(
        z,
        setup.historyStartMs,
        hourly(series, historyHours),
        temperature,
        setup.forecaster,
        truth,
      );
      f.warmUp(this.periodDay - 56, this.periodDay);
      this.forecasters.set(z, f);
    }
    this.pv = new Map(
      Object.entries(setup.pvPerUnitByZone).map(([z, s]) => {
        const copy = Float64Array.from(s);
        copy.fill(Number.NaN, setup.historyIntervals);
        return [z, copy];
      }),
    );
  }

  /** Readings of interval t - 1 (period index), delivered at the start of interval t. */
  observe(t: number, zoneLoadMw: ReadonlyMap<string, number>, pvPerUnit: ReadonlyMap<string, number>): void {
    if (t < 1) return;
    const last = t - 1;
    this.lastObserved = last;
    const perHour = this.setup.intervalsPerHour;
    const hour = Math.floor((this.setup.historyIntervals + last) / perHour);
    for (const [z, mw] of zoneLoadMw) {
      const f = this.forecasters.get(z);
      if (!f) continue;
      const acc = this.hourSum.get(z) ?? { sum: 0, n: 0 };
      if (Number.isFinite(mw)) {
        acc.sum += mw;
        acc.n++;
        const expected = this.pointMw(z, last, 0, false);
        if (expected > 0) this.correction.set(z, 0.5 * (this.correction.get(z) ?? 1) + 0.5 * (mw / expected));
      }
      this.hourSum.set(z, acc);
      if ((this.setup.historyIntervals + last + 1) % perHour === 0) {
        f.observeHour(hour, acc.n > 0 ? acc.sum / acc.n : Number.NaN);
        this.hourSum.set(z, { sum: 0, n: 0 });
      }
    }
    for (const [z, v] of pvPerUnit) {
      const s = this.pv.get(z);
      if (s) s[this.setup.historyIntervals + last] = v;
    }
    // a day is over once its last interval is in
    const day = Math.floor((last + 1) / (24 * perHour));
    while (this.closedDays < day) {
      for (const f of this.forecasters.values()) f.closeDay(this.periodDay + this.closedDays);
      this.closedDays++;
    }
  }

  /** The day-ahead forecast of the period day holding interval t. */
  dayForecast(zone: string, t: number): DayForecast | undefined {
    const perDay = 24 * this.setup.intervalsPerHour;
    const day = this.periodDay + Math.floor(t / perDay);
    // beyond the current day, the current day's forecast stands in (tomorrow's needs today's actuals)
    const today = this.periodDay + Math.min(Math.floor(t / perDay), this.closedDays);
    return this.forecasters.get(zone)?.forecastDay(Math.min(day, today));
  }

  /** Demand forecast of a zone for interval t (period index), `hoursAhead` from now, with the intraday correction. */
  pointMw(zone: string, t: number, hoursAhead: number, corrected = true): number {
    const f = this.dayForecast(zone, t);
    const perHour = this.setup.intervalsPerHour;
    const hourOfDay = Math.floor(t / perHour) % 24;
    const base = f?.point[hourOfDay] ?? Number.NaN;
    if (!corrected) return base;
    const c = this.correction.get(zone) ?? 1;
    return base * (1 + (c - 1) * (this.setup.fadePerHour ?? 0.7) ** hoursAhead);
  }

  band(zone: string, t: number): { p10: number; p90: number } {
    const f = this.dayForecast(zone, t);
    const hourOfDay = Math.floor(t / this.setup.intervalsPerHour) % 24;
    return { p10: f?.p10[hourOfDay] ?? Number.NaN, p90: f?.p90[hourOfDay] ?? Number.NaN };
  }

  /** PV per installed MW for interval t: the same interval on the last day metered (0 where unknown). */
  pvPerUnit(zone: string, t: number): number {
    const s = this.pv.get(zone) ?? this.pv.get('');
    const perDay = 24 * this.setup.intervalsPerHour;
    const daysBack = Math.max(1, Math.ceil((t - this.lastObserved) / perDay));
    const v = s?.[this.setup.historyIntervals + t - perDay * daysBack];
    return v !== undefined && Number.isFinite(v) ? Math.max(0, v) : 0;
  }
}
