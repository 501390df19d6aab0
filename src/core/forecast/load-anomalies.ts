/**
 * Data-quality findings that make a zone's score say more about the data than about the model,
 * reported so that such zones can be named and set aside with a reason:
 * - outages: hours whose load is below 5 % of the zone's median (a feeder out, a meter down);
 * - level shifts: days where the median daily mean of the 28 days after differs from that of the
 *   28 days before by more than a factor 2 (load moved between feeders, a new large customer).
 * Both are looked for in the days [fromDay, toDay] being scored.
 */

export interface LoadAnomaly {
  readonly kind: 'outage' | 'level-shift';
  /** First day concerned (index into the problem's days). */
  readonly day: number;
  /** Outage hours, or the ratio after/before of a level shift. */
  readonly size: number;
}

const OUTAGE_SHARE = 0.05;
const SHIFT_DAYS = 28;
const SHIFT_FACTOR = 2;

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

export function findLoadAnomalies(load: Float64Array, fromDay: number, toDay: number): LoadAnomaly[] {
  const found: LoadAnomaly[] = [];
  const scored = Array.from(load.subarray(fromDay * 24, (toDay + 1) * 24));
  const level = median(scored);
  let outageHours = 0;
  let firstOutage = -1;
  scored.forEach((v, i) => {
    if (v < OUTAGE_SHARE * level) {
      outageHours++;
      if (firstOutage < 0) firstOutage = fromDay + Math.floor(i / 24);
    }
  });
  if (outageHours > 0) found.push({ kind: 'outage', day: firstOutage, size: outageHours });
  const nDays = Math.floor(load.length / 24);
  const daily = Array.from({ length: nDays }, (_, d) => {
    let sum = 0;
    for (let h = 0; h < 24; h++) sum += load[d * 24 + h];
    return sum / 24;
  });
  for (let d = Math.max(fromDay, SHIFT_DAYS); d <= Math.min(toDay, nDays - SHIFT_DAYS); d++) {
    const ratio = median(daily.slice(d, d + SHIFT_DAYS)) / median(daily.slice(d - SHIFT_DAYS, d));
    if (ratio > SHIFT_FACTOR || ratio < 1 / SHIFT_FACTOR) {
      found.push({ kind: 'level-shift', day: d, size: ratio });
      break;
    }
  }
  return found;
}
