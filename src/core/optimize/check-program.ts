/**
 * Checks a LinearProgram before a solver sees it, so that a malformed model gives a message naming
 * the variable or row instead of a solver's bare "invalid model": costs and coefficients finite,
 * bounds not crossed, indices in range.
 */
import type { LinearProgram } from './linear-program.ts';

export function checkProgram(p: LinearProgram): string | undefined {
  const col = (j: number) => (p.colNames?.[j] ? `variable ${j} (${p.colNames[j]})` : `variable ${j}`);
  const row = (i: number) => (p.rowNames?.[i] ? `row ${i} (${p.rowNames[i]})` : `row ${i}`);
  for (let j = 0; j < p.numCols; j++) {
    if (!Number.isFinite(p.colCost[j])) return `${col(j)}: cost ${p.colCost[j]}`;
    if (Number.isNaN(p.colLower[j]) || Number.isNaN(p.colUpper[j])) return `${col(j)}: a bound is NaN`;
    if (p.colLower[j] > p.colUpper[j])
      return `${col(j)}: lower bound ${p.colLower[j]} above upper bound ${p.colUpper[j]}`;
  }
  for (let i = 0; i < p.numRows; i++) {
    if (Number.isNaN(p.rowLower[i]) || Number.isNaN(p.rowUpper[i])) return `${row(i)}: a bound is NaN`;
    if (p.rowLower[i] > p.rowUpper[i])
      return `${row(i)}: lower bound ${p.rowLower[i]} above upper bound ${p.rowUpper[i]}`;
    for (let k = p.rowStarts[i]; k < p.rowStarts[i + 1]; k++) {
      if (!Number.isFinite(p.values[k]))
        return `${row(i)}: coefficient ${p.values[k]} of ${col(p.indices[k])}`;
      if (p.indices[k] < 0 || p.indices[k] >= p.numCols) return `${row(i)}: no variable ${p.indices[k]}`;
    }
  }
  if (!Number.isFinite(p.offset)) return `objective offset ${p.offset}`;
  return undefined;
}
