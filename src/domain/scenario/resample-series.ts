/**
 * Series on the scenario's interval grid. A source value is taken as the mean over its step and
 * placed at the step's centre; the value of a target interval is the linear interpolation at the
 * interval's centre (hourly GEFCom to 15 minutes: 00:30-00:45 gets 0.875 h00 + 0.125 h01),
 * holding the first and last source value beyond the ends. NaN spreads to the intervals it touches.
 */

export interface SourceGrid {
  /** Timestamp of values[0] (start of its step), ms on the source's clock. */
  readonly startMs: number;
  readonly stepMs: number;
}

/**
 * Values at `count` interval centres; `centreMs(i)` gives the centre of interval i on the source's
 * clock (so callers can map clocks, e.g. through a time zone).
 */
export function interpolateAtCentres(
  values: ArrayLike<number>,
  source: SourceGrid,
  count: number,
  centreMs: (i: number) => number,
): Float64Array {
  const out = new Float64Array(count);
  const last = values.length - 1;
  for (let i = 0; i < count; i++) {
    const x = (centreMs(i) - source.startMs) / source.stepMs - 0.5;
    if (x <= 0) out[i] = values[0];
    else if (x >= last) out[i] = values[last];
    else {
      const k = Math.floor(x);
      const w = x - k;
      out[i] = w === 0 ? values[k] : (1 - w) * values[k] + w * values[k + 1];
    }
  }
  return out;
}

/** Index ranges [from, to) of NaN runs in `values[from..to)`. */
export function findGaps(
  values: ArrayLike<number>,
  from: number,
  to: number,
): { from: number; to: number }[] {
  const gaps: { from: number; to: number }[] = [];
  for (let i = from; i < to; i++) {
    if (!Number.isNaN(values[i])) continue;
    let j = i;
    while (j < to && Number.isNaN(values[j])) j++;
    gaps.push({ from: i, to: j });
    i = j;
  }
  return gaps;
}

/**
 * Fills a NaN run [from, to) linearly between its neighbours (or with the one neighbour at an
 * end); returns false, leaving `values` unchanged, if the run has no neighbour at all.
 */
export function fillGapLinearly(values: Float64Array, gap: { from: number; to: number }): boolean {
  const left = gap.from - 1 >= 0 ? values[gap.from - 1] : Number.NaN;
  const right = gap.to < values.length ? values[gap.to] : Number.NaN;
  if (Number.isNaN(left) && Number.isNaN(right)) return false;
  for (let i = gap.from; i < gap.to; i++) {
    const w = (i - gap.from + 1) / (gap.to - gap.from + 1);
    values[i] = Number.isNaN(left) ? right : Number.isNaN(right) ? left : (1 - w) * left + w * right;
  }
  return true;
}

/** `values` scaled so that their maximum is `peak` (unchanged if the maximum is not positive). */
export function scaleToPeak(values: Float64Array, peak: number): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  return max > 0 ? values.map((v) => (v * peak) / max) : values.slice();
}

/** 99th percentile of the daily maxima (days of `perDay` values, NaN ignored): a PV system's capacity. */
export function estimateDailyPeak(values: ArrayLike<number>, perDay: number): number {
  const maxima: number[] = [];
  for (let d = 0; d + perDay <= values.length; d += perDay) {
    let max = Number.NaN;
    for (let i = d; i < d + perDay; i++) {
      const v = values[i];
      if (!Number.isNaN(v) && !(v <= max)) max = v;
    }
    if (!Number.isNaN(max)) maxima.push(max);
  }
  if (maxima.length === 0) return Number.NaN;
  maxima.sort((a, b) => a - b);
  return maxima[Math.min(maxima.length - 1, Math.floor(0.99 * (maxima.length - 1) + 0.5))];
}
