/**
 * Accuracy measures of point and quantile forecasts, skipping pairs where the actual or the
 * forecast is missing (NaN):
 *
 *   MAPE = mean |y - f| / |y| * 100        RMSE = sqrt(mean (y - f)^2)
 *   MASE = mean |y - f| / scale            (scale: in-sample MAE of the weekly seasonal naive)
 *   pinball_q = mean max(q (y - f_q), (q - 1)(y - f_q)),  averaged over the quantiles given
 *   coverage = share of actuals inside [P10, P90]
 *
 * Hyndman & Koehler (2006), "Another look at measures of forecast accuracy"; Gneiting (2011).
 */

export interface PointScores {
  readonly n: number;
  readonly mape: number;
  readonly rmse: number;
  readonly mae: number;
}

/** MAPE (percent), RMSE and MAE over the pairs where both values exist and the actual is non-zero. */
export function scorePoints(actual: ArrayLike<number>, forecast: ArrayLike<number>): PointScores {
  let n = 0;
  let nPct = 0;
  let sumAbs = 0;
  let sumSq = 0;
  let sumPct = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const f = forecast[i];
    if (Number.isNaN(y) || Number.isNaN(f)) continue;
    const e = y - f;
    n++;
    sumAbs += Math.abs(e);
    sumSq += e * e;
    if (y !== 0) {
      nPct++;
      sumPct += Math.abs(e / y);
    }
  }
  return {
    n,
    mape: nPct > 0 ? (100 * sumPct) / nPct : Number.NaN,
    rmse: n > 0 ? Math.sqrt(sumSq / n) : Number.NaN,
    mae: n > 0 ? sumAbs / n : Number.NaN,
  };
}

/**
 * The MASE scale: mean |y_t - y_{t - season}| over the in-sample values (season in steps, e.g.
 * 168 for hourly data and a weekly season).
 */
export function seasonalNaiveScale(values: ArrayLike<number>, season: number): number {
  let n = 0;
  let sum = 0;
  for (let t = season; t < values.length; t++) {
    const d = values[t] - values[t - season];
    if (Number.isNaN(d)) continue;
    n++;
    sum += Math.abs(d);
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Mean pinball loss of quantile forecasts `byLevel[k][i]` at `levels[k]`, averaged over levels. */
export function pinballLoss(
  actual: ArrayLike<number>,
  levels: readonly number[],
  byLevel: readonly ArrayLike<number>[],
): number {
  let total = 0;
  for (let k = 0; k < levels.length; k++) {
    const q = levels[k];
    let n = 0;
    let sum = 0;
    for (let i = 0; i < actual.length; i++) {
      const y = actual[i];
      const f = byLevel[k][i];
      if (Number.isNaN(y) || Number.isNaN(f)) continue;
      const e = y - f;
      sum += e >= 0 ? q * e : (q - 1) * e;
      n++;
    }
    total += n > 0 ? sum / n : Number.NaN;
  }
  return total / levels.length;
}

/** Share (0..1) of actuals within [lower, upper]. */
export function intervalCoverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  let n = 0;
  let inside = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    if (Number.isNaN(y) || Number.isNaN(lower[i]) || Number.isNaN(upper[i])) continue;
    n++;
    if (y >= lower[i] && y <= upper[i]) inside++;
  }
  return n > 0 ? inside / n : Number.NaN;
}
