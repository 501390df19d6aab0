/**
 * Solves the symmetric positive definite system A x = b of a least-squares fit by Cholesky
 * factorisation A = L L^T (Golub & Van Loan, alg. 4.2.1), in place on row-major Float64Arrays.
 * Returns false when A is not positive definite (then x is left untouched).
 */
export function solveCholesky(
  a: Float64Array,
  n: number,
  b: Float64Array,
  x: Float64Array,
  work: Float64Array,
): boolean {
  const l = work; // n * n
  l.set(a.subarray(0, n * n));
  for (let j = 0; j < n; j++) {
    let d = l[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = l[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  const y = x;
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * y[k];
    y[i] = s / l[i * n + i];
  }
  return true;
}

/**
 * Running sums X^T X and X^T y of a linear least-squares fit, to which rows are added and from
 * which they are removed (a rolling window), and a ridge-regularised solve.
 */
export class NormalEquations {
  readonly n: number;
  readonly xtx: Float64Array;
  readonly xty: Float64Array;
  rows = 0;
  private readonly work: Float64Array;
  private readonly a: Float64Array;

  constructor(n: number) {
    this.n = n;
    this.xtx = new Float64Array(n * n);
    this.xty = new Float64Array(n);
    this.work = new Float64Array(n * n);
    this.a = new Float64Array(n * n);
  }

  /** Adds (sign 1) or removes (sign -1) the row `x` with target `y`. */
  update(x: Float64Array, y: number, sign: 1 | -1): void {
    const n = this.n;
    const xtx = this.xtx;
    for (let i = 0; i < n; i++) {
      const xi = x[i] * sign;
      if (xi === 0) continue;
      const row = i * n;
      for (let j = 0; j <= i; j++) xtx[row + j] += xi * x[j];
      this.xty[i] += xi * y;
    }
    this.rows += sign;
  }

  /**
   * Solves (X^T X + ridge * mean(diag) * I) beta = X^T y into `beta`; false if singular.
   * Only the lower triangle of X^T X is accumulated; it is mirrored here.
   */
  solve(beta: Float64Array, ridge = 1e-8): boolean {
    const n = this.n;
    const a = this.a;
    let trace = 0;
    for (let i = 0; i < n; i++) trace += this.xtx[i * n + i];
    const lambda = (ridge * trace) / n;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const v = this.xtx[i * n + j];
        a[i * n + j] = v;
        a[j * n + i] = v;
      }
      a[i * n + i] += lambda;
    }
    return solveCholesky(a, n, this.xty, beta, this.work);
  }
}
