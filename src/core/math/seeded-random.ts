/**
 * Seeded pseudo-random numbers for the core, which may use no other randomness: mulberry32 (a 32-bit
 * generator by T. Ettinger, public domain) with helpers for uniform reals, integers, picks and
 * standard normals (Box-Muller). The same seed always gives the same sequence, on every platform.
 */

export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** An integer in [lo, hi], both included. */
  integer(lo: number, hi: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A standard normal variate (mean 0, standard deviation 1). */
  normal(): number;
}

/** A generator seeded with the 32-bit integer `seed` (other numbers are truncated to 32 bits). */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    integer: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    normal: () => {
      // Box-Muller; 1 - next() is in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
