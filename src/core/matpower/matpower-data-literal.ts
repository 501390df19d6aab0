/**
 * Readers for the data literals of a case: numeric matrices `[ ... ]` (the bulk of a file, scanned char by
 * char with a fast path for plain numbers, Inf and NaN; any other element, such as `12/sqrt(3)`, goes to the
 * expression parser) and cell arrays of strings `{ 'a'; 'b' }`. Rows end at `;` or a newline.
 */

import { count, type Diagnostics, StatementFailure } from './matpower-error.ts';
import type { Evaluator } from './matpower-evaluate.ts';
import type { ExpressionParser } from './matpower-expression.ts';
import type { Lexer } from './matpower-lexer.ts';

// Local copies of the lexer's character tests: this loop runs once per character, and imported bindings
// cost a getter call per use under tsx and Vitest's module transforms.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const PERCENT = 37;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const SEMICOLON = 59;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const CARET = 94;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === 11 || c === 12;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isOperator = (c: number): boolean => c === STAR || c === SLASH || c === BACKSLASH || c === CARET;

export interface LiteralReader {
  readonly lexer: Lexer;
  readonly parser: ExpressionParser;
  readonly evaluator: Evaluator;
  readonly diagnostics: Diagnostics;
}

export interface DataMatrix {
  readonly rows: number[][];
  readonly lines: number[];
  /**
   * `closed` at `]`; `eof` when the file ends first; `interrupted` when an assignment starts before the
   * `]` (the lexer is then left at the start of that assignment).
   */
  readonly end: 'closed' | 'eof' | 'interrupted';
}

const NAMED_VALUES: ReadonlyMap<string, number> = new Map(
  Object.entries({
    Inf: Infinity,
    inf: Infinity,
    NaN: Number.NaN,
    nan: Number.NaN,
  }),
);

/**
 * Reads matrix rows from just after `[` through `]`. Rows of a width other than the first row's are
 * reported and left out, so the result is always rectangular.
 */
export function readDataMatrix(reader: LiteralReader, label: string, openLine: number): DataMatrix {
  const { lexer, diagnostics } = reader;
  const text = lexer.text;
  const rows: number[][] = [];
  const lines: number[] = [];
  let row: number[] = [];
  let rowLine = 0;
  let rowFailed = false;
  let separated = true;
  let width = -1;
  let widthLine = 0;

  const endRow = (): void => {
    if (!rowFailed && row.length > 0) {
      if (width < 0) {
        width = row.length;
        widthLine = rowLine;
      }
      if (row.length === width) {
        rows.push(row);
        lines.push(rowLine);
      } else {
        const first = `the first row (line ${widthLine}) has ${width}`;
        diagnostics.error(rowLine, `${label} row has ${count(row.length, 'column')}, but ${first}`);
      }
    }
    row = [];
    rowFailed = false;
    separated = true;
  };

  for (;;) {
    const c = text.charCodeAt(lexer.pos);
    if (isBlank(c)) {
      lexer.pos++;
    } else if (c === LF || c === CR) {
      lexer.skipNewline();
      endRow();
    } else if (c === SEMICOLON) {
      lexer.pos++;
      endRow();
    } else if (c === COMMA) {
      if (separated) diagnostics.error(lexer.line, `${label}: unexpected ','`);
      lexer.pos++;
      separated = true;
    } else if (c === PERCENT || c === HASH || (c === DOT && text.startsWith('..', lexer.pos + 1))) {
      lexer.skipSpace();
    } else if (c === CLOSE_BRACKET) {
      lexer.pos++;
      endRow();
      return { rows, lines, end: 'closed' };
    } else if (lexer.pos >= text.length) {
      diagnostics.error(openLine, `${label}: '[' is never closed by ']'`);
      endRow();
      return { rows, lines, end: 'eof' };
    } else {
      if (row.length === 0 && !rowFailed) rowLine = lexer.line;
      if (readFastElement(lexer, row)) {
        separated = false;
        continue;
      }
      const slow = readSlowElement(reader, row, label, openLine);
      if (slow === 'interrupted') return { rows, lines, end: 'interrupted' };
      rowFailed ||= slow === 'failed';
      separated = false;
    }
  }
}

/** A plain number, `Inf` or `NaN` with an optional sign, followed by the end of the element. */
function readFastElement(lexer: Lexer, row: number[]): boolean {
  const text = lexer.text;
  let p = lexer.pos;
  let c = text.charCodeAt(p);
  const negative = c === MINUS;
  if (negative || c === PLUS) c = text.charCodeAt(++p);
  let value: number;
  if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(p + 1)))) {
    value = lexer.scanNumber(p);
    p = lexer.numberEnd;
  } else {
    const start = p;
    while (isLetter(text.charCodeAt(p))) p++;
    const named = p - start === 3 ? NAMED_VALUES.get(text.slice(start, p)) : undefined;
    if (named === undefined) return false;
    value = named;
  }
  if (!endsElement(text, p)) return false;
  row.push(negative ? -value : value);
  lexer.pos = p;
  return true;
}

