/**
 * Converts a MATPOWER case into a Kirchhoff grid: buses keep their numbers as ids, bus loads and
 * shunts become load and shunt elements, areas become zones, `Inf` limits become absent limits,
 * and cost rows become cost curves. Problems are reported with the case file line they come from.
 */
import {
  type CostCurve,
  formatGridIssue,
  GRID_FORMAT,
  GRID_FORMAT_VERSION,
  type Grid,
  isGridError,
  validateGrid,
} from '../grid/index.ts';
import {
  ANGMAX,
  ANGMIN,
  BASE_KV,
  BR_B,
  BR_R,
  BR_STATUS,
  BR_X,
  BS,
  BUS_AREA,
  BUS_I,
  BUS_TYPE,
  COST,
  F_BUS,
  GEN_BUS,
  GEN_STATUS,
  GS,
  type MatpowerCase,
  MBASE,
  MODEL,
  NCOST,
  PD,
  PG,
  PMAX,
  PMIN,
  POLYNOMIAL,
  PW_LINEAR,
  QD,
  QG,
  QMAX,
  QMIN,
  RAMP_10,
  RATE_A,
  RATE_B,
  RATE_C,
  SHIFT,
  SHUTDOWN,
  STARTUP,
  T_BUS,
  TAP,
  VA,
  VG,
  VM,
  VMAX,
  VMIN,
} from './matpower-case.ts';
import { formatMatpowerError, type MatpowerError } from './matpower-error.ts';

export type MatpowerConversion =
  | { readonly ok: true; readonly grid: Grid; readonly warnings: string[] }
  | { readonly ok: false; readonly errors: MatpowerError[] };

const busTypes = { 1: 'pq', 2: 'pv', 3: 'slack', 4: 'isolated' } as const;

const finiteOrUndefined = (x: number) => (Number.isFinite(x) ? x : undefined);

