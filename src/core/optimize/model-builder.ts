/**
 * Builds a LinearProgram without per-coefficient strings or objects: variables and rows are
 * appended into growing typed arrays, rows straight into CSR. Names are optional and kept only for
 * rows and variables that are given one (for messages about infeasibility).
 */
import type { LinearProgram } from './linear-program.ts';

class Growing<T extends Float64Array | Int32Array> {
  data: T;
  length = 0;
  private readonly make: (n: number) => T;
  constructor(make: (n: number) => T) {
    this.make = make;
    this.data = make(64);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);

export class ModelBuilder {
  private readonly cost = new Growing(f64);
  private readonly lower = new Growing(f64);
  private readonly upper = new Growing(f64);
  private readonly rowLower = new Growing(f64);
  private readonly rowUpper = new Growing(f64);
  private readonly rowStarts = new Growing(i32);
  private readonly indices = new Growing(i32);
  private readonly values = new Growing(f64);
  private readonly qRows = new Growing(i32);
  private readonly qCols = new Growing(i32);
  private readonly qValues = new Growing(f64);
  private readonly colNames = new Map<number, string>();
  private readonly rowNames = new Map<number, string>();
  offset = 0;
  /** Per variable: 1 + the last row that named it, and its position there (duplicate detection). */
  private stamp = new Int32Array(64);
  private positionInRow = new Int32Array(64);

  private growStamps(n: number): void {
    const size = Math.max(n, this.stamp.length * 2);
    const stamp = new Int32Array(size);
    const position = new Int32Array(size);
    stamp.set(this.stamp);
    position.set(this.positionInRow);
    this.stamp = stamp;
    this.positionInRow = position;
  }

  constructor() {
    this.rowStarts.push(0);
  }

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  /** Adds a variable lower <= x <= upper with linear cost; returns its index. */
  addVariable(lower: number, upper: number, cost = 0, name?: string): number {
    const j = this.cost.length;
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    if (name !== undefined) this.colNames.set(j, name);
    return j;
  }

  /** Adds cost to variable j's linear term. */
  addCost(j: number, cost: number): void {
    this.cost.data[j] += cost;
  }

  /** Adds 1/2 q x_i x_j to the objective for i >= j (for i = j: 1/2 q x_i^2). */
  addQuadratic(i: number, j: number, q: number): void {
    this.qRows.push(Math.max(i, j));
    this.qCols.push(Math.min(i, j));
    this.qValues.push(q);
  }

  /** Adds the row lower <= sum values[k] x[indices[k]] <= upper; returns its index. */
  addRow(
    lower: number,
    upper: number,
    indices: ArrayLike<number>,
    values: ArrayLike<number>,
    name?: string,
  ): number {
    const i = this.rowLower.length;
    // a variable named twice gets the sum of its coefficients (solvers refuse duplicate entries):
    // the position of each variable in the row being built, stamped with the row's number
    for (let k = 0; k < indices.length; k++) {
      if (values[k] === 0) continue;
      const j = indices[k];
      if (j >= this.stamp.length) this.growStamps(j + 1);
      if (this.stamp[j] === i + 1) this.values.data[this.positionInRow[j]] += values[k];
      else {
        this.stamp[j] = i + 1;
        this.positionInRow[j] = this.indices.length;
        this.indices.push(j);
        this.values.push(values[k]);
      }
    }
    this.rowStarts.push(this.indices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    if (name !== undefined) this.rowNames.set(i, name);
    return i;
  }

  /** The program built so far (copies; the builder can go on). */
  build(): LinearProgram {
    const nameList = (names: Map<number, string>, n: number) =>
      names.size === 0 ? undefined : Array.from({ length: n }, (_, k) => names.get(k) ?? '');
    return {
      numCols: this.numCols,
      numRows: this.numRows,
      offset: this.offset,
      colCost: this.cost.finish(),
      colLower: this.lower.finish(),
      colUpper: this.upper.finish(),
      rowLower: this.rowLower.finish(),
      rowUpper: this.rowUpper.finish(),
      rowStarts: this.rowStarts.finish(),
      indices: this.indices.finish(),
      values: this.values.finish(),
      ...(this.qValues.length > 0
        ? {
            quadratic: {
              rows: this.qRows.finish(),
              cols: this.qCols.finish(),
              values: this.qValues.finish(),
            },
          }
        : {}),
      colNames: nameList(this.colNames, this.numCols),
      rowNames: nameList(this.rowNames, this.numRows),
    };
  }
}
