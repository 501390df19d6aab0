/**
 * The forms of MATLAB syntax found in case files, on small inline texts: comments, row ends, separators,
 * continuations, number spellings, Inf/NaN, expressions inside data, cell arrays of names, fields the
 * reader skips, and the normalisation of narrow gen and branch matrices.
 */

import { describe, expect, it } from 'vitest';
import {
  ANGMAX,
  ANGMIN,
  APF,
  BASE_KV,
  formatMatpowerError,
  type MatpowerCase,
  PD,
  PMAX,
  parseMatpower,
  QD,
  QMAX,
  QMIN,
} from './index.ts';
import { lineOf, MINI_CASE, replaced } from './matpower-fixtures.ts';

function parse(text: string, fileName = 'test.m'): MatpowerCase {
  const result = parseMatpower(text, fileName);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.value;
}

const BUS_ROW = '1 3 0 0 0 0 1 1 0 345 1 1.1 0.9';
/** MINI_CASE with its bus matrix statement replaced by `busStatement`. */
function withBus(busStatement: string): string {
  const start = MINI_CASE.indexOf('mpc.bus = [');
  const end = MINI_CASE.indexOf('];', start) + 2;
  return MINI_CASE.slice(0, start) + busStatement + MINI_CASE.slice(end);
}

describe('parseMatpower on the mini case', () => {
  it('reads header name, base, matrices and the line of each row', () => {
    const c = parse(MINI_CASE);
    expect(c.name).toBe('mini');
    expect(c.baseMva).toBe(100);
    expect(c.bus.lines).toEqual([5, 6, 7]);
    expect(c.gen.lines).toEqual([10, 11]);
    expect(c.branch.lines).toEqual([14, 15]);
    expect(c.gencost?.lines).toEqual([18, 19]);
    expect(c.bus.rows[2]).toEqual([3, 1, 90, 30, 0, 0, 1, 1, 0, 345, 1, 1.1, 0.9]);
    expect(c.warnings).toEqual([]);
  });

  it('falls back to the file name without .m when there is no function header', () => {
    const script = MINI_CASE.slice(MINI_CASE.indexOf('\n') + 1);
    expect(parse(script, 'data/other_case.m').name).toBe('other_case');
  });

  it('accepts any output name, `()` after the case name and a closing `end`', () => {
    const text = `${MINI_CASE.replace('function mpc = mini', 'function s = mini()').replaceAll('mpc.', 's.')}end\n`;
    expect(parse(text).bus.rows).toHaveLength(3);
  });
});

