/**
 * Tracks the accuracy of a zone's recent forecasts, day by day as actuals arrive, so that the
 * operation sees when a forecast went wrong: the day's mean absolute error and its weighted
 * percentage error (WAPE = sum |error| / sum |actual|, meaningful for PV's near-zero hours too),
 * whether its actuals stayed inside the P10-P90 band, and their rolling means over 7 and 28 days.
 * A day is flagged when its MAE is more than twice the median daily MAE of the 28 days before it,
 * or when fewer than half of its hours fell inside a band meant to hold 80 % of them.
 */

export interface DayAccuracy {
  readonly day: number;
  readonly maeKw: number;
  readonly wapePct: number;
  /** Share of the day's hours inside [P10, P90]. */
  readonly coverage: number;
  readonly flagged: boolean;
  readonly reason?: string;
}

export interface AccuracySummary {
  readonly last?: DayAccuracy;
  readonly wape7Pct: number;
  readonly wape28Pct: number;
  readonly coverage28: number;
  readonly flaggedDays28: number;
}

const WINDOW = 28;

export class AccuracyTracker {
  private readonly days: DayAccuracy[] = [];

  /** Records day `day`'s actuals against its forecast (24 hourly values each; NaN skipped). */
  record(
    day: number,
    actual: ArrayLike<number>,
    point: ArrayLike<number>,
    p10: ArrayLike<number>,
    p90: ArrayLike<number>,
  ): DayAccuracy {
    let n = 0;
    let abs = 0;
    let sumActual = 0;
    let nBand = 0;
    let inside = 0;
    for (let h = 0; h < actual.length; h++) {
      const y = actual[h];
      if (Number.isNaN(y) || Number.isNaN(point[h])) continue;
      const e = Math.abs(y - point[h]);
      n++;
      abs += e;
      sumActual += Math.abs(y);
      if (!Number.isNaN(p10[h]) && !Number.isNaN(p90[h])) {
        nBand++;
        if (y >= p10[h] && y <= p90[h]) inside++;
      }
    }
    const maeKw = n > 0 ? abs / n : Number.NaN;
    const coverage = nBand > 0 ? inside / nBand : Number.NaN;
    const previous = this.days
      .slice(-WINDOW)
      .map((d) => d.maeKw)
      .filter((v) => !Number.isNaN(v))
      .sort((a, b) => a - b);
    const typical = previous.length >= 7 ? previous[previous.length >> 1] : Number.NaN;
    const reasons: string[] = [];
    if (maeKw > 2 * typical)
      reasons.push(
        `MAE ${(maeKw / typical).toFixed(1)} times the median of the last ${previous.length} days`,
      );
    if (coverage < 0.5) reasons.push(`only ${Math.round(coverage * 100)} % of hours inside P10-P90`);
    const entry: DayAccuracy = {
      day,
      maeKw,
      wapePct: sumActual > 0 ? (100 * abs) / sumActual : Number.NaN,
      coverage,
      flagged: reasons.length > 0,
      ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
    };
    this.days.push(entry);
    if (this.days.length > WINDOW + 1) this.days.shift();
    return entry;
  }

  summary(): AccuracySummary {
    const mean = (values: number[]) => {
      const ok = values.filter((v) => !Number.isNaN(v));
      return ok.length > 0 ? ok.reduce((a, b) => a + b, 0) / ok.length : Number.NaN;
    };
    const last28 = this.days.slice(-WINDOW);
    return {
      last: this.days[this.days.length - 1],
      wape7Pct: mean(this.days.slice(-7).map((d) => d.wapePct)),
      wape28Pct: mean(last28.map((d) => d.wapePct)),
      coverage28: mean(last28.map((d) => d.coverage)),
      flaggedDays28: last28.filter((d) => d.flagged).length,
    };
  }
}
