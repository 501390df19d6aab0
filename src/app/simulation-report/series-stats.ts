/**
 * Small statistics of the series that the report's captions quote: whether a series has any value,
 * the extreme of one with where it is, the mean absolute percentage error and the share of actual
 * values inside a forecast band. NaN entries are skipped; a statistic without data is NaN.
 */

export function hasFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) return true;
  return false;
}

/** The smallest (or largest) finite value and its index; index -1 and NaN when there is none. */
export function findExtreme(
  values: ArrayLike<number>,
  which: 'min' | 'max',
): { value: number; index: number } {
  let index = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (index < 0 || (which === 'min' ? v < values[index] : v > values[index])) index = i;
  }
  return { value: index < 0 ? Number.NaN : values[index], index };
}

/** Mean of |forecast - actual| / actual over the intervals with both and a non-zero actual, in %. */
export function meanAbsolutePercentageError(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(actual[i]) || !Number.isFinite(forecast[i]) || actual[i] === 0) continue;
    sum += Math.abs(forecast[i] - actual[i]) / Math.abs(actual[i]);
    count++;
  }
  return count === 0 ? Number.NaN : (100 * sum) / count;
}

/** Share of the intervals with a band where the actual value lies within [lower, upper], in %. */
export function bandCoveragePercent(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  let inside = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(actual[i]) || !Number.isFinite(lower[i]) || !Number.isFinite(upper[i])) continue;
    if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
    count++;
  }
  return count === 0 ? Number.NaN : (100 * inside) / count;
}
