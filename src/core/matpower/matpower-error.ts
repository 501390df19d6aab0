/**
 * Errors and warnings of the MATPOWER reader: each names the file and the 1-based line it is about
 * (line 0 means the file as a whole), and formats as a `case9.m:42: message` one-liner.
 */

import type { MatpowerCase } from './matpower-case.ts';

export interface MatpowerError {
  readonly file: string;
  /** 1-based source line, or 0 when the problem concerns the whole file (e.g. a missing matrix). */
  readonly line: number;
  readonly message: string;
}

export type MatpowerParseResult =
  | { readonly ok: true; readonly value: MatpowerCase }
  | { readonly ok: false; readonly errors: MatpowerError[] };

/** `case9.m:42: gen row has 9 columns, at least 10 needed` (or `case9.m: ...` for line 0). */
export function formatMatpowerError(error: MatpowerError): string {
  return error.line > 0 ? `${error.file}:${error.line}: ${error.message}` : `${error.file}: ${error.message}`;
}

/** `1 column`, `13 columns`. */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Most errors reported for one file; the rest are summarised in one last error. */
export const MAX_ERRORS = 50;

/** Collects the errors and warnings of one file, in the order they are found. */
export class Diagnostics {
  readonly errors: MatpowerError[] = [];
  readonly warnings: string[] = [];
  readonly file: string;
  private omitted = 0;

  constructor(file: string) {
    this.file = file;
  }

  error(line: number, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ file: this.file, line, message });
    else this.omitted++;
  }

  warn(line: number, message: string): void {
    this.warnings.push(formatMatpowerError({ file: this.file, line, message }));
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** The errors, with a final note on how many were left out. */
  finalErrors(): MatpowerError[] {
    if (this.omitted === 0) return this.errors;
    const note = `${this.omitted} more error(s) not shown`;
    return [...this.errors, { file: this.file, line: 0, message: note }];
  }
}

/**
 * A failure inside one statement (syntax the reader does not accept, or an expression it cannot evaluate).
 * Thrown by the expression parser and evaluator and always caught by the statement reader, which turns
 * it into a `MatpowerError`; `parseMatpower` itself never throws.
 */
export class StatementFailure extends Error {
  readonly line: number;
  /** True when the statement is well-formed MATLAB that the reader refuses to run. */
  readonly unsupported: boolean;

  constructor(line: number, message: string, unsupported: boolean) {
    super(message);
    this.name = 'StatementFailure';
    this.line = line;
    this.unsupported = unsupported;
  }
}
