/**
 * Recursive-descent parser for MATLAB expressions as they appear in case files: numbers, names, strings,
 * `mpc.field`, indexing and calls, ranges, `[...]` literals and the operators + - * / \ ^ .* ./ .\ .^ '.
 * Precedence (MATLAB): postfix and power > unary sign > multiplicative > additive > colon. Inside
 * brackets blanks separate elements: `[1 -2]` has two, `[1 - 2]` and `[1-2]` one.
 */

import { StatementFailure } from './matpower-error.ts';
import { isBlank, type Lexer, type Token } from './matpower-lexer.ts';

export type BinaryOperator = '+' | '-' | '*' | '/' | '\\' | '^' | '.*' | './' | '.\\' | '.^';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'name'; readonly name: string; readonly line: number }
  | { readonly kind: 'field'; readonly base: Expr; readonly name: string; readonly line: number }
  | { readonly kind: 'index'; readonly base: Expr; readonly args: Expr[]; readonly line: number }
  | { readonly kind: 'all' }
  | { readonly kind: 'end'; readonly line: number }
  | { readonly kind: 'range'; readonly from: Expr; readonly step?: Expr; readonly to: Expr }
  | { readonly kind: 'negate'; readonly operand: Expr }
  | { readonly kind: 'transpose'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'matrix'; readonly rows: Expr[][]; readonly line: number };

/** Where an expression sits: inside `[...]` blanks separate elements; inside `(...)` `end` is allowed. */
interface Context {
  readonly inBrackets: boolean;
  readonly inIndex: boolean;
}

const TOP: Context = { inBrackets: false, inIndex: false };
const BRACKETS: Context = { inBrackets: true, inIndex: false };
const INDEX: Context = { inBrackets: false, inIndex: true };
const MULTIPLICATIVE = new Set(['*', '/', '\\', '.*', './', '.\\']);
/** Limits that keep recursion shallow on any input; case files stay far below them. */
const MAX_NODES = 500;
const MAX_NESTING = 50;
const NOT_SUPPORTED = new Set(['==', '~=', '!=', '<', '>', '<=', '>=', '&', '|', '&&', '||', '~', '!', '@']);

export class ExpressionParser {
  private readonly lexer: Lexer;
  private nodes = 0;
  private nesting = 0;

  constructor(lexer: Lexer) {
    this.lexer = lexer;
  }

  /** An expression outside brackets, e.g. the right-hand side of an assignment. */
  parseExpression(): Expr {
    this.nodes = 0;
    return this.parseRange(TOP);
  }

  /** One element of a `[...]` matrix; stops before the blank that starts the next element. */
  parseElement(): Expr {
    this.nodes = 0;
    return this.parseRange(BRACKETS);
  }

  /** The arguments of `(...)`, the opening parenthesis already taken. */
  parseArguments(): Expr[] {
    this.nodes = 0;
    return this.readArguments();
  }

  private readArguments(): Expr[] {
    const args: Expr[] = [];
    if (this.isOp(this.lexer.peek(), ')')) {
      this.lexer.next();
      return args;
    }
    for (;;) {
      const token = this.lexer.peek();
      if (this.isOp(token, ':')) {
        this.lexer.next();
        const after = this.lexer.peek();
        if (!this.isOp(after, ',') && !this.isOp(after, ')')) throw this.unexpected(after);
        args.push({ kind: 'all' });
      } else {
        args.push(this.parseRange(INDEX));
      }
      const separator = this.lexer.next();
      if (this.isOp(separator, ')')) return args;
      if (!this.isOp(separator, ',')) throw this.unexpected(separator);
    }
  }