/** Converts a parsed case; `file` names the source in messages. */
export function convertMatpowerCase(mpc: MatpowerCase, file: string): MatpowerConversion {
  const errors: MatpowerError[] = [];
  const warnings = [...mpc.warnings];
  // Source line of each element, by collection, to place validation issues in the file.
  const linesOf: Record<string, number[]> = { buses: [], loads: [], shunts: [] };

  const areas = new Set<number>();
  const buses: Grid['buses'] = [];
  const startAtOne = (line: number, id: string) => {
    warnings.push(
      formatMatpowerError({ file, line, message: `bus ${id}: VM is not positive; starting from 1 p.u.` }),
    );
    return 1;
  };
  const loads: Grid['loads'] = [];
  const shunts: Grid['shunts'] = [];
  mpc.bus.rows.forEach((row, i) => {
    const line = mpc.bus.lines[i];
    const id = String(row[BUS_I]);
    const type = busTypes[row[BUS_TYPE] as 1 | 2 | 3 | 4];
    if (type === undefined) {
      errors.push({ file, line, message: `bus ${id}: BUS_TYPE ${row[BUS_TYPE]} is not 1, 2, 3 or 4` });
      return;
    }
    areas.add(row[BUS_AREA]);
    linesOf.buses.push(line);
    buses.push({
      id,
      name: mpc.busName?.[i],
      zoneId: `area-${row[BUS_AREA]}`,
      baseKv: row[BASE_KV],
      type,
      vmPu: row[VM] > 0 ? row[VM] : startAtOne(line, id),
      vaDeg: row[VA],
      vmMinPu: row[VMIN] > 0 ? row[VMIN] : 0.9,
      vmMaxPu: row[VMAX] > 0 ? row[VMAX] : 1.1,
      inService: true,
    });
    if (row[PD] !== 0 || row[QD] !== 0) {
      linesOf.loads.push(line);
      loads.push({
        id: `load-${id}`,
        busId: id,
        pMw: row[PD],
        qMvar: row[QD],
        priority: 'essential',
        inService: true,
      });
    }
    if (row[GS] !== 0 || row[BS] !== 0) {
      linesOf.shunts.push(line);
      shunts.push({ id: `shunt-${id}`, busId: id, gMw: row[GS], bMvar: row[BS], inService: true });
    }
  });

  const generators: Grid['generators'] = mpc.gen.rows.map((row, k) => {
    const cost = mpc.gencost
      ? convertCost(mpc.gencost.rows[k], mpc.gencost.lines[k], file, errors)
      : undefined;
    return {
      id: `gen-${k + 1}`,
      busId: String(row[GEN_BUS]),
      pMw: row[PG],
      qMvar: row[QG],
      pMinMw: Number.isFinite(row[PMIN]) ? row[PMIN] : 0,
      pMaxMw: finiteOrUndefined(row[PMAX]),
      qMinMvar: finiteOrUndefined(row[QMIN]),
      qMaxMvar: finiteOrUndefined(row[QMAX]),
      vSetPu: row[VG] > 0 ? row[VG] : 1,
      mBaseMva: row[MBASE] > 0 ? row[MBASE] : undefined,
      rampMwPerMin: row[RAMP_10] > 0 ? row[RAMP_10] / 10 : undefined,
      cost,
      fuel: mpc.genFuel?.[k],
      inService: row[GEN_STATUS] > 0,
    };
  });
  if (mpc.gencost && mpc.gencost.rows.length > mpc.gen.rows.length) {
    warnings.push(`${file}: reactive power costs (gencost rows ${mpc.gen.rows.length + 1}..) are ignored`);
  }

  const branches: Grid['branches'] = mpc.branch.rows.map((row, k) => {
    const isTransformer = row[TAP] !== 0 || row[SHIFT] !== 0;
    const angMin = row[ANGMIN];
    const angMax = row[ANGMAX];
    return {
      id: `branch-${k + 1}`,
      kind: isTransformer ? 'transformer' : 'line',
      fromBusId: String(row[F_BUS]),
      toBusId: String(row[T_BUS]),
      rPu: row[BR_R],
      xPu: row[BR_X],
      bPu: row[BR_B],
      rateAMva: row[RATE_A] > 0 ? row[RATE_A] : undefined,
      rateBMva: row[RATE_B] > 0 ? row[RATE_B] : undefined,
      rateCMva: row[RATE_C] > 0 ? row[RATE_C] : undefined,
      tapRatio: row[TAP] === 0 ? 1 : row[TAP],
      shiftDeg: row[SHIFT],
      angMinDeg: angMin > -360 && !(angMin === 0 && angMax === 0) ? angMin : undefined,
      angMaxDeg: angMax < 360 && !(angMin === 0 && angMax === 0) ? angMax : undefined,
      inService: row[BR_STATUS] > 0,
    };
  });

  const grid: Grid = {
    format: GRID_FORMAT,
    version: GRID_FORMAT_VERSION,
    name: mpc.name,
    baseMva: mpc.baseMva,
    frequencyHz: 50,
    zones: [...areas]
      .sort((a, b) => a - b)
      .map((a) => ({ id: `area-${a}`, name: `area ${a}`, kind: 'area' })),
    buses,
    branches,
    switches: [],
    generators,
    loads,
    shunts,
    storage: [],
    pv: [],
    evChargers: [],
  };
  linesOf.generators = mpc.gen.lines;
  linesOf.branches = mpc.branch.lines;
  for (const issue of validateGrid(grid)) {
    const element = /^([a-zA-Z]+)\[(\d+)\]/.exec(issue.path);
    const line = (element === null ? undefined : linesOf[element[1]]?.[Number(element[2])]) ?? 0;
    if (isGridError(issue)) errors.push({ file, line, message: formatGridIssue(issue) });
    else warnings.push(formatMatpowerError({ file, line, message: formatGridIssue(issue) }));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, grid, warnings };
}

function convertCost(
  row: number[] | undefined,
  line: number,
  file: string,
  errors: MatpowerError[],
): CostCurve | undefined {
  if (row === undefined) return undefined;
  const n = row[NCOST];
  const startupCost = Math.max(0, row[STARTUP]);
  const shutdownCost = Math.max(0, row[SHUTDOWN]);
  if (row[MODEL] === POLYNOMIAL) {
    const coefficients = row.slice(COST, COST + n).reverse();
    return {
      model: 'polynomial',
      coefficients: coefficients.length > 0 ? coefficients : [0],
      startupCost,
      shutdownCost,
    };
  }
  if (row[MODEL] === PW_LINEAR) {
    const points = [];
    for (let j = 0; j < n; j++) points.push({ pMw: row[COST + 2 * j], costPerHour: row[COST + 2 * j + 1] });
    return { model: 'piecewise-linear', points, startupCost, shutdownCost };
  }
  errors.push({
    file,
    line,
    message: `gencost MODEL ${row[MODEL]} is neither 1 (piecewise linear) nor 2 (polynomial)`,
  });
  return undefined;
}
