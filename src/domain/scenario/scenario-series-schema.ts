/**
 * Where a scenario's series come from: load and temperature from GEFCom2012 (hourly, 20 zones,
 * 11 stations), PV from NREL PVDAQ system 50 (15-minute AC power) and EV sessions from the
 * Trondheim residential charging data. The datasets are from different years, so each names the
 * local date its source window starts on; folders are relative to `dataDir`.
 */
import { z } from 'zod';

/** `YYYY-MM-DD`; checked for a real calendar day by `checkScenario`. */
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a local date YYYY-MM-DD');

/** A grid zone's load: a GEFCom zone name, or that name with the peak it is scaled to. */
export const zoneLoadSourceSchema = z.union([
  z.string(),
  z
    .object({
      source: z.string().describe('GEFCom zone, zone_1 .. zone_20'),
      peakMw: z
        .number()
        .positive()
        .optional()
        .describe('peak of the scaled series over history + period (default: the sum of the zone loads)'),
    })
    .strict(),
]);
export type ZoneLoadSource = z.infer<typeof zoneLoadSourceSchema>;

export const loadSeriesSchema = z
  .object({
    dataset: z.literal('gefcom2012').default('gefcom2012'),
    folder: z.string().min(1).default('gefcom2012-load'),
    sourceStart: localDateSchema
      .optional()
      .describe('local date in the data that maps to period.start (default: period.start itself)'),
    zones: z.record(z.string(), zoneLoadSourceSchema).describe('grid zone id -> GEFCom zone'),
  })
  .strict();

export const pvSeriesSchema = z
  .object({
    dataset: z.literal('pvdaq-system50').default('pvdaq-system50'),
    folder: z.string().min(1).default('nrel-pvdaq-system50-pv'),
    sourceStart: localDateSchema.describe(
      'local date (America/Denver) in the data that maps to period.start',
    ),
    zoneShiftMaxMin: z
      .number()
      .min(0)
      .max(60)
      .default(0)
      .describe('each zone gets a seeded time shift of the profile within +- this many minutes'),
  })
  .strict();

export const evSeriesSchema = z
  .object({
    dataset: z.literal('trondheim').default('trondheim'),
    folder: z.string().min(1).default('trondheim-residential-ev-charging'),
    sourceStart: localDateSchema.describe('local date (Europe/Oslo) in the data that maps to period.start'),
    jitterMin: z
      .number()
      .min(0)
      .max(240)
      .default(30)
      .describe('seeded shift of each charger copy of a driver, within +- this many minutes'),
  })
  .strict();

export const seriesSchema = z
  .object({
    dataDir: z
      .string()
      .min(1)
      .optional()
      .describe('folder of the dataset folders, relative to the scenario file (default: the shared data)'),
    historyDays: z
      .number()
      .int()
      .min(0)
      .max(366)
      .default(56)
      .describe('days of load and temperature history before period.start'),
    load: loadSeriesSchema,
    pv: pvSeriesSchema.optional(),
    ev: evSeriesSchema.optional(),
  })
  .strict();

export type ScenarioSeries = z.output<typeof seriesSchema>;
