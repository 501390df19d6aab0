/**
 * The sparse structure of the interior point's KKT matrix, fixed for a whole solve: its pattern as
 * triplets in the order the values are written each iteration, and a column order that keeps the
 * groups of a problem (for the OPF: a bus's angle, magnitude, generators and balance rows) together.
 */
import { buildCscFromTriplets, computeAmdOrdering, patternOfCsc } from '../math/index.ts';
import type { NonlinearProgram } from './nonlinear-program.ts';

/**
 * The KKT matrix's pattern as triplets in the order the values are written each iteration (Hessian,
 * inequality outer products, diagonal, bound diagonals, Jacobian and its transpose, fixed variables),
 * with the position of each triplet in the CSC value array.
 */
export function assembleKktPattern(nlp: NonlinearProgram, fixed: number[], lower: number[], upper: number[]) {
  const { nx, nEq, nIneq } = nlp;
  const jIn = nlp.jacobianIneqPattern;
  // inequality Jacobian entries grouped by row
  const ineqRowStart = new Int32Array(nIneq + 1);
  for (let e = 0; e < jIn.rows.length; e++) ineqRowStart[jIn.rows[e] + 1]++;
  for (let r = 0; r < nIneq; r++) ineqRowStart[r + 1] += ineqRowStart[r];
  const ineqEntries = new Int32Array(jIn.rows.length);
  const next = ineqRowStart.slice(0, nIneq);
  for (let e = 0; e < jIn.rows.length; e++) ineqEntries[next[jIn.rows[e]]++] = e;

  const rows: number[] = [];
  const cols: number[] = [];
  const push = (r: number, c: number) => {
    rows.push(r);
    cols.push(c);
  };
  const hp = nlp.hessianPattern;
  for (let e = 0; e < hp.rows.length; e++) push(hp.rows[e], hp.cols[e]);
  for (let r = 0; r < nIneq; r++) {
    for (let a = ineqRowStart[r]; a < ineqRowStart[r + 1]; a++) {
      for (let b = ineqRowStart[r]; b < ineqRowStart[r + 1]; b++)
        push(jIn.cols[ineqEntries[a]], jIn.cols[ineqEntries[b]]);
    }
  }
  for (let j = 0; j < nx; j++) push(j, j);
  for (const j of lower) push(j, j);
  for (const j of upper) push(j, j);
  const jEq = nlp.jacobianEqPattern;
  for (let e = 0; e < jEq.rows.length; e++) {
    push(jEq.cols[e], nx + jEq.rows[e]);
    push(nx + jEq.rows[e], jEq.cols[e]);
  }
  fixed.forEach((j, k) => {
    push(j, nx + nEq + k);
    push(nx + nEq + k, j);
  });
  const n = nx + nEq + fixed.length;
  const { matrix, positionOfTriplet } = buildCscFromTriplets(n, n, rows, cols, new Float64Array(rows.length));
  return {
    pattern: patternOfCsc(matrix),
    values: matrix.values,
    position: positionOfTriplet,
    ineqRowStart,
    ineqEntries,
  };
}

/** KKT columns (variables, then equalities, then fixed-variable rows) ordered group by group. */
export function orderByGroups(nlp: NonlinearProgram, fixed: number[]): Int32Array {
  const grouping = nlp.grouping;
  if (!grouping) throw new Error('orderByGroups: no grouping');
  const nGroups = grouping.graph.n;
  const groupOfColumn = new Int32Array(nlp.nx + nlp.nEq + fixed.length);
  groupOfColumn.set(grouping.groupOfVariable, 0);
  groupOfColumn.set(grouping.groupOfEquality, nlp.nx);
  fixed.forEach((j, k) => {
    groupOfColumn[nlp.nx + nlp.nEq + k] = grouping.groupOfVariable[j];
  });
  const rank = new Int32Array(nGroups);
  computeAmdOrdering(grouping.graph).forEach((g, k) => {
    rank[g] = k;
  });
  const columns = Array.from(groupOfColumn.keys());
  const key = (c: number) => (groupOfColumn[c] >= 0 ? rank[groupOfColumn[c]] : nGroups);
  columns.sort((a, b) => key(a) - key(b) || a - b);
  return Int32Array.from(columns);
}
