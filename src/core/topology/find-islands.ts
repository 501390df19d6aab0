/**
 * Connected components of a graph given as edge lists over dense vertex indices. Used to merge
 * buses joined by closed switches and to find the islands of a grid.
 */
import { labelSets, UnionFind } from './union-find.ts';

export interface Components {
  /** componentOf[v]: component label, numbered in order of each component's lowest vertex. */
  readonly componentOf: Int32Array;
  readonly count: number;
}

/**
 * Finds the connected components of `nVertices` vertices joined by the edges
 * `(from[e], to[e])` for which `active(e)` holds (every edge when omitted).
 */
export function findComponents(
  nVertices: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  active?: (edge: number) => boolean,
): Components {
  const sets = new UnionFind(nVertices);
  for (let e = 0; e < from.length; e++) {
    if (active === undefined || active(e)) sets.union(from[e], to[e]);
  }
  const { labelOf, count } = labelSets(sets, nVertices);
  return { componentOf: labelOf, count };
}
