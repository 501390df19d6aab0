/**
 * Property tests of the data-matrix reader: random matrices of doubles (NaN, ±Inf and -0 included),
 * printed in random MATPOWER styles, read back to the same numbers with the line of each row.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DataMatrix, readDataMatrix } from './matpower-data-literal.ts';
import { Diagnostics } from './matpower-error.ts';
import { Evaluator } from './matpower-evaluate.ts';
import { ExpressionParser } from './matpower-expression.ts';
import { sameNumbers, spell } from './matpower-fixtures.ts';
import { Lexer } from './matpower-lexer.ts';

/** Reads the matrix literal that starts at the first `[` of `text` (which must be on line 1). */
function readMatrix(text: string): { matrix: DataMatrix; errors: string[] } {
  const lexer = new Lexer(text);
  const diagnostics = new Diagnostics('m.m');
  const reader = {
    lexer,
    parser: new ExpressionParser(lexer),
    evaluator: new Evaluator({ matrices: {} }, 'mpc'),
    diagnostics,
  };
  lexer.pos = text.indexOf('[') + 1;
  const matrix = readDataMatrix(reader, 'mpc.x', 1);
  return { matrix, errors: diagnostics.errors.map((e) => `${e.line}: ${e.message}`) };
}

const GAPS = [' ', '\t', ', ', ',', '  ', ' , ', ' ...\n\t', ', ... a comment\n', '\t\t'];
const ROW_ENDS = [';\n', '\n', '; ', ';  % comment ] [\n', '\n% a comment line\n', ';\r\n', '\n\n'];
const OPENINGS = ['[', '[\n', '[ % comment\n', '[\t'];

interface Printed {
  readonly text: string;
  readonly lines: number[];
}

/** Prints `cells` (value, spelling, gap after it) with the given row ends and opening. */
function print(
  cells: [number, number, number][][],
  rowEnds: number[],
  opening: number,
  closeOnLastRow: boolean,
): Printed {
  let text = `x = ${OPENINGS[opening % OPENINGS.length]}`;
  const lines: number[] = [];
  cells.forEach((row, r) => {
    text += '  ';
    lines.push(text.split('\n').length);
    row.forEach(([x, choice, gap], c) => {
      text += spell(x, choice);
      if (c < row.length - 1) text += GAPS[gap % GAPS.length];
    });
    if (r < cells.length - 1 || !closeOnLastRow) text += ROW_ENDS[rowEnds[r] % ROW_ENDS.length];
  });
  return { text: `${text}];\n`, lines };
}

const cellsArbitrary = fc.integer({ min: 1, max: 8 }).chain((cols) =>
  fc.array(fc.array(fc.tuple(fc.double(), fc.nat(20), fc.nat(20)), { minLength: cols, maxLength: cols }), {
    minLength: 1,
    maxLength: 6,
  }),
);

describe('readDataMatrix', () => {
  it('reads back random matrices printed in random MATPOWER styles', () => {
    fc.assert(
      fc.property(
        cellsArbitrary,
        fc.array(fc.nat(20), { minLength: 6, maxLength: 6 }),
        fc.nat(10),
        fc.boolean(),
        (cells, rowEnds, opening, closeOnLastRow) => {
          const printed = print(cells, rowEnds, opening, closeOnLastRow);
          const { matrix, errors } = readMatrix(printed.text);
          expect(errors).toEqual([]);
          expect(matrix.end).toBe('closed');
          expect(matrix.lines).toEqual(printed.lines);
          const expected = cells.map((row) => row.map(([x]) => x));
          expect(sameNumbers(matrix.rows, expected), JSON.stringify(matrix.rows)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a plain example and its lines', () => {
    const { matrix, errors } = readMatrix('x = [1 2\n3 4;5 6 % c\n];');
    expect(errors).toEqual([]);
    expect(matrix).toEqual({
      rows: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      lines: [1, 2, 2],
      end: 'closed',
    });
  });

  it('drops ragged rows and unreadable rows, reporting each', () => {
    const { matrix, errors } = readMatrix('x = [1 2\n3\n4 5 @\n6 7];');
    expect(matrix.rows).toEqual([
      [1, 2],
      [6, 7],
    ]);
    expect(errors).toEqual([
      '2: mpc.x row has 1 column, but the first row (line 1) has 2',
      "3: mpc.x: operator '@' is not supported",
    ]);
  });
});
