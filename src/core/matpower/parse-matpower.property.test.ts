/**
 * Property tests of parseMatpower as a whole: random bus data printed in random styles reads back
 * exactly, and any text at all (random bytes, MATLAB-like token soup, damaged cases) gives a result,
 * never an exception, with errors that name real lines.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMatpower } from './index.ts';
import { MINI_CASE, sameNumbers, spell } from './matpower-fixtures.ts';

const finiteRow = fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.nat(20)), {
  minLength: 13,
  maxLength: 13,
});

/** MINI_CASE with its bus matrix statement replaced by `busStatement`. */
function withBus(busStatement: string): string {
  const start = MINI_CASE.indexOf('mpc.bus = [');
  const end = MINI_CASE.indexOf('];', start) + 2;
  return MINI_CASE.slice(0, start) + busStatement + MINI_CASE.slice(end);
}

/** The result is well-formed: a case, or errors whose lines exist in the text. */
function checkResult(text: string): void {
  const result = parseMatpower(text, 'fuzz.m');
  const lineCount = text.split(/\r\n|\r|\n/).length;
  if (result.ok) {
    expect(result.value.bus.rows.length).toBeGreaterThan(0);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.file).toBe('fuzz.m');
    expect(Number.isInteger(error.line) && error.line >= 0 && error.line <= lineCount).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
  }
}

const TOKENS = [
  'mpc',
  '.',
  'bus',
  'gen',
  'branch',
  'gencost',
  'baseMVA',
  'version',
  ' = ',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  ';',
  ',',
  '\n',
  ' ',
  '\t',
  '1',
  '-',
  '+',
  '2.5e3',
  '.5',
  "'",
  "'2'",
  '"',
  '%',
  '...',
  'Inf',
  'NaN',
  'function',
  'end',
  'idx_bus',
  ':',
  '*',
  '/',
  '^',
  '.^',
  './',
  'x',
  '~',
  '@',
  '\r',
  '#',
  '%{',
  '%}',
  'PD',
  'sqrt',
  'constructor',
  'toString',
  '__proto__',
  'return',
  'if',
  '1e400',
  '0x1F',
  '1i',
];

describe('parseMatpower properties', () => {
  it('reads back random bus data printed in random styles', () => {
    fc.assert(
      fc.property(fc.array(finiteRow, { minLength: 1, maxLength: 5 }), fc.boolean(), (rows, commas) => {
        const separator = commas ? ', ' : '\t';
        const body = rows.map((row) => `  ${row.map(([x, s]) => spell(x, s)).join(separator)};`).join('\n');
        const result = parseMatpower(withBus(`mpc.bus = [ % random\n${body}\n];`), 'prop.m');
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const expected = rows.map((row) => row.map(([x]) => x));
        expect(sameNumbers(result.value.bus.rows, expected), JSON.stringify(result.value.bus.rows)).toBe(
          true,
        );
        expect(result.value.bus.lines).toEqual(rows.map((_, i) => 5 + i));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkResult(text)),
      { numRuns: 500 },
    );
  });

  it('never throws on MATLAB-like token soup, with or without a valid case before it', () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((tokens) => tokens.join(''));
    fc.assert(
      fc.property(soup, fc.boolean(), (text, afterCase) => checkResult(afterCase ? MINI_CASE + text : text)),
      { numRuns: 1000 },
    );
  });

  it('never throws on damaged cases', () => {
    const edit = fc.tuple(fc.nat(), fc.nat(3), fc.string({ unit: 'binary-ascii', maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = MINI_CASE;
        for (const [at, remove, insert] of edits) {
          const p = at % (text.length + 1);
          text = text.slice(0, p) + insert + text.slice(p + remove);
        }
        checkResult(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses expressions that are too deep or too long instead of overflowing the stack', () => {
    const deep = `${MINI_CASE}x = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`;
    const long = `${MINI_CASE}x = ${'1+'.repeat(20000)}1;\n`;
    const signs = `${MINI_CASE}x = ${'-'.repeat(20000)}1;\n`;
    for (const text of [deep, long, signs]) {
      const result = parseMatpower(text, 'deep.m');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].message).toMatch(/nested too deeply|too long/);
    }
  });
});
