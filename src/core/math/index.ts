/**
 * Public entry of the core math module: sparse matrices in CSC form, the AMD fill-reducing ordering and
 * the sparse LU solver used by the power-flow engine.
 */

export { computeAmdOrdering } from './amd-ordering.ts';
export type { CscFromTriplets, CscMatrix, CscPattern } from './csc-matrix.ts';
export {
  assertValidPattern,
  buildCscFromTriplets,
  multiplyCscVector,
  patternOfCsc,
  transposeCsc,
} from './csc-matrix.ts';
export type { SeededRandom } from './seeded-random.ts';
export { createSeededRandom } from './seeded-random.ts';
export type { LuMethod, LuStatus, SparseLuOptions, SparseLuStats } from './sparse-lu.ts';
export { SparseLu } from './sparse-lu.ts';
export { buildSymmetricPattern } from './symmetric-pattern.ts';
