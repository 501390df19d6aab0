/**
 * Each way a case file can be refused, on small inline texts: the line every error names, its message,
 * the `file:line: message` format, and that every problem of a file is reported at once.
 */

import { describe, expect, it } from 'vitest';
import { formatMatpowerError, type MatpowerError, parseMatpower } from './index.ts';
import { lineOf, MINI_CASE, replaced } from './matpower-fixtures.ts';

function errorsOf(text: string): MatpowerError[] {
  const result = parseMatpower(text, 'bad.m');
  if (result.ok) throw new Error('expected the case to be refused');
  return result.errors;
}

/** The errors as `line: message` strings, which read well in failure output. */
const described = (text: string): string[] => errorsOf(text).map((e) => `${e.line}: ${e.message}`);

const GEN_ROW_1 = '\t1\t72.3\t27.03\t300\t-300\t1.04\t100\t1\t250\t10\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0;';

describe('required data', () => {
  it('refuses a case without a bus matrix (line 0: the whole file)', () => {
    const text = MINI_CASE.replace(/mpc\.bus = \[[^\]]*\];\n/, '');
    expect(errorsOf(text)).toEqual([{ file: 'bad.m', line: 0, message: 'no mpc.bus matrix' }]);
    expect(formatMatpowerError(errorsOf(text)[0])).toBe('bad.m: no mpc.bus matrix');
  });

  it('refuses an empty bus matrix, naming its line', () => {
    const text = MINI_CASE.replace(/mpc\.bus = \[[^\]]*\];/, 'mpc.bus = [];');
    expect(described(text)).toEqual(['4: mpc.bus is empty']);
  });

  it('refuses a case without baseMVA, or with a baseMVA that is not positive', () => {
    expect(described(replaced(MINI_CASE, 'mpc.baseMVA = 100;\n', ''))).toEqual(['0: no mpc.baseMVA']);
    expect(described(replaced(MINI_CASE, 'mpc.baseMVA = 100;', 'mpc.baseMVA = 0;'))).toEqual([
      '3: mpc.baseMVA must be a positive number, not 0',
    ]);
  });

  it('names the first row of a matrix with too few columns', () => {
    const text = MINI_CASE.replace(/(\t250\t10)(\t0){11};/, '\t250;').replace(
      /(\t300\t10)(\t0){11};/,
      '\t300;',
    );
    const errors = errorsOf(text);
    expect(errors.map(formatMatpowerError)).toEqual(['bad.m:10: gen row has 9 columns, at least 10 needed']);
  });
});

describe('matrix contents', () => {
  it('refuses a ragged row, naming its line and the first row', () => {
    const text = replaced(
      MINI_CASE,
      '\t2\t2\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;',
      '\t2\t2\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1;',
    );
    expect(described(text)).toEqual(['6: mpc.bus row has 12 columns, but the first row (line 5) has 13']);
  });

  it('refuses NaN anywhere, naming the line and the column', () => {
    const text = replaced(replaced(MINI_CASE, '72.3', 'NaN'), '\t90\t30', '\t90\tnan');
    expect(described(text)).toEqual(['7: bus row has NaN in column QD', '10: gen row has NaN in column PG']);
  });

  it('allows infinite generator limits but refuses an infinite rating', () => {
    const text = replaced(
      replaced(MINI_CASE, '300\t-300\t1.04\t100\t1\t250', 'Inf\t-Inf\t1.04\t100\t1\tInf'),
      '0.0576\t0\t250',
      '0.0576\t0\tInf',
    );
    expect(described(text)).toEqual(['14: branch row has Inf in column RATE_A, which must be finite']);
  });

  it('refuses an unterminated matrix at the end of the file, naming the line of `[`', () => {
    const text = MINI_CASE.slice(0, MINI_CASE.lastIndexOf('];'));
    expect(described(text)).toEqual(["17: mpc.gencost: '[' is never closed by ']'"]);
  });

  it('reports a missing `]` before the next assignment and goes on reading from there', () => {
    const text = MINI_CASE.replace('];\nmpc.branch', '\nmpc.branch');
    expect(described(text)).toEqual([
      "9: mpc.gen: '[' is not closed by ']' before the assignment at line 13",
    ]);
  });

  it('refuses an element it cannot read, naming the element line', () => {
    const text = replaced(MINI_CASE, '\t90\t30', '\t90\t30x');
    expect(described(text)).toEqual(["7: mpc.bus: unexpected 'x'"]);
  });

  it('checks gencost rows against their model and the number of generators', () => {
    const text = replaced(MINI_CASE, '2\t1500\t0\t3', '2\t1500\t0\t4');
    expect(described(text)).toEqual([
      '18: gencost row has 7 columns, but MODEL 2 with NCOST 4 needs at least 8',
    ]);
    const oneRow = replaced(MINI_CASE, '\t2\t2000\t0\t3\t0.085\t1.2\t600;\n', '');
    expect(described(oneRow)).toEqual([
      '17: mpc.gencost has 1 row; expected 2 (one per generator) or 4 (with reactive power costs)',
    ]);
  });

  it('checks that name lists are as long as their matrices', () => {
    const text = `${MINI_CASE}mpc.bus_name = { 'a'; 'b' };\n`;
    expect(described(text)).toEqual(['21: mpc.bus_name has 2 entries, but mpc.bus has 3 rows']);
  });

  it('reports every problem of a file at once', () => {
    const noBranch = MINI_CASE.replace(/mpc\.branch = \[[^\]]*\];\n/, '');
    const text = replaced(replaced(noBranch, '72.3', 'NaN'), "mpc.version = '2';", "mpc.version = '3';");
    expect(described(text)).toEqual([
      "2: unknown case format version '3'; version 2 is required",
      '0: no mpc.branch matrix',
      '10: gen row has NaN in column PG',
    ]);
  });
});

