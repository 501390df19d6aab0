/**
 * Bus and zone schemas. A bus is an electrical node at one voltage level; a zone groups buses
 * (a neighbourhood, a feeder, an area of a transmission grid) for forecasting, matching and KPIs.
 */
import { z } from 'zod';
import { finite, idSchema, inServiceSchema, nonNegative } from './common-schema.ts';

/**
 * `slack` buses hold angle and magnitude, `pv` buses hold magnitude with active power fixed,
 * `pq` buses have both powers fixed; `isolated` buses are left out of every calculation.
 * A `pv` or `slack` bus acts as such only while it has an in-service generator.
 */
export const busTypeSchema = z.enum(['pq', 'pv', 'slack', 'isolated']);
export type BusType = z.infer<typeof busTypeSchema>;

export const coordinatesSchema = z
  .object({
    lonDeg: z.number().min(-180).max(180),
    latDeg: z.number().min(-90).max(90),
  })
  .strict();

export const busSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    zoneId: idSchema.optional(),
    baseKv: nonNegative.describe('nominal line-to-line voltage, kV'),
    type: busTypeSchema.default('pq'),
    vmPu: z
      .number()
      .positive()
      .default(1)
      .describe('voltage magnitude: starting point, and set-point source'),
    vaDeg: finite.default(0).describe('voltage angle: starting point; the slack keeps it'),
    vmMinPu: z.number().positive().default(0.9),
    vmMaxPu: z.number().positive().default(1.1),
    coordinates: coordinatesSchema.optional(),
    inService: inServiceSchema,
  })
  .strict();
export type Bus = z.infer<typeof busSchema>;

export const zoneSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    kind: z.enum(['area', 'substation', 'feeder', 'neighbourhood', 'microgrid']).optional(),
  })
  .strict();
export type Zone = z.infer<typeof zoneSchema>;
