/**
 * Reads every MATPOWER case in ../shared/cases/matpower and checks its row counts against the table of
 * that folder's README, plus names, normalised widths, source lines and a few values.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUS_I,
  GEN_BUS,
  type MatpowerCase,
  PD,
  PG,
  parseMatpower,
  RATE_A,
} from '../src/core/matpower/index.ts';
import { matpowerDir } from './support/shared-dir.ts';

const CASES_DIR = matpowerDir;

/** Rows of bus, branch and gen in each case, as listed in the README table. */
const EXPECTED: Record<string, readonly [number, number, number]> = {
  case9: [9, 9, 3],
  case14: [14, 20, 5],
  case30: [30, 41, 6],
  case39: [39, 46, 10],
  case57: [57, 80, 7],
  case118: [118, 186, 54],
  case300: [300, 411, 69],
  case1354pegase: [1354, 1991, 260],
  case2383wp: [2383, 2896, 327],
  case_ACTIVSg2000: [2000, 3206, 544],
  case9241pegase: [9241, 16049, 1445],
};

function read(name: string): { text: string; result: ReturnType<typeof parseMatpower> } {
  const text = readFileSync(join(CASES_DIR, `${name}.m`), 'utf8');
  return { text, result: parseMatpower(text, `${name}.m`) };
}

function parsed(name: string): MatpowerCase {
  const { result } = read(name);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('MATPOWER cases of ../shared/cases/matpower', () => {
  it('has a row count entry for every case file in the folder', () => {
    const files = readdirSync(CASES_DIR).filter((f) => f.endsWith('.m'));
    expect(files.map((f) => f.slice(0, -2)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s has the README row counts', (name, [buses, branches, gens]) => {
    const c = parsed(name);
    expect([c.bus.rows.length, c.branch.rows.length, c.gen.rows.length]).toEqual([buses, branches, gens]);
    expect(c.name).toBe(name);
    expect(c.version).toBe('2');
    expect(c.baseMva).toBe(100);
    expect(c.gencost?.rows.length).toBe(gens);
    expect(c.bus.lines).toHaveLength(buses);
    expect(c.bus.rows.every((row) => row.length === 13)).toBe(true);
    expect(c.gen.rows.every((row) => row.length === 21)).toBe(true);
    expect(c.branch.rows.every((row) => row.length === 13)).toBe(true);
  });

  it('keeps the source line of every row (case9)', () => {
    const c = parsed('case9');
    expect(c.bus.lines).toEqual([29, 30, 31, 32, 33, 34, 35, 36, 37]);
    expect(c.gen.lines).toEqual([43, 44, 45]);
    expect(c.bus.rows[4][PD]).toBe(90);
    expect(c.gen.rows[0][PG]).toBe(72.3);
    expect(c.branch.rows[2][RATE_A]).toBe(150);
    expect(c.gencost?.rows[0]).toEqual([2, 1500, 0, 3, 0.11, 5, 150]);
    expect(c.warnings).toEqual([]);
  });

  it('reads bus names where a case has them', () => {
    expect(parsed('case14').busName?.slice(0, 2)).toEqual(['Bus 1     HV', 'Bus 2     HV']);
    expect(parsed('case118').busName?.[0]).toBe('Riversde  V2');
    const activs = parsed('case_ACTIVSg2000');
    expect(activs.busName?.[0]).toBe('ODESSA 2 0');
    expect(activs.busName).toHaveLength(2000);
    expect(activs.genType?.slice(0, 4)).toEqual(['W2', 'W2', 'W2', 'PV']);
    expect(activs.genFuel?.slice(0, 4)).toEqual(['wind', 'wind', 'wind', 'solar']);
  });

  it('drops the result columns of case_ACTIVSg2000 (17, 25 and 21 columns) with warnings', () => {
    const c = parsed('case_ACTIVSg2000');
    expect(c.warnings).toEqual([
      'case_ACTIVSg2000.m:48: mpc.bus has 17 columns; columns 14-17 (LAM_P, LAM_Q, MU_VMAX, MU_VMIN) are ignored',
      'case_ACTIVSg2000.m:2053: mpc.gen has 25 columns; columns 22-25 (MU_PMAX, MU_PMIN, MU_QMAX, MU_QMIN) are ignored',
      'case_ACTIVSg2000.m:2602: mpc.branch has 21 columns; columns 14-21 (PF, QF, PT, QT, MU_SF, MU_ST, MU_ANGMIN, MU_ANGMAX) are ignored',
    ]);
  });

  it('reads non-consecutive bus numbers and the first and last rows of case9241pegase', () => {
    const { text, result } = read('case9241pegase');
    if (!result.ok) throw new Error('case9241pegase did not parse');
    const c = result.value;
    expect(c.bus.lines[0]).toBe(73);
    expect(c.bus.rows[0].slice(0, 4)).toEqual([1, 1, 378.4, 98.5]);
    const lastGenLine = text.split('\n')[c.gen.lines[1444] - 1];
    expect(lastGenLine.trim().split(/\s+/)[0]).toBe(String(c.gen.rows[1444][GEN_BUS]));
    expect(new Set(c.bus.rows.map((row) => row[BUS_I])).size).toBe(9241);
  });
});
