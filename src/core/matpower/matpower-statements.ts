/**
 * Reads the statements of a case file in order: the `function mpc = caseX` header, `mpc.<field> = ...`
 * data assignments (unknown fields are skipped with a warning), and the code some cases run after their
 * data: `[...] = idx_bus;` declarations, `name = expr;` and `mpc.<matrix>(rows, cols) = expr;`. Anything
 * else is refused with an error naming its line, so a case is never read differently from MATPOWER.
 */

import { readDataMatrix, readStringCell } from './matpower-data-literal.ts';
import { Diagnostics, StatementFailure } from './matpower-error.ts';
import { type CaseState, Evaluator } from './matpower-evaluate.ts';
import { ExpressionParser } from './matpower-expression.ts';
import { readHeader } from './matpower-header.ts';
import { Lexer, type Token } from './matpower-lexer.ts';
import {
  INDEX_FUNCTIONS,
  isMatrixField,
  isNameField,
  type MatrixField,
  type NameField,
} from './matpower-schema.ts';
import { quoteStatement, skipStatement } from './matpower-statement-text.ts';
import { scalar } from './matpower-values.ts';

/** Everything read from the file, before the checks of `buildMatpowerCase`. */
export interface ReadCase {
  /** The header was refused (e.g. version 1): nothing else was read. */
  readonly refused: boolean;
  readonly caseName?: string;
  readonly version?: { readonly value: string; readonly line: number };
  readonly baseMvaLine: number;
  readonly state: CaseState;
  readonly names: Partial<Record<NameField, { readonly values: string[]; readonly line: number }>>;
}

const IGNORED_WITH_CONSEQUENCES: ReadonlyMap<string, string> = new Map([
  ['A', 'user-defined OPF constraints are not read'],
  ['N', 'user-defined OPF costs are not read'],
]);

/** Fields that change the power flow and are not supported yet: such a case is refused. */
const REFUSED: ReadonlyMap<string, string> = new Map([
  ['dcline', 'DC lines are not supported yet; refusing to load a case whose flows would be wrong'],
  ['userfcn', 'MATPOWER callback functions are not supported; refusing to load a case they would change'],
]);

export class CaseReader {
  readonly diagnostics: Diagnostics;
  private readonly lexer: Lexer;
  private readonly parser: ExpressionParser;
  private readonly state: CaseState = { matrices: {} };
  private evaluator: Evaluator;
  private structName = 'mpc';
  private caseName: string | undefined;
  private version: ReadCase['version'];
  private baseMvaLine = 0;
  private readonly names: ReadCase['names'] = {};
  private readonly ignored = new Set<string>();
  private seenData = false;
  private codeFailed = false;
  private isCode = false;
  private stopped = false;
  private refused = false;

  constructor(text: string, fileName: string) {
    this.diagnostics = new Diagnostics(fileName);
    this.lexer = new Lexer(text);
    this.parser = new ExpressionParser(this.lexer);
    this.evaluator = new Evaluator(this.state, this.structName);
  }

  read(): ReadCase {
    const header = readHeader(this.lexer, this.parser);
    if (header.ok) {
      this.structName = header.structName;
      this.caseName = header.caseName;
      this.evaluator = new Evaluator(this.state, this.structName);
    } else {
      this.fatal(header.line, header.message);
      this.refused = true;
    }
    while (!this.stopped) {
      const token = this.lexer.peek();
      if (token.kind === 'eof') break;
      if (token.kind === 'newline' || this.isSeparator(token)) this.lexer.next();
      else this.readStatement(token);
    }
    const { refused, caseName, version, baseMvaLine, state, names } = this;
    return { refused, caseName, version, baseMvaLine, state, names };
  }

  private fatal(line: number, message: string): void {
    this.diagnostics.error(line, message);
    this.stopped = true;
  }

  private readStatement(start: Token): void {
    this.isCode = false;
    try {
      if (start.kind === 'name' && start.text === this.structName) this.readStructStatement(start);
      else if (start.kind === 'name') this.readNameStatement(start);
      else if (this.parser.isOp(start, '[')) this.readIndexDeclaration(start);
      else throw new StatementFailure(start.line, `unexpected '${start.text}'`, true);
    } catch (failure) {
      if (!(failure instanceof StatementFailure)) throw failure;
      this.fail(start, failure);
    }
  }