describe('matrix syntax', () => {
  it('reads comments at row ends, commas, newline row ends, `];` on the last data line', () => {
    const text = withBus(`mpc.bus = [ % opening comment
  1, 3, 0, 0, 0, 0, 1, 1, 0, 345, 1, 1.1, 0.9 % no semicolon: the newline ends the row
  2  2  0  0  0  0  1  1  0  345  1  1.1  0.9;  % comment after ;
  3\t1\t90\t30\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9];`);
    const c = parse(text);
    expect(c.bus.rows.map((row) => row[0])).toEqual([1, 2, 3]);
    expect(c.bus.lines).toEqual([5, 6, 7]);
  });

  it('reads the matrix opening on the same line as data, and two rows on one line', () => {
    const c = parse(
      withBus(`mpc.bus = [${BUS_ROW}; 2 2 0 0 0 0 1 1 0 345 1 1.1 0.9\n${BUS_ROW.replace('1 3', '3 1')}];`),
    );
    expect(c.bus.rows.map((row) => row[0])).toEqual([1, 2, 3]);
    expect(c.bus.lines).toEqual([4, 4, 5]);
  });

  it('joins `...` continuations into one row, which keeps the line where it starts', () => {
    const c = parse(
      withBus(
        `mpc.bus = [\n 1 3 0 0 0 0 ... the rest of the line is a comment\n 1 1 0 345 1 1.1 0.9;\n 2 2 0 0 0 0 1 1 0 345 1 1.1 0.9\n 3 1 90 30 0 0 1 1 0 345 1 1.1 0.9\n];`,
      ),
    );
    expect(c.bus.rows[0]).toHaveLength(13);
    expect(c.bus.lines).toEqual([5, 7, 8]);
  });

  it('reads number spellings: scientific notation, .5, 5., -0, Inf, -Inf, inf', () => {
    const text = withBus(`mpc.bus = [
  1 3 1e-3 1.2E+02 .5 -.5 1 1 0 345 1 5. 0.9;
  2 2 -0 +2 0 0 1 1 0 345 1 1.1 0.9;
  3 1 90 30 0 0 1 1 0 345 1 1.1 0.9;
];`);
    const c = replaced(text, '300\t-300\t1.04', 'Inf\t-Inf\t1.04').replace(
      '300\t-300\t1.025',
      'inf\t-inf\t1.025',
    );
    const parsed = parse(c);
    expect(parsed.bus.rows[0].slice(2, 6)).toEqual([0.001, 120, 0.5, -0.5]);
    expect(parsed.bus.rows[0][11]).toBe(5);
    expect(Object.is(parsed.bus.rows[1][PD], -0)).toBe(true);
    expect(parsed.bus.rows[1][QD]).toBe(2);
    expect(parsed.gen.rows.map((row) => [row[QMAX], row[QMIN]])).toEqual([
      [Infinity, -Infinity],
      [Infinity, -Infinity],
    ]);
  });

  it('tells a sign that starts an element from a binary operator, as MATLAB does', () => {
    const text = replaced(MINI_CASE, '2\t2000\t0\t3\t0.085\t1.2\t600', '2 2000 0 3 1 -2 - 1 7');
    expect(parse(text).gencost?.rows[1]).toEqual([2, 2000, 0, 3, 1, -3, 7]);
    const text2 = replaced(MINI_CASE, '2\t2000\t0\t3\t0.085\t1.2\t600', '2 2000 0 3 1-2 4 +5');
    expect(parse(text2).gencost?.rows[1]).toEqual([2, 2000, 0, 3, -1, 4, 5]);
  });

  it('evaluates expressions inside data, as in case533mt_hi (`50/3`, `12/sqrt(3)`)', () => {
    const text = replaced(
      withBus(
        `mpc.bus = [\n 1 3 0 0 0 0 1 1 0 135/sqrt(3) 1 1 1\n 2 2 0 0 0 0 1 1 0 12/sqrt(3)\t1 1.05 0.95;\n 3 1 2*45 (40-10) 0 0 1 1 0 2^3 1 1.1 0.9;\n];`,
      ),
      'mpc.baseMVA = 100;',
      'mpc.baseMVA = 50/3;',
    );
    const c = parse(text);
    expect(c.baseMva).toBe(50 / 3);
    expect(c.bus.rows.map((row) => row[BASE_KV])).toEqual([135 / Math.sqrt(3), 12 / Math.sqrt(3), 8]);
    expect(c.bus.rows[2].slice(2, 4)).toEqual([90, 30]);
  });

  it('accepts an empty gencost matrix and CRLF line ends', () => {
    const text = MINI_CASE.replace(/mpc\.gencost = \[[^\]]*\];/, 'mpc.gencost = [];').replaceAll(
      '\n',
      '\r\n',
    );
    const c = parse(text);
    expect(c.gencost).toBeUndefined();
    expect(c.bus.lines).toEqual([5, 6, 7]);
  });

  it('skips %{ ... %} block comments and # comments', () => {
    const text = replaced(
      MINI_CASE,
      'mpc.bus = [',
      '%{\nmpc.bus = [ 1 2 3 ];\n%}\n# octave comment\nmpc.bus = [',
    );
    expect(parse(text).bus.lines).toEqual([9, 10, 11]);
  });
});