/** Whether the element ends at `p`: a separator follows, or blanks and then no binary operator. */
function endsElement(text: string, p: number): boolean {
  let c = text.charCodeAt(p);
  if (p >= text.length || c === COMMA || c === SEMICOLON || c === CLOSE_BRACKET || c === LF || c === CR)
    return true;
  if (c === PERCENT || c === HASH) return true;
  if (c === DOT) return text.startsWith('..', p + 1);
  if (!isBlank(c)) return false;
  while (isBlank(c)) c = text.charCodeAt(++p);
  // `[1 * 2]`, `[1 .^ 2]` and `[1 - 2]` continue the element; `[1 -2]` starts a new one.
  if (isOperator(c)) return false;
  if (c === DOT) return !isOperator(text.charCodeAt(p + 1));
  if (c === PLUS || c === MINUS) return !isBlank(text.charCodeAt(p + 1));
  return true;
}

/**
 * Any other element: parsed and evaluated as an expression (e.g. `135/sqrt(3)`). An element followed by
 * `=` is the next statement of a matrix whose `]` is missing: reported, and the lexer left at its start.
 */
function readSlowElement(
  reader: LiteralReader,
  row: number[],
  label: string,
  openLine: number,
): 'read' | 'failed' | 'interrupted' {
  const { lexer, parser } = reader;
  const start = lexer.pos;
  const line = lexer.line;
  lexer.reset(start, line);
  try {
    const expr = parser.parseElement();
    const after = lexer.peek();
    if (parser.isOp(after, '=')) {
      reader.diagnostics.error(
        openLine,
        `${label}: '[' is not closed by ']' before the assignment at line ${line}`,
      );
      lexer.reset(start, line);
      return 'interrupted';
    }
    const ends =
      after.kind === 'newline' ||
      after.kind === 'eof' ||
      after.spaceBefore ||
      parser.isOp(after, ',') ||
      parser.isOp(after, ';') ||
      parser.isOp(after, ']');
    if (!ends) throw parser.unexpected(after);
    const value = reader.evaluator.evaluate(expr);
    if (value.kind !== 'numeric' || value.rows > 1) {
      throw new StatementFailure(line, 'element is not a number or a row of numbers', false);
    }
    for (const x of value.data) row.push(x);
    lexer.reset(lexer.lastEnd, lexer.lastLine, true);
    return 'read';
  } catch (failure) {
    if (!(failure instanceof StatementFailure)) throw failure;
    reader.diagnostics.error(failure.line || line, `${label}: ${failure.message}`);
    skipRestOfRow(lexer, start, line);
    return 'failed';
  }
}

/** Moves to the `;`, newline or `]` that ends the row containing `start` (outside nested brackets). */
function skipRestOfRow(lexer: Lexer, start: number, line: number): void {
  lexer.reset(start, line);
  let depth = 0;
  for (;;) {
    const token = lexer.peek();
    const op = token.kind === 'op' ? token.text : '';
    const atEnd = token.kind === 'newline' || op === ';' || op === ']';
    if (token.kind === 'eof' || (depth === 0 && atEnd)) {
      lexer.reset(token.start, token.line);
      return;
    }
    if (op === '(' || op === '[' || op === '{') depth++;
    else if (op === ')' || op === ']' || op === '}') depth = Math.max(0, depth - 1);
    lexer.next();
  }
}

/** Reads `{ 'a'; 'b' ... }` from just after `{`: strings separated by `;`, `,`, blanks or newlines. */
export function readStringCell(lexer: Lexer, label: string, openLine: number): string[] {
  const strings: string[] = [];
  for (;;) {
    const token = lexer.next();
    if (token.kind === 'string') strings.push(token.text);
    else if (token.kind === 'op' && token.text === '}') return strings;
    else if (token.kind === 'eof')
      throw new StatementFailure(openLine, `${label}: '{' is never closed by '}'`, false);
    else if (token.kind === 'error') throw new StatementFailure(token.line, `${label}: ${token.text}`, false);
    else if (
      token.kind !== 'newline' &&
      !(token.kind === 'op' && (token.text === ';' || token.text === ','))
    ) {
      throw new StatementFailure(token.line, `${label} must hold only quoted strings`, false);
    }
  }
}
