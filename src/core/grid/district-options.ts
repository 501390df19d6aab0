/**
 * Options of the district grid generator (`buildDistrictGrid`), as a zod schema so that a scenario
 * file can carry them. Every field has a default; the defaults give the flagship district of six
 * neighbourhoods, 549 buses and 2,090 DERs.
 */
import { z } from 'zod';

const count = (max: number) => z.number().int().min(0).max(max);

export const districtOptionsSchema = z
  .object({
    name: z.string().default('district'),
    seed: z.number().int().default(1).describe('seed of every random choice (lengths, sizes, counts)'),
    zoneCount: z.number().int().min(1).max(26).default(6).describe('neighbourhoods, one MV feeder each'),
    sectionsPerFeeder: z
      .number()
      .int()
      .min(2)
      .max(20)
      .default(6)
      .describe('MV feeder sections, one secondary (MV/LV) substation each'),
    lvFeedersPerSubstation: z.number().int().min(1).max(8).default(4),
    lvBusesPerFeeder: z.number().int().min(1).max(20).default(3),
    zonePeakMw: z
      .number()
      .positive()
      .max(15)
      .optional()
      .describe(
        'peak demand of each neighbourhood, the sum of its loads; default 3 MW per 72 LV street buses (3 MW with the other defaults)',
      ),
    pvPerLvBus: count(20).default(3).describe('mean rooftop PV systems per LV street bus'),
    homeBatteriesPerLvBus: count(20).default(1).describe('mean home batteries per LV street bus'),
    evChargersPerLvBus: count(20).default(1).describe('mean home EV chargers per LV street bus'),
    plantDistanceKm: z.number().positive().max(300).default(45).describe('length of the 110 kV plant line'),
    plantCapacityMw: z.number().positive().default(40),
  })
  .strict();

/** Options as given (every field optional). */
export type DistrictOptionsInput = z.input<typeof districtOptionsSchema>;
/** Options with every default filled in. */
export type DistrictOptions = z.output<typeof districtOptionsSchema>;