  /** The rows of a `[...]` literal, the opening bracket already taken. */
  private parseMatrixRows(openLine: number): Expr[][] {
    const rows: Expr[][] = [];
    let row: Expr[] = [];
    let separated = true;
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === 'eof') throw new StatementFailure(openLine, "'[' is never closed by ']'", false);
      if (this.isOp(token, ']') || this.isOp(token, ';') || token.kind === 'newline') {
        this.lexer.next();
        if (row.length > 0) rows.push(row);
        row = [];
        separated = true;
        if (this.isOp(token, ']')) return rows;
      } else if (this.isOp(token, ',')) {
        if (separated) throw this.unexpected(token);
        this.lexer.next();
        separated = true;
      } else {
        if (!separated && !token.spaceBefore) throw this.unexpected(token);
        row.push(this.parseElement());
        separated = false;
      }
    }
  }

  isOp(token: Token, text: string): boolean {
    return token.kind === 'op' && token.text === text;
  }

  unexpected(token: Token): StatementFailure {
    if (token.kind === 'error') return new StatementFailure(token.line, token.text, false);
    if (token.kind === 'op' && NOT_SUPPORTED.has(token.text)) {
      return new StatementFailure(token.line, `operator '${token.text}' is not supported`, true);
    }
    const what =
      token.kind === 'eof' ? 'end of file' : token.kind === 'newline' ? 'end of line' : `'${token.text}'`;
    return new StatementFailure(token.line, `unexpected ${token.kind === 'number' ? 'number' : what}`, false);
  }

  private parseRange(context: Context): Expr {
    const from = this.parseAdditive(context);
    if (!this.isOp(this.lexer.peek(), ':')) return from;
    this.lexer.next();
    const second = this.parseAdditive(context);
    if (!this.isOp(this.lexer.peek(), ':')) return { kind: 'range', from, to: second };
    this.lexer.next();
    return { kind: 'range', from, step: second, to: this.parseAdditive(context) };
  }

  private parseAdditive(context: Context): Expr {
    let left = this.parseMultiplicative(context);
    for (;;) {
      const token = this.lexer.peek();
      if (!this.isOp(token, '+') && !this.isOp(token, '-')) return left;
      // `[a -b]`: a blank before the sign and none after it starts a new element.
      if (context.inBrackets && token.spaceBefore && !isBlank(this.lexer.text.charCodeAt(token.end)))
        return left;
      this.lexer.next();
      const right = this.parseMultiplicative(context);
      left = { kind: 'binary', op: token.text as BinaryOperator, left, right };
    }
  }

  private parseMultiplicative(context: Context): Expr {
    let left = this.parseUnary(context);
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind !== 'op' || !MULTIPLICATIVE.has(token.text)) return left;
      this.lexer.next();
      const right = this.parseUnary(context);
      left = { kind: 'binary', op: token.text as BinaryOperator, left, right };
    }
  }

  private parseUnary(context: Context): Expr {
    const token = this.lexer.peek();
    if (this.isOp(token, '-') || this.isOp(token, '+')) {
      this.count(this.lexer.next());
      const operand = this.parseUnary(context);
      return token.text === '-' ? { kind: 'negate', operand } : operand;
    }
    return this.parsePower(context);
  }

  private parsePower(context: Context): Expr {
    let base = this.parsePostfix(context);
    for (;;) {
      const token = this.lexer.peek();
      if (!this.isOp(token, '^') && !this.isOp(token, '.^')) return base;
      this.lexer.next();
      base = {
        kind: 'binary',
        op: token.text as BinaryOperator,
        left: base,
        right: this.parseExponent(context),
      };
    }
  }

  /** The operand of `^` may carry signs: `2^-1`. */
  private parseExponent(context: Context): Expr {
    const token = this.lexer.peek();
    if (this.isOp(token, '-') || this.isOp(token, '+')) {
      this.count(this.lexer.next());
      const operand = this.parseExponent(context);
      return token.text === '-' ? { kind: 'negate', operand } : operand;
    }
    return this.parsePostfix(context);
  }

  private parsePostfix(context: Context): Expr {
    let expr = this.parsePrimary(context);
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind !== 'op' || (context.inBrackets && token.spaceBefore)) return expr;
      if (token.text === '(') {
        this.lexer.next();
        expr = {
          kind: 'index',
          base: expr,
          args: this.nested(token, () => this.readArguments()),
          line: token.line,
        };
      } else if (token.text === '.') {
        this.lexer.next();
        const name = this.lexer.next();
        if (name.kind !== 'name') throw this.unexpected(name);
        expr = { kind: 'field', base: expr, name: name.text, line: name.line };
      } else if (token.text === "'" || token.text === ".'") {
        this.lexer.next();
        expr = { kind: 'transpose', operand: expr };
      } else if (token.text === '{') {
        throw new StatementFailure(token.line, 'cell indexing is not supported', true);
      } else {
        return expr;
      }
    }
  }

  /** Counts a node of the expression being parsed, refusing overly long ones. */
  private count(token: Token): Token {
    if (++this.nodes > MAX_NODES) throw new StatementFailure(token.line, 'expression is too long', true);
    return token;
  }

  /** Parses inside `(` or `[`, refusing deep nesting. */
  private nested<T>(open: Token, parse: () => T): T {
    if (++this.nesting > MAX_NESTING)
      throw new StatementFailure(open.line, 'expression is nested too deeply', true);
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  private parsePrimary(context: Context): Expr {
    const token = this.count(this.lexer.next());
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value };
      case 'string':
        return { kind: 'string', value: token.text };
      case 'name':
        if (token.text === 'end' && context.inIndex) return { kind: 'end', line: token.line };
        return { kind: 'name', name: token.text, line: token.line };
      default:
        break;
    }
    if (this.isOp(token, '(')) {
      const inner = this.nested(token, () => this.parseRange(TOP));
      const close = this.lexer.next();
      if (!this.isOp(close, ')')) throw this.unexpected(close);
      return inner;
    }
    if (this.isOp(token, '['))
      return {
        kind: 'matrix',
        rows: this.nested(token, () => this.parseMatrixRows(token.line)),
        line: token.line,
      };
    if (this.isOp(token, '{'))
      throw new StatementFailure(token.line, 'cell arrays are not supported here', true);
    throw this.unexpected(token);
  }
}
