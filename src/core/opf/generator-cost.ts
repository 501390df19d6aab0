/**
 * Generator cost curves in an LP/QP: a polynomial c0 + c1 p + c2 p^2 (p in MW) enters as the
 * constant offset, the linear cost and the diagonal Hessian term 2 c2; a piecewise-linear curve
 * through (p_k, c_k) as an epigraph variable y >= c_k + s_k (p - p_k) for every segment k (convex
 * curves only). Higher powers cannot be expressed and are refused with the generator named.
 */
import type { CostCurve } from '../grid/index.ts';
import type { ModelBuilder } from '../optimize/index.ts';

/** Adds generator `pCol`'s cost to the model; returns an error message or undefined. */
export function addGeneratorCost(
  model: ModelBuilder,
  pCol: number,
  cost: CostCurve | undefined,
  label: string,
  /** Hours the output lasts (a dispatch interval): the cost per hour is multiplied by it. */
  hours = 1,
): string | undefined {
  if (cost === undefined) return undefined;
  if (cost.model === 'polynomial') {
    const [c0 = 0, c1 = 0, c2 = 0, ...higher] = cost.coefficients;
    if (higher.some((c) => c !== 0))
      return `${label}: a cost polynomial above degree 2 cannot be optimised as a QP`;
    if (c2 < 0) return `${label}: a negative quadratic cost coefficient makes the problem non-convex`;
    model.offset += c0 * hours;
    model.addCost(pCol, c1 * hours);
    if (c2 !== 0) model.addQuadratic(pCol, pCol, 2 * c2 * hours);
    return undefined;
  }
  const points = cost.points;
  const slopes = points
    .slice(1)
    .map((p, k) => (p.costPerHour - points[k].costPerHour) / (p.pMw - points[k].pMw));
  if (slopes.some((s, k) => k > 0 && s < slopes[k - 1] - 1e-12)) {
    return `${label}: a piecewise-linear cost with falling slopes is not convex`;
  }
  const y = model.addVariable(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, hours, `${label} cost`);
  slopes.forEach((s, k) => {
    // y - s p >= c_k - s p_k
    model.addRow(points[k].costPerHour - s * points[k].pMw, Number.POSITIVE_INFINITY, [y, pCol], [1, -s]);
  });
  return undefined;
}
