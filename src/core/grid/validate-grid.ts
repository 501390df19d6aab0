/**
 * Grid validation: the zod schema checks each field, then the cross-references and physical
 * consistency are checked here. Every problem is returned at once, each with its path
 * (`branches[12].toBusId: bus "9999" does not exist`); nothing throws on bad input.
 * Errors make a grid unusable (broken references, duplicates, zero impedance); warnings flag data
 * that calculations can still use but that is probably wrong (limits in the wrong order).
 */
import type { z } from 'zod';
import { type Grid, gridSchema } from './grid-schema.ts';

export interface GridIssue {
  readonly path: string;
  readonly message: string;
  /** Absent means 'error'. */
  readonly severity?: 'error' | 'warning';
}

export type GridParseResult =
  | { ok: true; grid: Grid; warnings: GridIssue[] }
  | { ok: false; issues: GridIssue[] };

export const isGridError = (issue: GridIssue): boolean => issue.severity !== 'warning';

/** Formats one issue as `path: message`. */
export function formatGridIssue(issue: GridIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** Formats a zod path such as `['branches', 12, 'toBusId']` as `branches[12].toBusId`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Parses untrusted data (for example a JSON file) into a grid, or returns every issue found. */
export function parseGrid(input: unknown): GridParseResult {
  const parsed = gridSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(fromZodIssue) };
  const issues = validateGrid(parsed.data);
  if (issues.some(isGridError)) return { ok: false, issues };
  return { ok: true, grid: parsed.data, warnings: issues };
}

function fromZodIssue(issue: z.core.$ZodIssue): GridIssue {
  return { path: formatPath(issue.path), message: issue.message };
}

/** Checks what the schema cannot: unique ids, references (errors) and consistent limits (warnings). */
export function validateGrid(grid: Grid): GridIssue[] {
  const issues: GridIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const warn = (path: string, message: string) => issues.push({ path, message, severity: 'warning' });

  if (grid.buses.length === 0) add('buses', 'the grid has no buses');
  const busIds = checkUniqueIds('buses', grid.buses, add);
  const zoneIds = checkUniqueIds('zones', grid.zones, add);
  for (const name of collections) checkUniqueIds(name, grid[name], add);

  // Paths are built only for problems: this runs on grids of tens of thousands of elements.
  const busRef = (collection: string, i: number, field: string, id: string) => {
    if (!busIds.has(id)) add(`${collection}[${i}].${field}`, `bus "${id}" does not exist`);
  };
  grid.buses.forEach((bus, i) => {
    if (bus.zoneId !== undefined && !zoneIds.has(bus.zoneId)) {
      add(`buses[${i}].zoneId`, `zone "${bus.zoneId}" does not exist`);
    }
    if (bus.vmMinPu > bus.vmMaxPu)
      warn(`buses[${i}].vmMinPu`, `${bus.vmMinPu} exceeds vmMaxPu ${bus.vmMaxPu}`);
  });
  grid.branches.forEach((branch, i) => {
    busRef('branches', i, 'fromBusId', branch.fromBusId);
    busRef('branches', i, 'toBusId', branch.toBusId);
    if (branch.fromBusId === branch.toBusId)
      add(`branches[${i}].toBusId`, 'a branch cannot connect a bus to itself');
    if (branch.rPu === 0 && branch.xPu === 0) {
      add(`branches[${i}].xPu`, 'zero impedance (r = x = 0); model a zero-impedance connection as a switch');
    }
    if (
      branch.angMinDeg !== undefined &&
      branch.angMaxDeg !== undefined &&
      branch.angMinDeg > branch.angMaxDeg
    ) {
      warn(`branches[${i}].angMinDeg`, `${branch.angMinDeg} exceeds angMaxDeg ${branch.angMaxDeg}`);
    }
  });
  grid.switches.forEach((sw, i) => {
    busRef('switches', i, 'fromBusId', sw.fromBusId);
    busRef('switches', i, 'toBusId', sw.toBusId);
    if (sw.fromBusId === sw.toBusId) add(`switches[${i}].toBusId`, 'a switch cannot connect a bus to itself');
  });
  grid.generators.forEach((gen, i) => {
    busRef('generators', i, 'busId', gen.busId);
    if (gen.pMaxMw !== undefined && gen.pMinMw > gen.pMaxMw) {
      warn(`generators[${i}].pMinMw`, `${gen.pMinMw} exceeds pMaxMw ${gen.pMaxMw}`);
    }
    if (gen.qMinMvar !== undefined && gen.qMaxMvar !== undefined && gen.qMinMvar > gen.qMaxMvar) {
      warn(`generators[${i}].qMinMvar`, `${gen.qMinMvar} exceeds qMaxMvar ${gen.qMaxMvar}`);
    }
    if (gen.cost?.model === 'piecewise-linear') {
      const points = gen.cost.points;
      for (let k = 1; k < points.length; k++) {
        if (!(points[k].pMw > points[k - 1].pMw)) {
          add(`generators[${i}].cost.points[${k}].pMw`, 'breakpoints must have increasing pMw');
        }
      }
    }
  });
  for (const name of ['loads', 'shunts', 'storage', 'pv', 'evChargers'] as const) {
    grid[name].forEach((element, i) => {
      busRef(name, i, 'busId', element.busId);
    });
  }
  grid.storage.forEach((s, i) => {
    if (s.socMinFraction > s.socMaxFraction) {
      warn(`storage[${i}].socMinFraction`, `${s.socMinFraction} exceeds socMaxFraction ${s.socMaxFraction}`);
    }
    if (s.energyMwh > s.energyCapacityMwh) {
      warn(`storage[${i}].energyMwh`, `${s.energyMwh} exceeds energyCapacityMwh ${s.energyCapacityMwh}`);
    }
    if (s.pMw > s.pDischargeMaxMw || -s.pMw > s.pChargeMaxMw) {
      warn(`storage[${i}].pMw`, `${s.pMw} is outside [-pChargeMaxMw, pDischargeMaxMw]`);
    }
  });
  grid.pv.forEach((p, i) => {
    if (p.pMw > p.capacityMw) warn(`pv[${i}].pMw`, `${p.pMw} exceeds capacityMw ${p.capacityMw}`);
  });
  grid.evChargers.forEach((c, i) => {
    if (c.pMw > c.pMaxMw) warn(`evChargers[${i}].pMw`, `${c.pMw} exceeds pMaxMw ${c.pMaxMw}`);
  });
  return issues;
}

const collections = [
  'branches',
  'switches',
  'generators',
  'loads',
  'shunts',
  'storage',
  'pv',
  'evChargers',
] as const;

function checkUniqueIds(
  name: string,
  elements: readonly { id: string }[],
  add: (path: string, message: string) => void,
): Map<string, number> {
  const firstIndexById = new Map<string, number>();
  elements.forEach((element, i) => {
    const first = firstIndexById.get(element.id);
    if (first === undefined) firstIndexById.set(element.id, i);
    else add(`${name}[${i}].id`, `duplicate id "${element.id}" (first at ${name}[${first}])`);
  });
  return firstIndexById;
}
