/**
 * A forecast combination: the convex blend w f_1 + (1 - w) f_2 of two day-ahead models, with the
 * weight re-chosen before each forecast as the one (on a grid of 0.05) that minimised the absolute
 * error of the blend over the last `windowDays` days of the members' own out-of-sample forecasts.
 * When the structure of the load changes faster than a regression can learn (a religious month,
 * a holiday season, a new tariff) the blend leans on the member that copes; when it does not,
 * the blend is the better member. Bates & Granger (1969); Timmermann (2006), "Forecast combinations".
 */
import type { DayAheadModel } from './day-ahead-model.ts';

const GRID_STEPS = 20;

export function createCombinedModel(
  name: string,
  first: DayAheadModel,
  second: DayAheadModel,
  actual: Float64Array,
  windowDays = 28,
): DayAheadModel {
  const history: { day: number; a: Float64Array; b: Float64Array }[] = [];
  let pending: { day: number; a: Float64Array; b: Float64Array } | undefined;

  const chooseWeight = (): number => {
    if (history.length === 0) return 1;
    let best = 1;
    let bestError = Number.POSITIVE_INFINITY;
    for (let k = GRID_STEPS; k >= 0; k--) {
      const w = k / GRID_STEPS;
      let error = 0;
      for (const { day, a, b } of history) {
        for (let h = 0; h < 24; h++) {
          const y = actual[day * 24 + h];
          const f = blend(w, a[h], b[h]);
          if (!Number.isNaN(y) && !Number.isNaN(f)) error += Math.abs(y - f);
        }
      }
      if (error < bestError) {
        bestError = error;
        best = w;
      }
    }
    return best;
  };

  return {
    name,
    minHistoryDays: Math.max(first.minHistoryDays, second.minHistoryDays),
    start(firstDay) {
      first.start(firstDay);
      second.start(firstDay);
    },
    forecast(d) {
      const a = first.forecast(d);
      const b = second.forecast(d);
      pending = { day: d, a, b };
      const w = chooseWeight();
      return a.map((_, h) => blend(w, a[h], b[h]));
    },
    observe(d) {
      if (pending?.day === d) {
        history.push(pending);
        if (history.length > windowDays) history.shift();
      }
      first.observe(d);
      second.observe(d);
    },
  };
}

/** The blend; where one member has no value, the other alone. */
function blend(w: number, a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return w * a + (1 - w) * b;
}
