/**
 * A tiny, safe evaluator for the statements MATPOWER case files run after their data: real matrices
 * (row-major), element-wise arithmetic with scalar broadcasting, `(rows, columns)` indexing of the case
 * matrices with 1-based indices, ranges, `[...]` concatenation and a few pure math functions.
 */

import { StatementFailure } from './matpower-error.ts';
import type { BinaryOperator, Expr } from './matpower-expression.ts';
import { allowsInfinity, columnName, isMatrixField, type MatrixField } from './matpower-schema.ts';
import {
  broadcast,
  CONSTANTS,
  concatenate,
  ELEMENTWISE,
  FUNCTIONS,
  isScalar,
  MAX_ELEMENTS,
  MAX_RANGE,
  type Numeric,
  scalar,
  transpose,
  type Value,
} from './matpower-values.ts';

/** A case matrix while the file is read; `line` is where it was assigned. */
export interface CaseMatrix {
  readonly rows: number[][];
  readonly lines: number[];
  readonly line: number;
}

/** The fields of the case struct an expression can read (`mpc.baseMVA`, `mpc.bus`, ...). */
export interface CaseState {
  baseMva?: number;
  readonly matrices: Partial<Record<MatrixField, CaseMatrix>>;
}

export class Evaluator {
  readonly variables = new Map<string, Value>();
  /** Size of the dimension each enclosing index argument refers to, for `end`. */
  private readonly ends: number[] = [];

  private readonly state: CaseState;
  private readonly structName: string;

  constructor(state: CaseState, structName: string) {
    this.state = state;
    this.structName = structName;
  }

  evaluate(expr: Expr): Value {
    switch (expr.kind) {
      case 'number':
        return scalar(expr.value);
      case 'string':
        return { kind: 'text', text: expr.value };
      case 'name':
        return this.name(expr.name, expr.line);
      case 'field':
        return this.field(expr.base, expr.name, expr.line);
      case 'index':
        return this.index(expr.base, expr.args, expr.line);
      case 'all':
        throw new StatementFailure(0, "':' is only allowed as an index", false);
      case 'end':
        if (this.ends.length === 0) throw new StatementFailure(expr.line, "'end' outside an index", false);
        return scalar(this.ends[this.ends.length - 1]);
      case 'range':
        return this.range(expr.from, expr.step, expr.to);
      case 'negate':
        return this.map(this.numeric(expr.operand), (x) => -x);
      case 'transpose':
        return transpose(this.numeric(expr.operand));
      case 'binary':
        return this.binary(expr.op, this.numeric(expr.left), this.numeric(expr.right));
      case 'matrix':
        return concatenate(
          expr.rows.map((row) => row.map((element) => this.numeric(element))),
          expr.line,
        );
    }
  }

  numeric(expr: Expr): Numeric {
    const value = this.evaluate(expr);
    if (value.kind === 'numeric') return value;
    throw new StatementFailure(0, 'text cannot be used in arithmetic', true);
  }

  /** `mpc.<field>(rows, columns) = value`: writes in place; refuses to grow the matrix. */
  assignIndexed(field: MatrixField, args: Expr[], valueExpr: Expr, line: number): void {
    const matrix = this.matrix(field, line);
    const cols = matrix.rows.length > 0 ? matrix.rows[0].length : 0;
    const [rowIndices, colIndices] = this.selectors(args, matrix.rows.length, cols, `mpc.${field}`, line);
    const value = this.numeric(valueExpr);
    const broadcast = isScalar(value);
    const count = rowIndices.length * colIndices.length;
    const sameShape = value.rows === rowIndices.length && value.cols === colIndices.length;
    // As in MATLAB, a vector may fill a vector selection of the same length whatever their orientation.
    const vectors =
      (value.rows === 1 || value.cols === 1) && (rowIndices.length === 1 || colIndices.length === 1);
    if (!broadcast && !sameShape && !(vectors && value.data.length === count)) {
      const target = `${rowIndices.length}×${colIndices.length}`;
      throw new StatementFailure(
        line,
        `assigns a ${value.rows}×${value.cols} value to ${target} elements`,
        true,
      );
    }
    rowIndices.forEach((r, i) => {
      colIndices.forEach((c, j) => {
        const x = broadcast ? value.data[0] : value.data[i * colIndices.length + j];
        if (Number.isNaN(x) || (!Number.isFinite(x) && !allowsInfinity(field, c))) {
          const where = `mpc.${field} row ${r + 1} column ${columnName(field, c)}`;
          const shown = Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
          throw new StatementFailure(line, `produces ${shown} in ${where}`, true);
        }
        matrix.rows[r][c] = x;
      });
    });
  }

