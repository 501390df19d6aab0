/**
 * Events of a scenario, a discriminated union on `kind`: a line fault (the branch fails at `at` and
 * is repaired `repairAfterH` hours later), a loss of the upstream grid, a heat wave and a price
 * spike. Times are local date-times on the simulation's wall clock (see `scenario-time.ts`);
 * `from` is included and `to` excluded. What each event does is up to the simulator; the scenario
 * only says when and where (docs/scenario-format.md).
 */
import { z } from 'zod';

/** `YYYY-MM-DDTHH:MM` (seconds allowed, no offset); checked against the period by `checkScenario`. */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'expected a local date-time YYYY-MM-DDTHH:MM');

const ids = z.array(z.string().min(1));

export const lineFaultEventSchema = z
  .object({
    kind: z.literal('line-fault'),
    at: localDateTimeSchema,
    branchId: z.string().min(1),
    repairAfterH: z.number().positive().describe('hours from the fault until the branch is back'),
    isolateSwitchIds: ids
      .optional()
      .describe('switches to open to isolate the faulted section (default: the simulator finds them)'),
    restoreSwitchIds: ids
      .optional()
      .describe(
        'normally-open switches to close to re-supply healthy sections (default: the simulator finds them)',
      ),
  })
  .strict();

export const upstreamLossEventSchema = z
  .object({
    kind: z.literal('upstream-loss'),
    from: localDateTimeSchema,
    to: localDateTimeSchema,
    branchIds: ids
      .optional()
      .describe('branches that go out of service (default: the transformers at the import bus)'),
  })
  .strict();

export const heatWaveEventSchema = z
  .object({
    kind: z.literal('heat-wave'),
    from: localDateTimeSchema,
    to: localDateTimeSchema,
    temperatureRiseC: z
      .number()
      .min(0)
      .max(30)
      .describe('added to the temperature, kelvin (degC difference)'),
    loadFactor: z.number().positive().max(5).describe('multiplies the true load of every zone'),
  })
  .strict();

export const priceSpikeEventSchema = z
  .object({
    kind: z.literal('price-spike'),
    from: localDateTimeSchema,
    to: localDateTimeSchema,
    priceFactor: z.number().positive().max(1000).describe('multiplies the import price'),
  })
  .strict();

export const scenarioEventSchema = z.discriminatedUnion('kind', [
  lineFaultEventSchema,
  upstreamLossEventSchema,
  heatWaveEventSchema,
  priceSpikeEventSchema,
]);

export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;
export type ScenarioEventKind = ScenarioEvent['kind'];
