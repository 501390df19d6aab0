/**
 * Branch schema: lines and two-winding transformers in one pi model with per-unit impedances on
 * the grid's MVA base. The ideal transformer (ratio `tapRatio`, shift `shiftDeg`) sits at the from end.
 */
import { z } from 'zod';
import { finite, idSchema, inServiceSchema, nonNegative } from './common-schema.ts';

export const branchKindSchema = z.enum(['line', 'transformer']);
export type BranchKind = z.infer<typeof branchKindSchema>;

export const branchSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    kind: branchKindSchema.default('line'),
    fromBusId: idSchema,
    toBusId: idSchema,
    rPu: finite.describe('series resistance, p.u. on the grid MVA base'),
    xPu: finite.describe(
      'series reactance, p.u.; may be negative (series compensation, 3-winding equivalents)',
    ),
    bPu: finite.default(0).describe('total line-charging susceptance, p.u.; half at each end'),
    rateAMva: nonNegative.optional().describe('long-term rating, MVA; absent or 0 means unlimited'),
    rateBMva: nonNegative.optional().describe('short-term rating, MVA'),
    rateCMva: nonNegative.optional().describe('emergency rating, MVA'),
    tapRatio: z.number().positive().default(1).describe('off-nominal turns ratio at the from end'),
    shiftDeg: finite.default(0).describe('phase shift of the from-end transformer, degrees'),
    angMinDeg: finite.optional().describe('minimum angle difference from - to, degrees'),
    angMaxDeg: finite.optional().describe('maximum angle difference from - to, degrees'),
    inService: inServiceSchema,
  })
  .strict();
export type Branch = z.infer<typeof branchSchema>;

/**
 * A switch joins two buses with zero impedance while closed. Closed switches merge their buses
 * into one electrical bus; open ones separate them (self-healing opens and closes them).
 */
export const switchSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    fromBusId: idSchema,
    toBusId: idSchema,
    closed: z.boolean(),
    normallyOpen: z.boolean().default(false).describe('a tie switch, open in normal operation'),
    remotelyOperable: z.boolean().default(false),
    rateAMva: nonNegative.optional(),
    inService: inServiceSchema,
  })
  .strict();
export type Switch = z.infer<typeof switchSchema>;
