/**
 * Generator schema: a dispatchable unit with active and reactive limits, a voltage set-point,
 * a cost curve and its CO2 intensity. Positive power is injected into the grid.
 */
import { z } from 'zod';
import { finite, idSchema, inServiceSchema, nonNegative } from './common-schema.ts';

/**
 * Cost per hour of producing `p` MW: a polynomial `sum_k coefficients[k] * p^k` (ascending powers,
 * so `[c0, c1, c2]`), or piecewise-linear through `points` with increasing `pMw`.
 */
export const costCurveSchema = z.discriminatedUnion('model', [
  z
    .object({
      model: z.literal('polynomial'),
      coefficients: z.array(finite).min(1).describe('ascending powers of pMw; cost per hour'),
      startupCost: nonNegative.default(0),
      shutdownCost: nonNegative.default(0),
    })
    .strict(),
  z
    .object({
      model: z.literal('piecewise-linear'),
      points: z
        .array(z.object({ pMw: finite, costPerHour: finite }).strict())
        .min(2)
        .describe('breakpoints with increasing pMw'),
      startupCost: nonNegative.default(0),
      shutdownCost: nonNegative.default(0),
    })
    .strict(),
]);
export type CostCurve = z.infer<typeof costCurveSchema>;

export const generatorSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    busId: idSchema,
    pMw: finite.default(0).describe('scheduled active power; the slack generator takes up the balance'),
    qMvar: finite.default(0).describe('reactive power; used where the bus is PQ'),
    pMinMw: finite.default(0),
    pMaxMw: finite.optional().describe('absent means unlimited'),
    qMinMvar: finite.optional().describe('absent means unlimited'),
    qMaxMvar: finite.optional().describe('absent means unlimited'),
    vSetPu: z.number().positive().default(1).describe('voltage set-point at the bus'),
    mBaseMva: z.number().positive().optional(),
    rampMwPerMin: nonNegative.optional(),
    cost: costCurveSchema.optional(),
    fuel: z.string().optional(),
    co2TPerMwh: nonNegative.optional(),
    inService: inServiceSchema,
  })
  .strict();
export type Generator = z.infer<typeof generatorSchema>;
