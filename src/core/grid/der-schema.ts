/**
 * Distributed energy resources as first-class components: storage, photovoltaics and EV chargers.
 * Each has a present operating point (used by the power flow as a fixed injection) and the limits
 * that dispatch and control respect.
 */
import { z } from 'zod';
import { finite, idSchema, inServiceSchema, nonNegative } from './common-schema.ts';

const efficiency = z.number().gt(0).max(1);

/** Battery storage. `pMw` > 0 discharges into the grid, < 0 charges. */
export const storageSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    busId: idSchema,
    energyCapacityMwh: z.number().positive(),
    energyMwh: nonNegative.describe('present state of charge'),
    socMinFraction: z.number().min(0).max(1).default(0),
    socMaxFraction: z.number().min(0).max(1).default(1),
    pChargeMaxMw: nonNegative,
    pDischargeMaxMw: nonNegative,
    chargeEfficiency: efficiency.default(0.95),
    dischargeEfficiency: efficiency.default(0.95),
    pMw: finite.default(0).describe('present output; > 0 discharging'),
    qMvar: finite.default(0),
    inService: inServiceSchema,
  })
  .strict();
export type Storage = z.infer<typeof storageSchema>;

/** A photovoltaic system behind an inverter. `pMw` is the present output (>= 0). */
export const pvSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    busId: idSchema,
    capacityMw: z.number().positive().describe('inverter AC rating'),
    pMw: nonNegative.default(0),
    qMvar: finite.default(0),
    tiltDeg: z.number().min(0).max(90).optional(),
    azimuthDeg: z.number().min(0).max(360).optional().describe('0 = north, 180 = south'),
    inService: inServiceSchema,
  })
  .strict();
export type Pv = z.infer<typeof pvSchema>;

/** An EV charging point. `pMw` is the present charging power drawn from the grid (>= 0). */
export const evChargerSchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    busId: idSchema,
    pMaxMw: z.number().positive(),
    pMw: nonNegative.default(0),
    qMvar: finite.default(0),
    connectors: z.number().int().positive().default(1),
    inService: inServiceSchema,
  })
  .strict();
export type EvCharger = z.infer<typeof evChargerSchema>;
