/**
 * Reads the header of a case file, `function mpc = caseX` (the output name may differ, `()` may follow).
 * A header with several outputs, `function [baseMVA, bus, gen, branch, ...] = caseX`, is MATPOWER's
 * version 1 format and is refused. A file without a header is read as a script that fills `mpc`.
 */

import type { ExpressionParser } from './matpower-expression.ts';
import type { Lexer, Token } from './matpower-lexer.ts';

export type HeaderResult =
  | { readonly ok: true; readonly structName: string; readonly caseName?: string }
  | { readonly ok: false; readonly line: number; readonly message: string };

export function readHeader(lexer: Lexer, parser: ExpressionParser): HeaderResult {
  while (lexer.peek().kind === 'newline') lexer.next();
  const start = lexer.peek();
  if (start.kind !== 'name' || start.text !== 'function') return { ok: true, structName: 'mpc' };
  lexer.next();
  const failed = (message: string): HeaderResult => ({ ok: false, line: start.line, message });
  const outputs: string[] = [];
  let name = lexer.next();
  if (parser.isOp(name, '[')) {
    for (let t = lexer.next(); !parser.isOp(t, ']'); t = lexer.next()) {
      if (t.kind === 'name') outputs.push(t.text);
      else if (!parser.isOp(t, ',')) return failed('cannot read the function header');
    }
    if (!parser.isOp(lexer.next(), '=')) return failed('cannot read the function header');
    name = lexer.next();
  } else if (name.kind === 'name' && parser.isOp(lexer.peek(), '=')) {
    outputs.push(name.text);
    lexer.next();
    name = lexer.next();
  }
  if (name.kind !== 'name') return failed('cannot read the function header');
  if (parser.isOp(lexer.peek(), '(')) {
    lexer.next();
    if (!parser.isOp(lexer.next(), ')')) return failed('a case function takes no arguments');
  }
  if (!endsStatement(lexer.next(), parser)) return failed('cannot read the function header');
  if (outputs.length > 1) {
    const header = `function [${outputs.join(', ')}] = ${name.text}`;
    return failed(`'${header}' is the MATPOWER version 1 case format; version 2 is required`);
  }
  if (outputs.length === 0) return failed(`function ${name.text} returns no case struct`);
  return { ok: true, structName: outputs[0], caseName: name.text };
}

function endsStatement(token: Token, parser: ExpressionParser): boolean {
  return (
    token.kind === 'eof' || token.kind === 'newline' || parser.isOp(token, ';') || parser.isOp(token, ',')
  );
}
