/**
 * The ports the use cases need, defined here by their consumer; services implement them.
 * So far: a clock (the core never reads it) and the dataset reader of forecasting.
 */

import type { RegularSeries } from '../core/forecast/index.ts';

/** A monotonic clock in milliseconds, for timings (wall clock or simulated). */
export interface Clock {
  nowMs(): number;
}

/** A load dataset as the forecasting use cases consume it (read by an adapter in services). */
export interface LoadDataset {
  readonly kind: 'load';
  readonly name: string;
  /** One series per zone, on a `wall` or `fixed-offset` clock. */
  readonly zones: readonly RegularSeries[];
  /** Temperature series (stations); the use case averages them. */
  readonly temperature: readonly RegularSeries[];
  /** Local holiday dates, 'YYYY-MM-DD'. */
  readonly holidays: readonly string[];
}

/** Reads a dataset folder; every problem as a one-line message naming file, line and column. */
export type ReadDataset = (
  dir: string,
) =>
  | { ok: true; dataset: LoadDataset; warnings: readonly string[] }
  | { ok: false; errors: readonly string[] };
