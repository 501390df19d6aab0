/**
 * Load and shunt schemas. A load consumes constant power (positive = consumption) and carries
 * the priority class that load shedding respects; a shunt is a fixed admittance to ground.
 */
import { z } from 'zod';
import { finite, idSchema, inServiceSchema, loadPrioritySchema } from './common-schema.ts';

export const loadSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    busId: idSchema,
    pMw: finite.describe('active power consumed'),
    qMvar: finite.default(0).describe('reactive power consumed'),
    priority: loadPrioritySchema.default('essential'),
    inService: inServiceSchema,
  })
  .strict();
export type Load = z.infer<typeof loadSchema>;

export const shuntSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    busId: idSchema,
    gMw: finite.default(0).describe('active power consumed at 1 p.u. voltage'),
    bMvar: finite.default(0).describe('reactive power injected at 1 p.u. voltage (capacitive > 0)'),
    inService: inServiceSchema,
  })
  .strict();
export type Shunt = z.infer<typeof shuntSchema>;