  private readNameStatement(start: Token): void {
    this.lexer.next();
    if (start.text === 'function') {
      this.stopped = true;
      this.diagnostics.warn(start.line, 'local functions are ignored (a case file does not call them)');
      return;
    }
    if (start.text === 'end' || start.text === 'endfunction' || start.text === 'return') {
      this.expectEnd();
      this.stopped = true;
      if (this.lexer.peek().kind !== 'eof') {
        this.diagnostics.warn(
          start.line,
          `text after '${start.text}' is ignored (MATLAB never runs it here)`,
        );
      }
      return;
    }
    this.isCode = true;
    if (start.text === 'define_constants') {
      this.expectEnd();
      for (const outputs of INDEX_FUNCTIONS.values()) for (const [n, v] of outputs) this.bind(n, v);
      return;
    }
    const equals = this.lexer.next();
    if (!this.parser.isOp(equals, '=')) throw new StatementFailure(start.line, 'not an assignment', true);
    const expr = this.parser.parseExpression();
    this.expectEnd();
    if (!this.codeFailed) this.evaluator.variables.set(start.text, this.evaluator.evaluate(expr));
  }

  /** `[PQ, PV, ~, ...] = idx_bus;`: binds the names to the function's outputs by position. */
  private readIndexDeclaration(start: Token): void {
    this.isCode = true;
    this.lexer.next();
    const names: (string | undefined)[] = [];
    for (let t = this.lexer.next(); !this.parser.isOp(t, ']'); t = this.lexer.next()) {
      if (t.kind === 'name') names.push(t.text);
      else if (this.parser.isOp(t, '~')) names.push(undefined);
      else if (!this.parser.isOp(t, ',')) throw this.parser.unexpected(t);
    }
    if (!this.parser.isOp(this.lexer.next(), '='))
      throw new StatementFailure(start.line, 'not an assignment', true);
    const fn = this.lexer.next();
    const outputs = fn.kind === 'name' ? INDEX_FUNCTIONS.get(fn.text) : undefined;
    if (outputs === undefined) {
      throw new StatementFailure(start.line, `'${fn.text}' is not an idx_* function`, true);
    }
    if (this.parser.isOp(this.lexer.peek(), '(')) {
      this.lexer.next();
      if (!this.parser.isOp(this.lexer.next(), ')')) {
        throw new StatementFailure(start.line, 'arguments given', true);
      }
    }
    this.expectEnd();
    if (names.length > outputs.length) {
      throw new StatementFailure(start.line, `${fn.text} has only ${outputs.length} outputs`, true);
    }
    names.forEach((name, i) => {
      if (name !== undefined) this.bind(name, outputs[i][1]);
    });
  }

  private bind(name: string, value: number): void {
    if (!this.codeFailed) this.evaluator.variables.set(name, scalar(value));
  }

  /** `mpc.<field> = ...` or `mpc.<matrix>(rows, columns) = ...`. */
  private readStructStatement(start: Token): void {
    this.lexer.next();
    const dot = this.lexer.next();
    const fieldToken = this.lexer.next();
    if (!this.parser.isOp(dot, '.') || fieldToken.kind !== 'name') {
      throw new StatementFailure(
        start.line,
        `only '${this.structName}.<field> = ...' assignments are read`,
        true,
      );
    }
    const field = fieldToken.text;
    const known = isMatrixField(field) || isNameField(field) || field === 'version' || field === 'baseMVA';
    const after = this.lexer.peek();
    if (!known) {
      this.skipIgnored(start, field);
      return;
    }
    if (isMatrixField(field) && this.parser.isOp(after, '(')) {
      this.readIndexedAssignment(start, field);
      return;
    }
    if (!this.parser.isOp(after, '='))
      throw new StatementFailure(start.line, `mpc.${field} is changed in place`, true);
    this.lexer.next();
    if (isMatrixField(field)) this.readMatrixField(start, field);
    else if (isNameField(field)) this.readNameField(start, field);
    else this.readScalarField(start, field);
  }

  private readIndexedAssignment(start: Token, field: MatrixField): void {
    this.isCode = true;
    this.lexer.next();
    const args = this.parser.parseArguments();
    const equals = this.lexer.next();
    if (!this.parser.isOp(equals, '=')) throw this.parser.unexpected(equals);
    const expr = this.parser.parseExpression();
    this.expectEnd();
    if (!this.codeFailed) this.evaluator.assignIndexed(field, args, expr, start.line);
  }

