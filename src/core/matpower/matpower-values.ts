/**
 * Values of the case-file evaluator: real matrices stored row-major (a scalar is 1×1) and text, with the
 * element-wise operations (scalar broadcasting), transpose, `[...]` concatenation, constants and the
 * pure math functions that statements after the data may use.
 */

import { StatementFailure } from './matpower-error.ts';

export interface Numeric {
  readonly kind: 'numeric';
  readonly rows: number;
  readonly cols: number;
  /** Row-major values. */
  readonly data: number[];
}
export type Value = Numeric | { readonly kind: 'text'; readonly text: string };

export const CONSTANTS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    pi: Math.PI,
    Inf: Infinity,
    inf: Infinity,
    NaN: Number.NaN,
    nan: Number.NaN,
    eps: Number.EPSILON,
    true: 1,
    false: 0,
  }),
);
export const FUNCTIONS: ReadonlyMap<string, (x: number) => number> = new Map(
  Object.entries({
    sqrt: Math.sqrt,
    abs: Math.abs,
    exp: Math.exp,
    log: Math.log,
    log10: Math.log10,
    sin: Math.sin,
    cos: Math.cos,
    tan: Math.tan,
    asin: Math.asin,
    acos: Math.acos,
    atan: Math.atan,
    floor: Math.floor,
    ceil: Math.ceil,
    round: (x: number) => Math.sign(x) * Math.round(Math.abs(x)),
    fix: Math.trunc,
  }),
);
export const ELEMENTWISE: ReadonlyMap<string, (a: number, b: number) => number> = new Map(
  Object.entries({
    '+': (a: number, b: number) => a + b,
    '-': (a: number, b: number) => a - b,
    '.*': (a: number, b: number) => a * b,
    './': (a: number, b: number) => a / b,
    '.\\': (a: number, b: number) => b / a,
    '.^': (a: number, b: number) => a ** b,
  }),
);
/** Largest range and largest value the evaluator builds; case files stay far below both. */
export const MAX_RANGE = 1_000_000;
export const MAX_ELEMENTS = 10_000_000;

export const scalar = (value: number): Numeric => ({ kind: 'numeric', rows: 1, cols: 1, data: [value] });
export const isScalar = (v: Numeric): boolean => v.rows === 1 && v.cols === 1;

export function broadcast(a: Numeric, b: Numeric, f: (x: number, y: number) => number): Numeric {
  if (isScalar(a))
    return { kind: 'numeric', rows: b.rows, cols: b.cols, data: b.data.map((y) => f(a.data[0], y)) };
  if (isScalar(b))
    return { kind: 'numeric', rows: a.rows, cols: a.cols, data: a.data.map((x) => f(x, b.data[0])) };
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new StatementFailure(0, `sizes ${a.rows}×${a.cols} and ${b.rows}×${b.cols} do not match`, true);
  }
  return { kind: 'numeric', rows: a.rows, cols: a.cols, data: a.data.map((x, i) => f(x, b.data[i])) };
}

export function transpose(v: Numeric): Numeric {
  const data = Array.from(
    { length: v.data.length },
    (_, k) => v.data[(k % v.rows) * v.cols + Math.floor(k / v.rows)],
  );
  return { kind: 'numeric', rows: v.cols, cols: v.rows, data };
}

/** `[a b; c d]`: joins each row's values side by side, then the rows top to bottom (empty values vanish). */
export function concatenate(blocks: Numeric[][], line: number): Numeric {
  const rows: Numeric[] = [];
  for (const block of blocks) {
    const parts = block.filter((p) => p.data.length > 0);
    if (parts.length === 0) continue;
    const height = parts[0].rows;
    if (parts.some((p) => p.rows !== height))
      throw new StatementFailure(line, 'row heights do not match', false);
    const cols = parts.reduce((sum, p) => sum + p.cols, 0);
    if (height * cols > MAX_ELEMENTS) throw new StatementFailure(line, 'value is too large', true);
    const data: number[] = [];
    for (let r = 0; r < height; r++)
      for (const p of parts) for (let c = 0; c < p.cols; c++) data.push(p.data[r * p.cols + c]);
    rows.push({ kind: 'numeric', rows: height, cols, data });
  }
  if (rows.length === 0) return { kind: 'numeric', rows: 0, cols: 0, data: [] };
  if (rows.some((r) => r.cols !== rows[0].cols))
    throw new StatementFailure(line, 'row widths do not match', false);
  return {
    kind: 'numeric',
    rows: rows.reduce((s, r) => s + r.rows, 0),
    cols: rows[0].cols,
    data: rows.flatMap((r) => r.data),
  };
}
