/**
 * Disjoint-set forest over dense indices with path halving and union by size: the building block
 * of bus merging (closed switches) and island detection.
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
  }
}

/**
 * Labels the sets of a forest densely in order of first appearance: returns `labelOf[i]` in
 * `0..count-1` for every index, so that the smallest member of each set decides its label order.
 */
export function labelSets(sets: UnionFind, n: number): { labelOf: Int32Array; count: number } {
  const labelOf = new Int32Array(n);
  const labelOfRoot = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    if (labelOfRoot[root] < 0) labelOfRoot[root] = count++;
    labelOf[i] = labelOfRoot[root];
  }
  return { labelOf, count };
}
