/**
 * Postorder of the AMD assembly tree: the last step of the minimum degree ordering, which numbers every
 * variable so that each subtree (a set of pivots that share fill) is contiguous.
 *
 * Method: variables absorbed into a supervariable or element hang below it; children are placed in linked
 * lists (nodes before elements) and a non-recursive depth-first search emits each node after its
 * children. Reference: T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, chapters 4
 * and 7 (`cs_tdfs`, `cs_amd`).
 */

/**
 * Postorders the forest given by `parent` (length n + 1, -1 for roots; node n is the dense-row element).
 * `nv[j] > 0` marks elements (pivots), other nodes are absorbed variables. `head`, `next` and `stack` are
 * work arrays of length n + 1 and are overwritten. Returns the n + 1 nodes in postorder.
 */
export function postorderAssemblyTree(
  n: number,
  parent: Int32Array,
  nv: Int32Array,
  head: Int32Array,
  next: Int32Array,
  stack: Int32Array,
): Int32Array {
  head.fill(-1);
  for (let j = n; j >= 0; j--) {
    if (nv[j] > 0) continue; // elements are placed below
    const pj = parent[j];
    if (pj < 0) continue;
    next[j] = head[pj];
    head[pj] = j;
  }
  for (let e = n; e >= 0; e--) {
    if (nv[e] <= 0) continue;
    const pe = parent[e];
    if (pe < 0) continue;
    next[e] = head[pe];
    head[pe] = e;
  }
  const post = new Int32Array(n + 1);
  let k = 0;
  for (let root = 0; root <= n; root++) {
    if (parent[root] !== -1) continue;
    let top = 0;
    stack[0] = root;
    while (top >= 0) {
      const p = stack[top];
      const child = head[p];
      if (child === -1) {
        top--;
        post[k++] = p;
      } else {
        head[p] = next[child];
        stack[++top] = child;
      }
    }
  }
  if (k !== n + 1) throw new Error(`AMD assembly tree postorder visited ${k} of ${n + 1} nodes`);
  return post;
}
