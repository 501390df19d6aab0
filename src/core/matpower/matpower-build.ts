/**
 * Checks what was read from a case file and turns it into a `MatpowerCase`: version 2, a positive baseMVA,
 * the required matrices with enough columns, no NaN, infinity only in limit columns, gencost rows that
 * match their cost model, name lists as long as their matrices. Rows are normalised to standard widths.
 */

import {
  BRANCH_COLUMNS,
  BUS_COLUMNS,
  GEN_COLUMNS,
  type MatpowerCase,
  type MatpowerMatrix,
} from './matpower-case.ts';
import { count, type Diagnostics, type MatpowerParseResult } from './matpower-error.ts';
import type { CaseMatrix } from './matpower-evaluate.ts';
import { allowsInfinity, columnName, type MatrixField, MIN_COLUMNS } from './matpower-schema.ts';
import type { ReadCase } from './matpower-statements.ts';

const WIDTHS: Readonly<Record<MatrixField, number | undefined>> = {
  bus: BUS_COLUMNS,
  gen: GEN_COLUMNS,
  branch: BRANCH_COLUMNS,
  gencost: undefined,
};

export function buildMatpowerCase(
  read: ReadCase,
  fileName: string,
  diagnostics: Diagnostics,
): MatpowerParseResult {
  if (read.refused) return { ok: false, errors: diagnostics.finalErrors() };
  checkVersion(read, diagnostics);
  const baseMva = read.state.baseMva;
  if (baseMva === undefined) diagnostics.error(0, 'no mpc.baseMVA');
  else if (!(Number.isFinite(baseMva) && baseMva > 0)) {
    diagnostics.error(read.baseMvaLine, `mpc.baseMVA must be a positive number, not ${baseMva}`);
  }
  const matrices = read.state.matrices;
  for (const field of ['bus', 'gen', 'branch'] as const) {
    if (matrices[field] === undefined) diagnostics.error(0, `no mpc.${field} matrix`);
  }
  if (matrices.bus !== undefined && matrices.bus.rows.length === 0)
    diagnostics.error(matrices.bus.line, 'mpc.bus is empty');
  const bus = normalise('bus', matrices.bus, diagnostics);
  const gen = normalise('gen', matrices.gen, diagnostics);
  const branch = normalise('branch', matrices.branch, diagnostics);
  const gencost = matrices.gencost?.rows.length
    ? normalise('gencost', matrices.gencost, diagnostics)
    : undefined;
  if (gencost !== undefined && matrices.gencost !== undefined && gen !== undefined) {
    checkGencost(gencost, gen.rows.length, matrices.gencost.line, diagnostics);
  }
  const busName = namesFor(read, 'bus_name', bus, 'mpc.bus', diagnostics);
  const genType = namesFor(read, 'gentype', gen, 'mpc.gen', diagnostics);
  const genFuel = namesFor(read, 'genfuel', gen, 'mpc.gen', diagnostics);
  if (
    diagnostics.hasErrors ||
    baseMva === undefined ||
    bus === undefined ||
    gen === undefined ||
    branch === undefined
  ) {
    return { ok: false, errors: diagnostics.finalErrors() };
  }
  const value: MatpowerCase = {
    name: read.caseName ?? caseNameFromFile(fileName),
    version: '2',
    baseMva,
    bus,
    gen,
    branch,
    ...(gencost && { gencost }),
    ...(busName && { busName }),
    ...(genFuel && { genFuel }),
    ...(genType && { genType }),
    warnings: diagnostics.warnings,
  };
  return { ok: true, value };
}

function checkVersion(read: ReadCase, diagnostics: Diagnostics): void {
  const version = read.version;
  if (version === undefined) {
    // loadcase reads a struct without a version as version 1 unless mpc.gen has 21 or more columns.
    const gen = read.state.matrices.gen;
    if (gen !== undefined && gen.rows.length > 0 && gen.rows[0].length >= 21) {
      diagnostics.warn(gen.line, 'no mpc.version; read as version 2 because mpc.gen has 21 or more columns');
    } else {
      diagnostics.error(
        0,
        'no mpc.version, so MATPOWER would read this as a version 1 case; version 2 is required',
      );
    }
  } else if (version.value === '1') {
    diagnostics.error(version.line, 'MATPOWER case format version 1 is not supported; version 2 is required');
  } else if (version.value !== '2') {
    diagnostics.error(version.line, `unknown case format version '${version.value}'; version 2 is required`);
  }
}