describe('format version', () => {
  it("refuses mpc.version = '1'", () => {
    const text = replaced(MINI_CASE, "mpc.version = '2';", "mpc.version = '1';");
    expect(described(text)).toEqual([
      '2: MATPOWER case format version 1 is not supported; version 2 is required',
    ]);
  });

  it('refuses the old function header that returns separate matrices', () => {
    const text = `function [baseMVA, bus, gen, branch, areas, gencost] = case9\nbaseMVA = 100;\n`;
    expect(errorsOf(text).map(formatMatpowerError)).toEqual([
      "bad.m:1: 'function [baseMVA, bus, gen, branch, areas, gencost] = case9' is the MATPOWER version 1 case format; version 2 is required",
    ]);
  });

  it('reads a case without mpc.version as version 2 only when mpc.gen has 21 columns, as loadcase does', () => {
    const result = parseMatpower(replaced(MINI_CASE, "mpc.version = '2';\n", ''), 'x.m');
    expect(result.ok && result.value.warnings).toEqual([
      'x.m:8: no mpc.version; read as version 2 because mpc.gen has 21 or more columns',
    ]);
  });
});

describe('statements', () => {
  it('refuses a statement it does not know, quoting it', () => {
    const text = `${MINI_CASE}[PQ, PV, REF, NONE, BUS_I, BUS_TYPE, PD, QD] = idx_bus;\nmpc.bus(:, PD) = rand(3, 1) * 10; % random loads\n`;
    expect(errorsOf(text).map(formatMatpowerError)).toEqual([
      "bad.m:22: unsupported statement after the data; refusing to load a case that would be read wrong: mpc.bus(:, PD) = rand(3, 1) * 10 (unknown function 'rand')",
    ]);
  });

  it('refuses control flow and reports only the first failing statement of the code', () => {
    const text = `${MINI_CASE}if mpc.baseMVA > 10\n  mpc.bus(:, 3) = 0;\nend\n`;
    expect(described(text)).toEqual([
      '21: unsupported statement after the data; refusing to load a case that would be read wrong: if mpc.baseMVA > 10 (not an assignment)',
    ]);
  });

  it('refuses loading another case and unsupported operators', () => {
    const load = `mpc = loadcase('case9');\nmpc.bus(:, 3) = 0;\n`;
    expect(described(load)[0]).toBe(
      "1: unsupported statement; refusing to load a case that would be read wrong: mpc = loadcase('case9') (only 'mpc.<field> = ...' assignments are read)",
    );
    const compare = `${MINI_CASE}x = mpc.baseMVA == 100;\n`;
    expect(described(compare)[0]).toContain("(operator '==' is not supported)");
  });

  it('reports a string that is not closed', () => {
    const text = replaced(MINI_CASE, "mpc.version = '2';", "mpc.version = '2;");
    expect(described(text)[0]).toBe("2: string not closed before the end of the line in: mpc.version = '2;");
  });

  it('names the line of an unclosed bracket in a skipped field', () => {
    const text = `${MINI_CASE}mpc.areas = [\n  1 5;\n`;
    expect(described(text)).toEqual(["21: '[' is never closed"]);
  });

  it('points at the generator row line in formatted errors', () => {
    const text = replaced(MINI_CASE, GEN_ROW_1, GEN_ROW_1.replace('\t0;', ';'));
    expect(errorsOf(text).map(formatMatpowerError)).toEqual([
      `bad.m:${lineOf(text, '\t2\t163')}: mpc.gen row has 21 columns, but the first row (line 10) has 20`,
    ]);
  });
});
