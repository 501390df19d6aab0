/**
 * The ports the use cases need, defined here by their consumer; services implement them.
 * Only what exists so far: a clock (the core never reads it).
 */

/** A monotonic clock in milliseconds, for timings (wall clock or simulated). */
export interface Clock {
  nowMs(): number;
}
