/**
 * Weighted quantiles by linear interpolation between centred cumulative weights (with equal weights
 * this is the Hazen quantile, type 5 of Hyndman & Fan 1996, so the median of an even count is the
 * mean of the two middle values). For sorted values x_1 <= ... <= x_n with weights w_i > 0 and
 * W = sum w_i, value x_i sits at probability
 *
 *   p_i = (w_1 + ... + w_i - w_i / 2) / W
 *
 * and Q(q) interpolates linearly between the two p_i around q, clamped to x_1 below p_1 and to x_n
 * above p_n. Zero weights are skipped; with no positive weight the quantile is NaN.
 */

/**
 * Quantiles at `levels` of values already sorted ascending through `order` (indices into `values`
 * and `weights`, so one sort serves many weightings). Writes into `out` (one per level).
 */
export function weightedQuantilesSorted(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  order: ArrayLike<number>,
  levels: readonly number[],
  out: number[] = new Array<number>(levels.length),
): number[] {
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const w = weights[order[k]];
    if (w > 0) total += w;
  }
  if (!(total > 0)) {
    out.fill(Number.NaN, 0, levels.length);
    return out;
  }
  // Levels may come in any order; walk the sorted values once per level (levels are few).
  for (let l = 0; l < levels.length; l++) {
    const target = levels[l] * total;
    let cumulative = 0;
    let prevPos = Number.NaN;
    let prevValue = Number.NaN;
    let result = Number.NaN;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      const w = weights[i];
      if (!(w > 0)) continue;
      const pos = cumulative + w / 2;
      cumulative += w;
      const x = values[i];
      if (pos >= target) {
        result =
          Number.isNaN(prevPos) || pos === prevPos
            ? x
            : prevValue + ((x - prevValue) * (target - prevPos)) / (pos - prevPos);
        break;
      }
      prevPos = pos;
      prevValue = x;
    }
    out[l] = Number.isNaN(result) ? prevValue : result;
  }
  return out;
}

/** Quantiles at `levels` of `values` with `weights` (any order; NaN values are skipped). */
export function weightedQuantiles(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  levels: readonly number[],
): number[] {
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) order.push(i);
  order.sort((a, b) => values[a] - values[b] || a - b);
  return weightedQuantilesSorted(values, weights, order, levels);
}
