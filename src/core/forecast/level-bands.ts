/**
 * Quantile bands for forecasts whose error depends on their level and on what the hour allows (PV:
 * no error at night, small errors at dawn, large ones at midday under broken clouds): the errors
 * (actual - forecast) of the last `days` days are kept with the forecast they belonged to and a
 * context known in advance (for PV, the clear-sky potential of the hour, in the same unit); the band
 * of a new forecast f with context c is f plus the empirical quantiles of the errors of the
 * `neighbours` recorded pairs nearest in |f - f'| + |c - c'| (a nearest-neighbour conditional
 * quantile), clipped to [lower, upper]. A forecast of exactly zero gets a zero band.
 */
import { empiricalQuantile } from './residual-bands.ts';

export class LevelBands {
  private readonly forecasts: Float64Array;
  private readonly contexts: Float64Array;
  private readonly errors: Float64Array;
  private readonly slots: number;
  private readonly days: number;
  private readonly neighbours: number;
  private readonly lower: number;
  private readonly upper: number;
  private next = 0;

  constructor(days = 56, neighbours = 150, lower = 0, upper = Number.POSITIVE_INFINITY) {
    this.days = days;
    this.neighbours = neighbours;
    this.lower = lower;
    this.upper = upper;
    this.slots = days * 24;
    this.forecasts = new Float64Array(this.slots).fill(Number.NaN);
    this.contexts = new Float64Array(this.slots);
    this.errors = new Float64Array(this.slots).fill(Number.NaN);
  }

  /** Records one day's errors (hours with a zero forecast and zero actual carry no information). */
  push(actual: ArrayLike<number>, forecast: ArrayLike<number>, context?: ArrayLike<number>): void {
    for (let h = 0; h < 24; h++) {
      const f = forecast[h];
      const y = actual[h];
      const slot = (this.next * 24 + h) % this.slots;
      const informative = !Number.isNaN(f) && !Number.isNaN(y) && (f !== 0 || y !== 0);
      this.forecasts[slot] = informative ? f : Number.NaN;
      this.errors[slot] = informative ? y - f : Number.NaN;
      this.contexts[slot] = context ? context[h] : 0;
    }
    this.next = (this.next + 1) % this.days;
  }

  /** Quantiles at `levels` for the 24 values of `point` (NaN where no errors are recorded yet). */
  quantiles(
    point: ArrayLike<number>,
    levels: readonly number[],
    context?: ArrayLike<number>,
  ): Float64Array[] {
    const out = levels.map(() => new Float64Array(24).fill(Number.NaN));
    const valid: number[] = [];
    for (let i = 0; i < this.slots; i++) if (!Number.isNaN(this.forecasts[i])) valid.push(i);
    const k = Math.min(this.neighbours, valid.length);
    const distance = new Float64Array(this.slots);
    const near = new Float64Array(k);
    for (let h = 0; h < 24; h++) {
      const f = point[h];
      if (Number.isNaN(f)) continue;
      if (f === 0) {
        for (const band of out) band[h] = 0;
        continue;
      }
      if (k === 0) continue;
      const c = context ? context[h] : 0;
      for (const i of valid) distance[i] = Math.abs(this.forecasts[i] - f) + Math.abs(this.contexts[i] - c);
      valid.sort((a, b) => distance[a] - distance[b] || a - b);
      for (let j = 0; j < k; j++) near[j] = this.errors[valid[j]];
      near.sort();
      levels.forEach((q, m) => {
        out[m][h] = Math.min(this.upper, Math.max(this.lower, f + empiricalQuantile(near, q)));
      });
    }
    return out;
  }
}
