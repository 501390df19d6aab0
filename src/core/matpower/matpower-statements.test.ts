/**
 * Statements after the data, as MATPOWER's distribution cases use them (case33bw, case69, case85, case141,
 * case10ba ...: Ohm -> p.u. and kW -> MW conversions), run on an inline mini case; and the forms refused.
 */

import { describe, expect, it } from 'vitest';
import {
  BR_R,
  BR_X,
  BS,
  GS,
  type MatpowerCase,
  PD,
  PMAX,
  parseMatpower,
  QD,
  QMAX,
  QMIN,
  RATE_A,
} from './index.ts';
import { MINI_CASE, replaced } from './matpower-fixtures.ts';

/** MINI_CASE as a distribution feeder: 10 MVA base, 12.66 kV, loads in kW and impedances in Ohm. */
const FEEDER = MINI_CASE.replace('mpc.baseMVA = 100;', 'mpc.baseMVA = 10;').replaceAll(
  '\t345\t',
  '\t12.66\t',
);

/** The conversion block of case33bw.m, case69.m, case85.m ... (MATPOWER 8), verbatim. */
const OHM_AND_KW_CONVERSION = `
%% convert branch impedances from Ohms to p.u.
[PQ, PV, REF, NONE, BUS_I, BUS_TYPE, PD, QD, GS, BS, BUS_AREA, VM, ...
    VA, BASE_KV, ZONE, VMAX, VMIN, LAM_P, LAM_Q, MU_VMAX, MU_VMIN] = idx_bus;
[F_BUS, T_BUS, BR_R, BR_X, BR_B, RATE_A, RATE_B, RATE_C, ...
    TAP, SHIFT, BR_STATUS, PF, QF, PT, QT, MU_SF, MU_ST, ...
    ANGMIN, ANGMAX, MU_ANGMIN, MU_ANGMAX] = idx_brch;
Vbase = mpc.bus(1, BASE_KV) * 1e3;      %% in Volts
Sbase = mpc.baseMVA * 1e6;              %% in VA
mpc.branch(:, [BR_R BR_X]) = mpc.branch(:, [BR_R BR_X]) / (Vbase^2 / Sbase);

%% convert loads from kW to MW
mpc.bus(:, [PD, QD]) = mpc.bus(:, [PD, QD]) / 1e3;
`;

/** The extra block of case141.m: loads given in kVA at a 0.85 power factor. */
const POWER_FACTOR_CONVERSION = `
%% convert loads from MVA to MW and MVAr, using 0.85 power factor
pf = 0.85;
mpc.bus(:, QD) = mpc.bus(:, PD) * sin(acos(pf));
mpc.bus(:, PD) = mpc.bus(:, PD) * pf;
`;

function parse(text: string): MatpowerCase {
  const result = parseMatpower(text, 'feeder.m');
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.value;
}

function errorLines(text: string): string[] {
  const result = parseMatpower(text, 'feeder.m');
  if (result.ok) throw new Error('expected the case to be refused');
  return result.errors.map((e) => `${e.line}: ${e.message}`);
}

