/**
 * The lexer: numbers read exactly as `Number()` reads them (fast path and fallback), and the MATLAB
 * token rules that matter for case files (element-wise operators after numbers, quotes, comments).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexer, type Token } from './matpower-lexer.ts';

function scan(text: string): { value: number; end: number } {
  const lexer = new Lexer(text);
  const value = lexer.scanNumber(0);
  return { value, end: lexer.numberEnd };
}

function tokens(text: string): string[] {
  const lexer = new Lexer(text);
  const out: string[] = [];
  for (let t: Token = lexer.next(); t.kind !== 'eof'; t = lexer.next()) {
    if (t.kind === 'number') out.push(`#${t.value}`);
    else if (t.kind === 'string') out.push(`"${t.text}"`);
    else out.push(t.kind === 'newline' ? 'NL' : t.text);
  }
  return out;
}

describe('scanNumber', () => {
  it('reads every spelling of a random double exactly as Number() does', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }),
        fc.integer({ min: 1, max: 21 }),
        (x, digits) => {
          const spellings = [
            String(x),
            x.toExponential(),
            x.toPrecision(digits),
            x.toExponential(digits - 1),
          ];
          if (x < 1e21) spellings.push(x.toFixed(Math.min(digits, 20)));
          for (const text of spellings) {
            const { value, end } = scan(text);
            expect(Object.is(value, Number(text)), text).toBe(true);
            expect(end).toBe(text.length);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads random digit strings exactly, including long mantissas and large exponents', () => {
    const numeral = fc.stringMatching(/^\d{1,30}(\.\d{0,30})?([eE][+-]?\d{1,3})?$/);
    fc.assert(
      fc.property(numeral, (text) => {
        expect(Object.is(scan(text).value, Number(text)), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('handles the short forms and stops before element-wise operators and continuations', () => {
    expect(scan('.5')).toEqual({ value: 0.5, end: 2 });
    expect(scan('5.')).toEqual({ value: 5, end: 2 });
    expect(scan('1.e3')).toEqual({ value: 1000, end: 4 });
    expect(scan('5.*2')).toEqual({ value: 5, end: 1 });
    expect(scan("5.'")).toEqual({ value: 5, end: 1 });
    expect(scan('5...')).toEqual({ value: 5, end: 1 });
    expect(scan('2e')).toEqual({ value: 2, end: 1 });
    expect(scan('1e400').value).toBe(Infinity);
    expect(scan('0.000000000000000000000000000001').value).toBe(1e-30);
  });
});

describe('tokens', () => {
  it('splits operators, names and numbers', () => {
    expect(tokens('x = 5.*y./2.^-1;')).toEqual(['x', '=', '#5', '.*', 'y', './', '#2', '.^', '-', '#1', ';']);
  });

  it("tells a transpose quote from a string's quote", () => {
    expect(tokens("a' [a 'b'] 'it''s'")).toEqual(['a', "'", '[', 'a', '"b"', ']', `"it's"`]);
  });

  it('skips comments, block comments and continuations but keeps newlines', () => {
    expect(tokens('1 % c\n2 ...  more\n3\n%{\nhidden\n%}\n4 # octave')).toEqual([
      '#1',
      'NL',
      '#2',
      '#3',
      'NL',
      'NL',
      '#4',
    ]);
  });

  it('reports a string that is not closed on its line, and counts lines', () => {
    const lexer = new Lexer("x = 'abc\ny");
    expect([lexer.next().kind, lexer.next().kind, lexer.next()]).toMatchObject([
      'name',
      'op',
      { kind: 'error', line: 1 },
    ]);
    expect(lexer.next().kind).toBe('newline');
    expect(lexer.next()).toMatchObject({ kind: 'name', text: 'y', line: 2 });
  });
});