  private name(name: string, line: number): Value {
    const variable = this.variables.get(name);
    if (variable !== undefined) return variable;
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) return scalar(constant);
    if (name === this.structName)
      throw new StatementFailure(line, `the whole '${name}' struct is used`, true);
    throw new StatementFailure(line, `unknown name '${name}'`, true);
  }

  private field(base: Expr, name: string, line: number): Value {
    if (base.kind !== 'name' || base.name !== this.structName) {
      throw new StatementFailure(
        line,
        `field access '.${name}' is only supported on '${this.structName}'`,
        true,
      );
    }
    if (name === 'baseMVA') {
      if (this.state.baseMva === undefined)
        throw new StatementFailure(line, 'mpc.baseMVA is not set yet', true);
      return scalar(this.state.baseMva);
    }
    if (!isMatrixField(name))
      throw new StatementFailure(line, `mpc.${name} cannot be used in expressions`, true);
    const rows = this.matrix(name, line).rows;
    const cols = rows.length > 0 ? rows[0].length : 0;
    return { kind: 'numeric', rows: rows.length, cols, data: rows.flat() };
  }

  private index(base: Expr, args: Expr[], line: number): Value {
    if (base.kind === 'field' && base.base.kind === 'name' && base.base.name === this.structName) {
      if (!isMatrixField(base.name))
        throw new StatementFailure(line, `mpc.${base.name}(...) is not supported`, true);
      const rows = this.matrix(base.name, line).rows;
      const cols = rows.length > 0 ? rows[0].length : 0;
      const [r, c] = this.selectors(args, rows.length, cols, `mpc.${base.name}`, line);
      return {
        kind: 'numeric',
        rows: r.length,
        cols: c.length,
        data: r.flatMap((i) => c.map((j) => rows[i][j])),
      };
    }
    if (base.kind !== 'name')
      throw new StatementFailure(line, 'indexing an expression is not supported', true);
    const variable = this.variables.get(base.name);
    if (variable?.kind === 'numeric') {
      if (args.length === 2) {
        const [r, c] = this.selectors(args, variable.rows, variable.cols, base.name, line);
        const data = r.flatMap((i) => c.map((j) => variable.data[i * variable.cols + j]));
        return { kind: 'numeric', rows: r.length, cols: c.length, data };
      }
      if (args.length === 1 && (variable.rows === 1 || variable.cols === 1)) {
        const picked = this.indices(args[0], variable.data.length, base.name, line);
        const data = picked.map((i) => variable.data[i]);
        return variable.rows === 1
          ? { kind: 'numeric', rows: 1, cols: data.length, data }
          : { kind: 'numeric', rows: data.length, cols: 1, data };
      }
      throw new StatementFailure(line, `this indexing of '${base.name}' is not supported`, true);
    }
    const fn = variable === undefined ? FUNCTIONS.get(base.name) : undefined;
    if (fn === undefined) throw new StatementFailure(line, `unknown function '${base.name}'`, true);
    if (args.length !== 1) throw new StatementFailure(line, `${base.name} takes one argument here`, true);
    return this.map(this.numeric(args[0]), fn);
  }

  private selectors(
    args: Expr[],
    rows: number,
    cols: number,
    what: string,
    line: number,
  ): [number[], number[]] {
    if (args.length !== 2)
      throw new StatementFailure(line, `${what} must be indexed as (rows, columns)`, true);
    const rowIndices = this.indices(args[0], rows, `${what} rows`, line);
    const colIndices = this.indices(args[1], cols, `${what} columns`, line);
    if (rowIndices.length * colIndices.length > MAX_ELEMENTS) {
      throw new StatementFailure(line, 'selection is too large', true);
    }
    return [rowIndices, colIndices];
  }

  /** 0-based positions selected by a 1-based index argument over a dimension of `size`. */
  private indices(arg: Expr, size: number, what: string, line: number): number[] {
    if (arg.kind === 'all') return Array.from({ length: size }, (_, i) => i);
    this.ends.push(size);
    try {
      return this.numeric(arg).data.map((x) => {
        if (!Number.isInteger(x) || x < 1)
          throw new StatementFailure(line, `index ${x} is not a positive integer`, true);
        if (x > size) throw new StatementFailure(line, `index ${x} is beyond the ${size} ${what}`, true);
        return x - 1;
      });
    } finally {
      this.ends.pop();
    }
  }

  private range(fromExpr: Expr, stepExpr: Expr | undefined, toExpr: Expr): Numeric {
    const [from, step, to] = [fromExpr, stepExpr, toExpr].map((e) =>
      e === undefined ? 1 : this.scalarValue(e, 'a range bound'),
    );
    const count = step === 0 || (to - from) / step < 0 ? 0 : Math.floor((to - from) / step + 1e-10) + 1;
    if (!Number.isFinite(count) || count > MAX_RANGE)
      throw new StatementFailure(0, 'range is too long or not finite', true);
    const data = Array.from({ length: count }, (_, i) => from + i * step);
    return { kind: 'numeric', rows: 1, cols: count, data };
  }

  private scalarValue(expr: Expr, what: string): number {
    const value = this.numeric(expr);
    if (!isScalar(value)) throw new StatementFailure(0, `${what} must be a scalar`, true);
    return value.data[0];
  }

  private binary(op: BinaryOperator, a: Numeric, b: Numeric): Numeric {
    const elementwise = ELEMENTWISE.get(op);
    if (elementwise !== undefined) return broadcast(a, b, elementwise);
    const scalarOnly = (ok: boolean, f: (x: number, y: number) => number): Numeric => {
      if (!ok)
        throw new StatementFailure(0, `matrix operator '${op}' is not supported (only element-wise)`, true);
      return broadcast(a, b, f);
    };
    if (op === '*') return scalarOnly(isScalar(a) || isScalar(b), (x, y) => x * y);
    if (op === '/') return scalarOnly(isScalar(b), (x, y) => x / y);
    if (op === '\\') return scalarOnly(isScalar(a), (x, y) => y / x);
    return scalarOnly(isScalar(a) && isScalar(b), (x, y) => x ** y);
  }

  private map(value: Numeric, f: (x: number) => number): Numeric {
    return { kind: 'numeric', rows: value.rows, cols: value.cols, data: value.data.map(f) };
  }

  private matrix(field: MatrixField, line: number): CaseMatrix {
    const matrix = this.state.matrices[field];
    if (matrix === undefined) throw new StatementFailure(line, `mpc.${field} is not set yet`, true);
    return matrix;
  }
}
