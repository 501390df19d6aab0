/** The grid model: component schemas, the grid format, validation and example networks. */

export type { Branch, BranchKind, Switch } from './branch-schema.ts';
export { branchSchema, switchSchema } from './branch-schema.ts';
export { buildDistrictGrid } from './build-district-grid.ts';
export type { Bus, BusType, Zone } from './bus-schema.ts';
export { busSchema, busTypeSchema, zoneSchema } from './bus-schema.ts';
export type { LoadPriority } from './common-schema.ts';
export { loadPrioritySchema } from './common-schema.ts';
export type { EvCharger, Pv, Storage } from './der-schema.ts';
export { evChargerSchema, pvSchema, storageSchema } from './der-schema.ts';
export type { DistrictOptions, DistrictOptionsInput } from './district-options.ts';
export { districtOptionsSchema } from './district-options.ts';
export type { BranchPu, LineType, TransformerType } from './equipment-types.ts';
export { LINE_TYPES, linePu, TRANSFORMER_TYPES, transformerPu } from './equipment-types.ts';
export type { CostCurve, Generator } from './generator-schema.ts';
export { costCurveSchema, generatorSchema } from './generator-schema.ts';
export { buildGridJsonSchema } from './grid-json-schema.ts';
export type { Grid, GridInput } from './grid-schema.ts';
export { GRID_FORMAT, GRID_FORMAT_VERSION, gridSchema } from './grid-schema.ts';
export type { Load, Shunt } from './load-schema.ts';
export { loadSchema, shuntSchema } from './load-schema.ts';
export type { GridIssue, GridParseResult } from './validate-grid.ts';
export { formatGridIssue, formatPath, isGridError, parseGrid, validateGrid } from './validate-grid.ts';