/**
 * Checks the column count and every value of a matrix, then pads or cuts its rows to the standard width.
 * Returns undefined if the matrix is missing or too narrow (already reported).
 */
function normalise(
  field: MatrixField,
  matrix: CaseMatrix | undefined,
  diagnostics: Diagnostics,
): MatpowerMatrix | undefined {
  if (matrix === undefined) return undefined;
  const { rows, lines } = matrix;
  if (rows.length === 0) return { rows, lines };
  const width = rows[0].length;
  if (width < MIN_COLUMNS[field]) {
    diagnostics.error(
      lines[0],
      `${field} row has ${count(width, 'column')}, at least ${MIN_COLUMNS[field]} needed`,
    );
    return undefined;
  }
  const target = WIDTHS[field] ?? width;
  const kept = Math.min(width, target);
  rows.forEach((row, r) => {
    for (let c = 0; c < kept; c++) {
      const x = row[c];
      if (Number.isFinite(x)) continue;
      const name = columnName(field, c);
      if (Number.isNaN(x)) diagnostics.error(lines[r], `${field} row has NaN in column ${name}`);
      else if (!allowsInfinity(field, c)) {
        const infinity = x > 0 ? 'Inf' : '-Inf';
        diagnostics.error(lines[r], `${field} row has ${infinity} in column ${name}, which must be finite`);
      }
    }
  });
  if (width === target) return { rows, lines };
  const names = (from: number, to: number): string =>
    Array.from({ length: to - from }, (_, i) => columnName(field, from + i)).join(', ');
  if (width > target) {
    const dropped = `columns ${target + 1}-${width} (${names(target, width)})`;
    diagnostics.warn(matrix.line, `mpc.${field} has ${width} columns; ${dropped} are ignored`);
    return { rows: rows.map((row) => row.slice(0, target)), lines };
  }
  const filled = field === 'branch' ? 'ANGMIN, ANGMAX set to -360, 360' : `${names(width, target)} set to 0`;
  diagnostics.warn(matrix.line, `mpc.${field} has ${width} columns; ${filled}`);
  const padding =
    field === 'branch' ? [-360, 360].slice(width - 11) : new Array<number>(target - width).fill(0);
  return { rows: rows.map((row) => [...row, ...padding]), lines };
}

/** One row per generator (or two, with reactive power costs), each long enough for its model. */
function checkGencost(
  gencost: MatpowerMatrix,
  genCount: number,
  line: number,
  diagnostics: Diagnostics,
): void {
  const rows = gencost.rows.length;
  if (rows !== genCount && rows !== 2 * genCount) {
    const expected = `${genCount} (one per generator) or ${2 * genCount} (with reactive power costs)`;
    diagnostics.error(line, `mpc.gencost has ${count(rows, 'row')}; expected ${expected}`);
  }
  gencost.rows.forEach((row, r) => {
    const [model, , , ncost] = row;
    if (model !== 1 && model !== 2) {
      diagnostics.error(
        gencost.lines[r],
        `gencost row has MODEL ${model}; must be 1 (piecewise linear) or 2 (polynomial)`,
      );
    } else if (!Number.isInteger(ncost) || ncost < 0) {
      diagnostics.error(gencost.lines[r], `gencost row has NCOST ${ncost}; must be a whole number`);
    } else {
      const needed = 4 + (model === 1 ? 2 : 1) * ncost;
      if (row.length < needed) {
        const why = `MODEL ${model} with NCOST ${ncost} needs at least ${needed}`;
        diagnostics.error(gencost.lines[r], `gencost row has ${count(row.length, 'column')}, but ${why}`);
      }
    }
  });
}

function namesFor(
  read: ReadCase,
  field: 'bus_name' | 'gentype' | 'genfuel',
  matrix: MatpowerMatrix | undefined,
  matrixLabel: string,
  diagnostics: Diagnostics,
): string[] | undefined {
  const names = read.names[field];
  if (names === undefined) return undefined;
  if (matrix !== undefined && names.values.length !== matrix.rows.length) {
    const counts = `${names.values.length} entries, but ${matrixLabel} has ${matrix.rows.length} rows`;
    diagnostics.error(names.line, `mpc.${field} has ${counts}`);
  }
  return names.values;
}

/** `data/case9.m` -> `case9`. */
function caseNameFromFile(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return base.endsWith('.m') ? base.slice(0, -2) : base;
}
