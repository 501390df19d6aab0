/**
 * The scenario format (`format: "kirchhoff-scenario"`, version 1): a network (a grid file or a
 * generated district), a period on the interval grid, the data series, the controller's settings,
 * meter noise, a seed and events. The zod schema is the one source of the format's types; what it
 * cannot see (references into the grid, times inside the period) `checkScenario` checks.
 */
import { z } from 'zod';
import { districtOptionsSchema } from '../../core/grid/index.ts';
import { DEFAULT_VOLL } from '../dispatch/index.ts';
import { scenarioEventSchema } from './scenario-event-schema.ts';
import { localDateSchema, seriesSchema } from './scenario-series-schema.ts';

export const SCENARIO_FORMAT = 'kirchhoff-scenario';
export const SCENARIO_FORMAT_VERSION = 1;

export const networkSchema = z
  .object({
    file: z
      .string()
      .min(1)
      .optional()
      .describe('a grid file (.json or MATPOWER .m), relative to the scenario'),
    district: districtOptionsSchema.optional().describe('options of buildDistrictGrid'),
  })
  .strict()
  .refine((n) => (n.file === undefined) !== (n.district === undefined), {
    message: 'give exactly one of "file" and "district"',
  });

export const periodSchema = z
  .object({
    start: localDateSchema.describe('first simulated day (local date; the period starts at its midnight)'),
    days: z.number().int().min(1).max(366),
    intervalMin: z
      .union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30), z.literal(60)])
      .default(15),
  })
  .strict();

const pricePerMwh = z.number().min(-1000).max(100_000);

/** A flat price with optional time-of-use windows (by local hour of day), or one price per hour of day. */
export const importPriceSchema = z.union([
  z
    .object({
      flatPerMwh: pricePerMwh,
      timeOfUse: z
        .array(
          z
            .object({
              fromHour: z.number().int().min(0).max(23),
              toHour: z
                .number()
                .int()
                .min(1)
                .max(24)
                .describe('exclusive; may be below fromHour (over midnight)'),
              pricePerMwh,
              days: z.enum(['all', 'weekdays', 'weekends']).default('all'),
            })
            .strict(),
        )
        .default([]),
    })
    .strict(),
  z.object({ byHourOfDay: z.array(pricePerMwh).length(24) }).strict(),
]);
export type ImportPrice = z.output<typeof importPriceSchema>;

export const controlSchema = z
  .object({
    horizonIntervals: z.number().int().min(1).max(2000).default(96),
    forecaster: z.enum(['default', 'previous-day', 'previous-week', 'perfect']).default('default'),
    shedding: z.boolean().default(true),
    valueOfLostLoad: z
      .object({
        critical: z.number().min(0).default(DEFAULT_VOLL.critical),
        essential: z.number().min(0).default(DEFAULT_VOLL.essential),
        flexible: z.number().min(0).default(DEFAULT_VOLL.flexible),
      })
      .strict()
      .default({ ...DEFAULT_VOLL })
      .describe('cost per MWh not served, by priority class'),
    importPrice: importPriceSchema,
    exportPricePerMwh: pricePerMwh.default(0),
    importLimitMw: z.number().min(0).optional().describe('absent: unlimited'),
    exportLimitMw: z.number().min(0).optional().describe('absent: unlimited'),
    peakImportPricePerMw: z
      .number()
      .min(0)
      .default(0)
      .describe("demand charge: cost per MW of the period's largest import (a capacity tariff)"),
    replanEveryIntervals: z
      .number()
      .int()
      .min(1)
      .default(4)
      .describe('the Kirchhoff controller re-plans this often (and at once after an event)'),
    planStepMin: z
      .number()
      .int()
      .positive()
      .default(60)
      .describe('resolution of the plan, minutes (a multiple of the interval)'),
    importBusId: z
      .string()
      .min(1)
      .optional()
      .describe('bus of the upstream connection (default: the slack bus)'),
    importCo2TPerMwh: z
      .number()
      .min(0)
      .optional()
      .describe('CO2 of imported energy (default: the slack generator)'),
  })
  .strict();
export type ScenarioControl = z.output<typeof controlSchema>;

export const noiseSchema = z
  .object({
    meterSigmaFraction: z
      .number()
      .min(0)
      .max(1)
      .default(0.01)
      .describe('sd of meter noise, fraction of the value'),
    missingProbability: z.number().min(0).max(1).default(0).describe('chance that a reading is missing'),
  })
  .strict();
export type ScenarioNoise = z.output<typeof noiseSchema>;

export const scenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_FORMAT_VERSION),
    name: z.string().min(1),
    description: z.string().default(''),
    network: networkSchema,
    period: periodSchema,
    series: seriesSchema,
    control: controlSchema,
    noise: noiseSchema.default({ meterSigmaFraction: 0.01, missingProbability: 0 }),
    seed: z.number().int().default(1),
    events: z.array(scenarioEventSchema).default([]),
  })
  .strict();

/** A scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
