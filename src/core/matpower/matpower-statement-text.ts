/**
 * Finding where a statement ends (at `;`, `,` or a newline outside brackets, which may span lines) and
 * quoting it in one line for error messages, without comments or continuations.
 */

import type { Lexer, Token } from './matpower-lexer.ts';

/**
 * Moves the lexer past the statement that begins at `start` and returns the offset where it ends, and
 * the innermost bracket still open if the file ends first.
 */
export function skipStatement(lexer: Lexer, start: Token): { end: number; unclosed?: Token } {
  lexer.reset(start.start, start.line);
  const open: Token[] = [];
  for (;;) {
    const token = lexer.peek();
    const op = token.kind === 'op' ? token.text : '';
    if (token.kind === 'eof') return { end: token.start, unclosed: open[open.length - 1] };
    if (open.length === 0 && (token.kind === 'newline' || op === ';' || op === ',')) {
      lexer.next();
      return { end: token.start };
    }
    if (op === '(' || op === '[' || op === '{') open.push(token);
    else if (op === ')' || op === ']' || op === '}') open.pop();
    lexer.next();
  }
}

/** The statement's text on one line, without comments or continuations, shortened to 160 characters. */
export function quoteStatement(text: string, start: number, end: number): string {
  const source = text.slice(start, Math.min(end, start + 2000));
  const code = source
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\.\.\..*$/, ' ').replace(/%.*$/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return code.length > 160 ? `${code.slice(0, 157)}...` : code;
}
