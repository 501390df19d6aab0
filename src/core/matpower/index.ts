/**
 * Public API of the MATPOWER case reader: parse a version 2 `.m` case file into a raw, typed structure
 * with MATPOWER's 0-based column constants, and format its file:line errors.
 */

export type { MatpowerCase, MatpowerMatrix } from './matpower-case.ts';
export * from './matpower-case.ts';
export type { MatpowerError, MatpowerParseResult } from './matpower-error.ts';
export { formatMatpowerError } from './matpower-error.ts';
export type { MatpowerConversion } from './matpower-to-grid.ts';
export { convertMatpowerCase } from './matpower-to-grid.ts';
export { parseMatpower } from './parse-matpower.ts';
