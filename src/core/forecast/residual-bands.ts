/**
 * Quantile bands from recent out-of-sample errors (an empirical, conformal-style method): for each
 * hour of day, the relative errors (actual - forecast) / forecast of the last `days` days at that
 * hour and its two neighbours give the quantiles; the band is forecast * (1 + q). Because it uses
 * the errors the model really made, it adapts when the forecast goes wrong.
 */

export class ResidualBands {
  private readonly days: number;
  private readonly errors: Float64Array; // [day slot][hour]
  private count = 0;
  private next = 0;

  constructor(days = 56) {
    this.days = days;
    this.errors = new Float64Array(days * 24).fill(Number.NaN);
  }

  /** Records one day's relative errors. */
  push(actual: ArrayLike<number>, forecast: ArrayLike<number>): void {
    const row = this.next * 24;
    for (let h = 0; h < 24; h++) {
      const f = forecast[h];
      const y = actual[h];
      this.errors[row + h] = f !== 0 && !Number.isNaN(f) && !Number.isNaN(y) ? (y - f) / f : Number.NaN;
    }
    this.next = (this.next + 1) % this.days;
    this.count = Math.min(this.count + 1, this.days);
  }

  /** Days of errors recorded (at most `days`). */
  get size(): number {
    return this.count;
  }

  /** Quantiles at `levels` of the forecast `point` of one day (NaN bands until errors exist). */
  quantiles(point: ArrayLike<number>, levels: readonly number[]): Float64Array[] {
    const out = levels.map(() => new Float64Array(24).fill(Number.NaN));
    const sample: number[] = [];
    for (let h = 0; h < 24; h++) {
      sample.length = 0;
      for (let s = 0; s < this.days; s++) {
        for (const dh of [-1, 0, 1]) {
          const e = this.errors[s * 24 + ((h + dh + 24) % 24)];
          if (!Number.isNaN(e)) sample.push(e);
        }
      }
      if (sample.length === 0) continue;
      sample.sort((a, b) => a - b);
      levels.forEach((q, k) => {
        out[k][h] = point[h] * (1 + empiricalQuantile(sample, q));
      });
    }
    return out;
  }
}

/** Linear-interpolated quantile of sorted values (type 7 of Hyndman & Fan 1996). */
export function empiricalQuantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