  private readMatrixField(start: Token, field: MatrixField): void {
    const open = this.lexer.next();
    if (!this.parser.isOp(open, '['))
      throw new StatementFailure(start.line, `mpc.${field} is not a [...] literal`, true);
    const reader = {
      lexer: this.lexer,
      parser: this.parser,
      evaluator: this.evaluator,
      diagnostics: this.diagnostics,
    };
    const matrix = readDataMatrix(reader, `mpc.${field}`, open.line);
    if (this.state.matrices[field] !== undefined) {
      this.diagnostics.warn(start.line, `mpc.${field} is assigned again; the earlier value is replaced`);
    }
    // Kept even when the statement fails below, so that failure is the only error reported.
    this.state.matrices[field] = { rows: matrix.rows, lines: matrix.lines, line: start.line };
    if (field !== 'gencost') this.seenData = true;
    if (matrix.end === 'closed') {
      this.lexer.reset(this.lexer.pos, this.lexer.line, true);
      this.expectEnd();
    } else {
      this.stopped = matrix.end === 'eof';
    }
  }

  private readNameField(start: Token, field: NameField): void {
    const open = this.lexer.next();
    if (!this.parser.isOp(open, '{'))
      throw new StatementFailure(start.line, `mpc.${field} is not a {...} literal`, true);
    const values = readStringCell(this.lexer, `mpc.${field}`, open.line);
    this.expectEnd();
    this.names[field] = { values, line: start.line };
  }

  private readScalarField(start: Token, field: string): void {
    const expr = this.parser.parseExpression();
    this.expectEnd();
    const value = this.evaluator.evaluate(expr);
    if (field === 'version') {
      const text = value.kind === 'text' ? value.text : value.data.length === 1 ? String(value.data[0]) : '?';
      this.version = { value: text, line: start.line };
      return;
    }
    if (value.kind !== 'numeric' || value.data.length !== 1) {
      throw new StatementFailure(start.line, 'mpc.baseMVA is not a number', false);
    }
    this.state.baseMva = value.data[0];
    this.baseMvaLine = start.line;
  }

  /** Skips an assignment to a field the reader does not use, warning once per field. */
  private skipIgnored(start: Token, field: string): void {
    this.skipStatement(start);
    if (this.ignored.has(field)) return;
    this.ignored.add(field);
    const refusal = REFUSED.get(field);
    if (refusal !== undefined) {
      this.diagnostics.error(start.line, `mpc.${field}: ${refusal}`);
      return;
    }
    const consequence = IGNORED_WITH_CONSEQUENCES.get(field);
    this.diagnostics.warn(start.line, `mpc.${field} is ignored${consequence ? `: ${consequence}` : ''}`);
  }

  private isSeparator(token: Token): boolean {
    return this.parser.isOp(token, ';') || this.parser.isOp(token, ',');
  }

  /** A statement ends at `;`, `,`, a newline or the end of the file. */
  private expectEnd(): void {
    const token = this.lexer.peek();
    if (token.kind === 'eof') return;
    if (token.kind === 'newline' || this.isSeparator(token)) {
      this.lexer.next();
      return;
    }
    const failure = this.parser.unexpected(token);
    throw new StatementFailure(failure.line, failure.message, true);
  }

  private fail(start: Token, failure: StatementFailure): void {
    const end = this.skipStatement(start);
    const statement = quoteStatement(this.lexer.text, start.start, end);
    if (failure.unsupported) {
      const where = this.seenData ? ' after the data' : '';
      const message = `unsupported statement${where}; refusing to load a case that would be read wrong: ${statement}`;
      this.diagnostics.error(start.line, `${message} (${failure.message})`);
    } else {
      this.diagnostics.error(failure.line || start.line, `${failure.message} in: ${statement}`);
    }
    if (this.isCode) this.codeFailed = true;
  }

  /** Moves past the statement that begins at `start`; reports a bracket that is never closed. */
  private skipStatement(start: Token): number {
    const skipped = skipStatement(this.lexer, start);
    if (skipped.unclosed !== undefined) {
      this.fatal(skipped.unclosed.line, `'${skipped.unclosed.text}' is never closed`);
    }
    return skipped.end;
  }
}
