/** Grid topology: connected components (islands, buses merged by closed switches). */
export type { Components } from './find-islands.ts';
export { findComponents } from './find-islands.ts';
export { labelSets, UnionFind } from './union-find.ts';
