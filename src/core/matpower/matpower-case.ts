/**
 * The raw MATPOWER case as read from a version 2 `.m` file (data matrices with the source line of each row),
 * and MATPOWER's column indices from idx_bus, idx_gen, idx_brch and idx_cost as 0-based constants.
 */

/** A numeric matrix of the case file; `lines[i]` is the 1-based source line where row `i` starts. */
export interface MatpowerMatrix {
  readonly rows: number[][];
  readonly lines: number[];
}

/**
 * A case as written in the file, in MATPOWER's units (MW, MVAr, kV, p.u., degrees). Rows are normalised to
 * the standard widths: bus 13, gen 21 and branch 13 columns. Missing optional gen columns are 0, missing
 * ANGMIN/ANGMAX are -360/360, and extra columns (results of an earlier solution) are dropped with a warning.
 * `gencost` keeps the width of the file. Statements after the data (unit conversions) have been applied.
 */
export interface MatpowerCase {
  readonly name: string;
  readonly version: '2';
  readonly baseMva: number;
  readonly bus: MatpowerMatrix;
  readonly gen: MatpowerMatrix;
  readonly branch: MatpowerMatrix;
  readonly gencost?: MatpowerMatrix;
  readonly busName?: string[];
  readonly genFuel?: string[];
  readonly genType?: string[];
  /** `file:line: message` notes on what was ignored or filled in. */
  readonly warnings: string[];
}

// Bus types (values of BUS_TYPE).
export const PQ = 1;
export const PV = 2;
export const REF = 3;
export const NONE = 4;

// Bus columns (idx_bus).
export const BUS_I = 0;
export const BUS_TYPE = 1;
export const PD = 2;
export const QD = 3;
export const GS = 4;
export const BS = 5;
export const BUS_AREA = 6;
export const VM = 7;
export const VA = 8;
export const BASE_KV = 9;
export const ZONE = 10;
export const VMAX = 11;
export const VMIN = 12;

// Generator columns (idx_gen).
export const GEN_BUS = 0;
export const PG = 1;
export const QG = 2;
export const QMAX = 3;
export const QMIN = 4;
export const VG = 5;
export const MBASE = 6;
export const GEN_STATUS = 7;
export const PMAX = 8;
export const PMIN = 9;
export const PC1 = 10;
export const PC2 = 11;
export const QC1MIN = 12;
export const QC1MAX = 13;
export const QC2MIN = 14;
export const QC2MAX = 15;
export const RAMP_AGC = 16;
export const RAMP_10 = 17;
export const RAMP_30 = 18;
export const RAMP_Q = 19;
export const APF = 20;

// Branch columns (idx_brch).
export const F_BUS = 0;
export const T_BUS = 1;
export const BR_R = 2;
export const BR_X = 3;
export const BR_B = 4;
export const RATE_A = 5;
export const RATE_B = 6;
export const RATE_C = 7;
export const TAP = 8;
export const SHIFT = 9;
export const BR_STATUS = 10;
export const ANGMIN = 11;
export const ANGMAX = 12;

// Generator cost columns (idx_cost) and cost models (values of MODEL).
export const MODEL = 0;
export const STARTUP = 1;
export const SHUTDOWN = 2;
export const NCOST = 3;
export const COST = 4;
export const PW_LINEAR = 1;
export const POLYNOMIAL = 2;

/** Widths of the normalised matrices. */
export const BUS_COLUMNS = 13;
export const GEN_COLUMNS = 21;
export const BRANCH_COLUMNS = 13;
