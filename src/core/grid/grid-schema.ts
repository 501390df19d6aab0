/**
 * The whole grid: the one schema of Kirchhoff's JSON grid format (`format: "kirchhoff-grid"`).
 * Every component lives in its own array; references between them use external ids.
 */
import { z } from 'zod';
import { branchSchema, switchSchema } from './branch-schema.ts';
import { busSchema, zoneSchema } from './bus-schema.ts';
import { evChargerSchema, pvSchema, storageSchema } from './der-schema.ts';
import { generatorSchema } from './generator-schema.ts';
import { loadSchema, shuntSchema } from './load-schema.ts';

export const GRID_FORMAT = 'kirchhoff-grid';
export const GRID_FORMAT_VERSION = 1;

export const gridSchema = z
  .object({
    format: z.literal(GRID_FORMAT),
    version: z.literal(GRID_FORMAT_VERSION),
    name: z.string().default('grid'),
    description: z.string().optional(),
    baseMva: z.number().positive().default(100).describe('system MVA base of the per-unit impedances'),
    frequencyHz: z.number().positive().default(50),
    zones: z.array(zoneSchema).default([]),
    buses: z.array(busSchema),
    branches: z.array(branchSchema).default([]),
    switches: z.array(switchSchema).default([]),
    generators: z.array(generatorSchema).default([]),
    loads: z.array(loadSchema).default([]),
    shunts: z.array(shuntSchema).default([]),
    storage: z.array(storageSchema).default([]),
    pv: z.array(pvSchema).default([]),
    evChargers: z.array(evChargerSchema).default([]),
  })
  .strict();

/** A grid as used by calculations: every default filled in. */
export type Grid = z.output<typeof gridSchema>;
/** A grid as written in a file: defaults may be left out. */
export type GridInput = z.input<typeof gridSchema>;
