/**
 * What the reader knows about the fields of a version 2 case: which matrices and name lists it reads,
 * how wide their rows must be, column names, which columns may hold an infinite limit, and the 1-based
 * outputs of MATPOWER's idx_bus, idx_gen, idx_brch and idx_cost (for statements that follow the data).
 */

import {
  ANGMAX,
  ANGMIN,
  PMAX,
  PMIN,
  QMAX,
  QMIN,
  RAMP_10,
  RAMP_30,
  RAMP_AGC,
  RAMP_Q,
} from './matpower-case.ts';

export type MatrixField = 'bus' | 'gen' | 'branch' | 'gencost';
export type NameField = 'bus_name' | 'gentype' | 'genfuel';

export const isMatrixField = (name: string): name is MatrixField =>
  name === 'bus' || name === 'gen' || name === 'branch' || name === 'gencost';
export const isNameField = (name: string): name is NameField =>
  name === 'bus_name' || name === 'gentype' || name === 'genfuel';

/** Fewest columns MATPOWER needs: bus through VMIN, gen through PMIN, branch through BR_STATUS. */
export const MIN_COLUMNS: Readonly<Record<MatrixField, number>> = {
  bus: 13,
  gen: 10,
  branch: 11,
  gencost: 4,
};

const words = (list: string): string[] => list.trim().split(/\s+/);

/** Column names by 0-based index, including the result columns MATPOWER appends after a solution. */
const COLUMN_NAMES: Readonly<Record<MatrixField, readonly string[]>> = {
  bus: words(`BUS_I BUS_TYPE PD QD GS BS BUS_AREA VM VA BASE_KV ZONE VMAX VMIN LAM_P LAM_Q MU_VMAX MU_VMIN`),
  gen: words(`GEN_BUS PG QG QMAX QMIN VG MBASE GEN_STATUS PMAX PMIN PC1 PC2 QC1MIN QC1MAX QC2MIN QC2MAX
    RAMP_AGC RAMP_10 RAMP_30 RAMP_Q APF MU_PMAX MU_PMIN MU_QMAX MU_QMIN`),
  branch: words(`F_BUS T_BUS BR_R BR_X BR_B RATE_A RATE_B RATE_C TAP SHIFT BR_STATUS ANGMIN ANGMAX
    PF QF PT QT MU_SF MU_ST MU_ANGMIN MU_ANGMAX`),
  gencost: words('MODEL STARTUP SHUTDOWN NCOST'),
};

/** MATPOWER's name for a 0-based column, e.g. `PD`, or `column 30` past the named ones. */
export function columnName(field: MatrixField, column: number): string {
  const name = COLUMN_NAMES[field][column];
  if (name !== undefined) return name;
  if (field === 'gencost') return `COST+${column - 4}`;
  return `column ${column + 1}`;
}

const INFINITE_GEN_COLUMNS = new Set([QMAX, QMIN, PMAX, PMIN, RAMP_AGC, RAMP_10, RAMP_30, RAMP_Q]);

/** Only limits may be infinite: gen P/Q limits and ramp rates, branch angle-difference limits. */
export function allowsInfinity(field: MatrixField, column: number): boolean {
  if (field === 'gen') return INFINITE_GEN_COLUMNS.has(column);
  if (field === 'branch') return column === ANGMIN || column === ANGMAX;
  return false;
}

const outputs = (list: string): (readonly [string, number])[] =>
  words(list).map((pair) => {
    const [name, value] = pair.split('=');
    return [name, Number(value)] as const;
  });

/** The outputs of MATPOWER's index functions in order, with their 1-based values. */
export const INDEX_FUNCTIONS: ReadonlyMap<string, readonly (readonly [string, number])[]> = new Map(
  Object.entries({
    idx_bus: outputs(`PQ=1 PV=2 REF=3 NONE=4 BUS_I=1 BUS_TYPE=2 PD=3 QD=4 GS=5 BS=6 BUS_AREA=7 VM=8 VA=9
    BASE_KV=10 ZONE=11 VMAX=12 VMIN=13 LAM_P=14 LAM_Q=15 MU_VMAX=16 MU_VMIN=17`),
    idx_gen: outputs(`GEN_BUS=1 PG=2 QG=3 QMAX=4 QMIN=5 VG=6 MBASE=7 GEN_STATUS=8 PMAX=9 PMIN=10 MU_PMAX=22
    MU_PMIN=23 MU_QMAX=24 MU_QMIN=25 PC1=11 PC2=12 QC1MIN=13 QC1MAX=14 QC2MIN=15 QC2MAX=16 RAMP_AGC=17
    RAMP_10=18 RAMP_30=19 RAMP_Q=20 APF=21`),
    idx_brch: outputs(`F_BUS=1 T_BUS=2 BR_R=3 BR_X=4 BR_B=5 RATE_A=6 RATE_B=7 RATE_C=8 TAP=9 SHIFT=10
    BR_STATUS=11 PF=14 QF=15 PT=16 QT=17 MU_SF=18 MU_ST=19 ANGMIN=12 ANGMAX=13 MU_ANGMIN=20 MU_ANGMAX=21`),
    idx_cost: outputs('PW_LINEAR=1 POLYNOMIAL=2 MODEL=1 STARTUP=2 SHUTDOWN=3 NCOST=4 COST=5'),
  }),
);