describe('statements after the data', () => {
  it('converts Ohm to p.u. and kW to MW exactly as MATLAB evaluates it', () => {
    const plain = parse(FEEDER);
    const converted = parse(FEEDER + OHM_AND_KW_CONVERSION);
    const zBase = (12.66 * 1e3) ** 2 / (10 * 1e6);
    expect(converted.branch.rows.map((row) => [row[BR_R], row[BR_X]])).toEqual(
      plain.branch.rows.map((row) => [row[BR_R] / zBase, row[BR_X] / zBase]),
    );
    expect(converted.branch.rows[1][BR_X]).toBeCloseTo(0.092 / 16.027_56, 9);
    expect(converted.bus.rows[2].slice(PD, QD + 1)).toEqual([90 / 1e3, 30 / 1e3]);
    expect(converted.branch.rows[0][RATE_A]).toBe(250);
    expect(converted.bus.rows[2][BS]).toBe(0);
    expect(converted.warnings).toEqual([]);
  });

  it("converts kVA loads at a 0.85 power factor with sin(acos(pf)) (case141's form)", () => {
    const c = parse(FEEDER + OHM_AND_KW_CONVERSION + POWER_FACTOR_CONVERSION);
    expect(c.bus.rows[2][QD]).toBe((90 / 1e3) * Math.sin(Math.acos(0.85)));
    expect(c.bus.rows[2][PD]).toBe((90 / 1e3) * 0.85);
  });

  it('runs define_constants, ~ outputs, end, ranges, literals and element-wise operators', () => {
    const code = `
define_constants;
[~, ~, ~, ~, ~, ~, ~, ~, ~, ~, ~, ~, ~, ~, ~, ~, ~, MYRATE] = idx_brch;
mpc.gen(:, PMAX) = Inf;
mpc.gen(2, [QMAX QMIN]) = [50 -50];
mpc.bus(end, PD) = 1.5e2;
mpc.branch(1:2, RATE_A) = mpc.branch(1:2, RATE_A) .* [2; 3] ./ 2 + 0 * MYRATE;
mpc.bus(1:end, BS) = (2 - 1)^-1 * mpc.bus(:, BS) + [1 2 3]';
mpc.bus(:, GS) = [4 5 6];
`;
    const c = parse(MINI_CASE + code);
    expect(c.gen.rows.map((row) => row[PMAX])).toEqual([Infinity, Infinity]);
    expect([c.gen.rows[1][QMAX], c.gen.rows[1][QMIN]]).toEqual([50, -50]);
    expect(c.bus.rows[2][PD]).toBe(150);
    expect(c.branch.rows.map((row) => row[RATE_A])).toEqual([250, 375]);
    expect(c.bus.rows.map((row) => [row[GS], row[BS]])).toEqual([
      [4, 1],
      [5, 2],
      [6, 3],
    ]);
  });

  it('names each refused statement with its line and reason', () => {
    const cases: [string, string][] = [
      ['mpc.bus(:, 14) = 0;', 'index 14 is beyond the 13 mpc.bus columns'],
      ['mpc.bus(:, 3) = mpc.bus(:, [3 4]);', 'assigns a 3×2 value to 3×1 elements'],
      ['mpc.bus(:, 3) = sqrt(-1);', 'produces NaN in mpc.bus row 1 column PD'],
      ['mpc.branch(:, 4) = mpc.branch(:, 4) / 0;', 'produces Inf in mpc.branch row 1 column BR_X'],
      ['c = idx_dcline;', "unknown name 'idx_dcline'"],
      [
        'x = mpc.bus(:, [3 4]) * mpc.bus(:, [3 4]);',
        "matrix operator '*' is not supported (only element-wise)",
      ],
      ['x = y + 1;', "unknown name 'y'"],
      ['mpc.bus(3) = 1;', 'mpc.bus must be indexed as (rows, columns)'],
      ['mpc.bus_name{1} = 1;', 'mpc.bus_name is changed in place'],
      ['[a, b] = max([1 2]);', "'max' is not an idx_* function"],
      ['disp(mpc.baseMVA);', 'not an assignment'],
      ['x = toString(1);', "unknown function 'toString'"],
      ['x = constructor;', "unknown name 'constructor'"],
    ];
    for (const [statement, reason] of cases) {
      const refusal =
        'unsupported statement after the data; refusing to load a case that would be read wrong';
      expect(errorLines(`${MINI_CASE}${statement}\n`)).toEqual([
        `21: ${refusal}: ${statement.slice(0, -1)} (${reason})`,
      ]);
    }
  });

  it('refuses code that runs before the data it needs', () => {
    const text = replaced(MINI_CASE, "mpc.version = '2';", "mpc.version = '2';\nx = mpc.bus(1, 1);");
    expect(errorLines(text)).toEqual([
      '3: unsupported statement; refusing to load a case that would be read wrong: x = mpc.bus(1, 1) (mpc.bus is not set yet)',
    ]);
  });

  it('does not run the statements after a refused one, so only the first is reported', () => {
    const code = `\nVbase = mpc.bus(1, BASE_KV) * 1e3;\nSbase = mpc.baseMVA * 1e6;\nmpc.branch(:, 3) = mpc.branch(:, 3) / (Vbase^2 / Sbase);\n`;
    expect(errorLines(MINI_CASE + code)).toEqual([
      "22: unsupported statement after the data; refusing to load a case that would be read wrong: Vbase = mpc.bus(1, BASE_KV) * 1e3 (unknown name 'BASE_KV')",
    ]);
  });
});