describe('names and other fields', () => {
  it('reads bus_name, gentype and genfuel cell arrays (with doubled quotes)', () => {
    const text = `${MINI_CASE}mpc.bus_name = {\n\t'One';\n\t'Bob''s bus';\n\t"Three"\n};\nmpc.gentype = {'ST'; 'GT'};\nmpc.genfuel = { 'coal', 'ng' };\n`;
    const c = parse(text);
    expect(c.busName).toEqual(['One', "Bob's bus", 'Three']);
    expect(c.genType).toEqual(['ST', 'GT']);
    expect(c.genFuel).toEqual(['coal', 'ng']);
  });

  it('skips unknown fields of every shape with one warning per field', () => {
    const text = `${MINI_CASE}mpc.areas = [1 5];
mpc.bus_geo = [
  1 2; % a ] in a comment
  3 4;
];
mpc.reserves.zones = [1 1 1];
mpc.reserves.req = 250;
mpc.note = 'a [ string with { brackets';
mpc.cells = { 'a', [1 2]; 'b', {3} };
`;
    const c = parse(text);
    const base = lineOf(text, 'mpc.areas');
    expect(c.warnings).toEqual([
      `test.m:${base}: mpc.areas is ignored`,
      `test.m:${base + 1}: mpc.bus_geo is ignored`,
      `test.m:${base + 5}: mpc.reserves is ignored`,
      `test.m:${base + 7}: mpc.note is ignored`,
      `test.m:${base + 8}: mpc.cells is ignored`,
    ]);
  });

  it('refuses fields that would change the power flow (DC lines, callbacks), naming the line', () => {
    const text = `${MINI_CASE}mpc.dcline = [
  1 2 1 10 8.9 0 0 1.01 1 10 200 -Inf Inf -Inf Inf 0 0;
];
mpc.userfcn = struct( ...
  'name', 'x', 'fcn', @(x) x' );
`;
    const result = parseMatpower(text, 'test.m');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const base = lineOf(text, 'mpc.dcline');
    expect(result.errors.map(formatMatpowerError)).toEqual([
      `test.m:${base}: mpc.dcline: DC lines are not supported yet; refusing to load a case whose flows would be wrong`,
      `test.m:${base + 3}: mpc.userfcn: MATPOWER callback functions are not supported; refusing to load a case they would change`,
    ]);
  });

  it('pads a 10-column gen matrix with zeros and an 11-column branch matrix with -360/360', () => {
    let text = MINI_CASE.replace(/(\t10)(\t0){11};/g, '$1;');
    text = text.replace(/(\t1)\t-360\t360;/g, '$1;');
    const c = parse(text);
    expect(c.gen.rows[0]).toHaveLength(21);
    expect(c.gen.rows[0][PMAX]).toBe(250);
    expect(c.gen.rows[0][APF]).toBe(0);
    expect(c.branch.rows.map((row) => [row[ANGMIN], row[ANGMAX]])).toEqual([
      [-360, 360],
      [-360, 360],
    ]);
    expect(c.warnings).toEqual([
      'test.m:9: mpc.gen has 10 columns; PC1, PC2, QC1MIN, QC1MAX, QC2MIN, QC2MAX, RAMP_AGC, RAMP_10, RAMP_30, RAMP_Q, APF set to 0',
      'test.m:13: mpc.branch has 11 columns; ANGMIN, ANGMAX set to -360, 360',
    ]);
  });

  it('warns about text after the closing end and ignores it', () => {
    const text = `${MINI_CASE}end\n\nfunction helper\n  mpc.bus(1, 3) = 99;\nend\n`;
    const c = parse(text);
    expect(c.bus.rows[0][PD]).toBe(0);
    expect(c.warnings).toEqual([
      `test.m:${lineOf(text, 'end\n')}: text after 'end' is ignored (MATLAB never runs it here)`,
    ]);
  });
});
