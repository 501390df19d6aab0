/**
 * The interface every day-ahead model implements, and the two naive baselines. A model is driven
 * day by day: `start(d0)` trains on what is known before day d0, `forecast(d)` issues the 24 hourly
 * values of day d at its local midnight (using only data before it), `observe(d)` learns day d's
 * actuals once they are known (the feedback loop).
 */
import type { LoadProblem } from './load-problem.ts';

export interface DayAheadModel {
  readonly name: string;
  /** Days of history needed before the first forecast day. */
  readonly minHistoryDays: number;
  start(firstDay: number): void;
  /** Point forecast of the 24 hours of day `d` (NaN where it cannot be made). */
  forecast(d: number): Float64Array;
  observe(d: number): void;
}

/** Same hour `lagDays` earlier: 7 for the seasonal naive, 1 for the previous day. */
export function createNaiveModel(problem: LoadProblem, name: string, lagDays: number): DayAheadModel {
  return createLagModel(problem.load, name, lagDays);
}

/** The naive model over any hourly series that starts at a local midnight. */
export function createLagModel(values: Float64Array, name: string, lagDays: number): DayAheadModel {
  return {
    name,
    minHistoryDays: lagDays,
    start() {},
    forecast(d) {
      const out = new Float64Array(24);
      for (let h = 0; h < 24; h++) {
        const i = (d - lagDays) * 24 + h;
        out[h] = i >= 0 ? values[i] : Number.NaN;
      }
      return out;
    },
    observe() {},
  };
}
