/**
 * The `forecast predict` use case: the default model's day-ahead forecast with P10/P50/P90 for the
 * day that starts at `at` (a local midnight of the dataset's clock; standard time for PV), issued
 * as it would be live: trained on data before `at` only, bands from the errors of the 56 days
 * before. For load datasets every zone (and the total); beyond the last day of data, one more day
 * can be forecast with persistence weather. Returned with the week of history before `at` and the
 * actuals of the horizon where the data has them (a backfill check).
 */
import {
  type AccuracySummary,
  createPvDayAheadModel,
  DAY_MS,
  estimatePvCapacityKw,
  findClearSkyPotentialKw,
  HOUR_MS,
  LevelBands,
  type LoadProblem,
  type PvProblem,
  predictDay,
  ResidualBands,
} from '../../core/forecast/index.ts';
import { buildLoadProblems, buildPvDatasetProblem, createLoadModel } from '../forecast-backtest/index.ts';
import type { ForecastDataset } from '../ports.ts';

const WARMUP_DAYS = 56;
const HISTORY_DAYS = 7;

export interface PredictRequest {
  /** 'YYYY-MM-DD' or 'YYYY-MM-DDT00:00': the local midnight the forecast is issued at. */
  readonly at: string;
  /** 1 to 24 hours. */
  readonly horizonHours: number;
  readonly weather: 'actual' | 'persistence';
}

export interface ZonePrediction {
  readonly zone: string;
  /** Start of each forecast hour: epoch ms of the local wall clock as if UTC (`clock` says which). */
  readonly timesMs: Float64Array;
  readonly p10: Float64Array;
  readonly p50: Float64Array;
  readonly p90: Float64Array;
  /** Measured values of the horizon where the data has them (NaN elsewhere). */
  readonly actual: Float64Array;
  /** The model's accuracy over the 56 days before `at`, as the operation would have tracked it. */
  readonly recent: AccuracySummary;
  /** The week before `at`. */
  readonly history: { readonly timesMs: Float64Array; readonly values: Float64Array };
}

export interface Prediction {
  readonly dataset: string;
  readonly kind: 'load' | 'pv';
  readonly at: string;
  readonly horizonHours: number;
  readonly weather: 'actual' | 'persistence';
  readonly unit: string;
  /** Minutes east of UTC of the times (0 with `wall`: local wall time as published). */
  readonly clock: { readonly kind: 'wall' | 'fixed-offset'; readonly utcOffsetMinutes: number };
  readonly zones: readonly ZonePrediction[];
}

export type PredictOutcome = { ok: true; prediction: Prediction } | { ok: false; errors: readonly string[] };

function parseAt(at: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(T00:00(:00)?)?$/.exec(at);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

function hoursOf(startMs: number, from: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => startMs + (from + i) * HOUR_MS);
}

function sliceOrNaN(values: Float64Array, from: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => values[from + i] ?? Number.NaN);
}

export function predictForecast(dataset: ForecastDataset, request: PredictRequest): PredictOutcome {
  const atMs = parseAt(request.at);
  if (atMs === undefined) {
    return {
      ok: false,
      errors: [`--at ${request.at}: expected a local midnight, YYYY-MM-DD or YYYY-MM-DDT00:00`],
    };
  }
  const h = request.horizonHours;
  if (!Number.isInteger(h) || h < 1 || h > 24) {
    return { ok: false, errors: [`--horizon ${h}h: expected 1h to 24h (the models forecast one day ahead)`] };
  }
  if (dataset.kind === 'ev') {
    return {
      ok: false,
      errors: [
        `${dataset.name}: predict is for load and PV series; EV sessions are forecast per session (forecast backtest)`,
      ],
    };
  }
  return dataset.kind === 'load'
    ? predictLoad(dataset.name, buildLoadProblems(dataset), atMs, request)
    : predictPv(dataset, atMs, request);
}

/** Why `day` cannot be forecast: before the history the model needs, or after the last day allowed. */
function checkDay(
  day: number,
  request: PredictRequest,
  limits: { startMs: number; firstDay: number; lastDay: number; lastDataDay: number; lastReason?: string },
): string | undefined {
  const date = (d: number) => new Date(limits.startMs + d * DAY_MS).toISOString().slice(0, 10);
  if (day > limits.lastDay) {
    return `--at ${request.at}: the data ends on ${date(limits.lastDataDay)}; ${limits.lastReason ?? ''}the latest --at is ${date(limits.lastDay)}`;
  }
  if (day < limits.firstDay) {
    return `--at ${request.at}: the model needs ${limits.firstDay} days of history (training and a ${WARMUP_DAYS}-day warm-up of the bands); the earliest --at is ${date(limits.firstDay)}`;
  }
  return undefined;
}

function predictLoad(
  name: string,
  problems: LoadProblem[],
  atMs: number,
  request: PredictRequest,
): PredictOutcome {
  if (problems.length === 0)
    return { ok: false, errors: [`${name}: no complete day of load and temperature`] };
  const { startMs } = problems[0];
  const nDays = Math.floor(problems[0].load.length / 24);
  const day = Math.round((atMs - startMs) / DAY_MS);
  const history = createLoadModel(problems[0], 'default', request.weather).minHistoryDays;
  const error = checkDay(day, request, {
    startMs,
    firstDay: history + WARMUP_DAYS,
    lastDay: nDays,
    lastDataDay: nDays - 1,
  });
  if (error) return { ok: false, errors: [error] };
  if (day === nDays && request.weather === 'actual') {
    return {
      ok: false,
      errors: [
        `--at ${request.at}: the data has no observed weather for that day; use --weather persistence`,
      ],
    };
  }
  const h = request.horizonHours;
  const zones = problems.map((problem): ZonePrediction => {
    const padded = day === nDays ? padOneDay(problem) : problem;
    const model = createLoadModel(padded, 'default', request.weather);
    const q = predictDay(model, padded.load, day, new ResidualBands(), { warmupDays: WARMUP_DAYS });
    const historyFrom = (day - HISTORY_DAYS) * 24;
    return {
      zone: problem.zone,
      timesMs: hoursOf(startMs, day * 24, h),
      p10: q.p10.slice(0, h),
      p50: q.p50.slice(0, h),
      p90: q.p90.slice(0, h),
      actual: sliceOrNaN(padded.load, day * 24, h),
      recent: q.recent,
      history: {
        timesMs: hoursOf(startMs, historyFrom, HISTORY_DAYS * 24),
        values: padded.load.slice(historyFrom, day * 24),
      },
    };
  });
  return {
    ok: true,
    prediction: {
      dataset: name,
      kind: 'load',
      at: request.at,
      horizonHours: h,
      weather: request.weather,
      unit: 'kW',
      clock: { kind: 'wall', utcOffsetMinutes: 0 },
      zones,
    },
  };
}

function padOneDay(problem: LoadProblem): LoadProblem {
  const grow = (values: Float64Array) => {
    const out = new Float64Array(values.length + 24).fill(Number.NaN);
    out.set(values);
    return out;
  };
  return { ...problem, load: grow(problem.load), temperature: grow(problem.temperature) };
}

function predictPv(
  dataset: Extract<ForecastDataset, { kind: 'pv' }>,
  atMs: number,
  request: PredictRequest,
): PredictOutcome {
  const problem: PvProblem = buildPvDatasetProblem(dataset);
  const offsetMs = dataset.site.standardOffsetMinutes * 60_000;
  const localStart = problem.startMs + offsetMs;
  const nDays = Math.floor(problem.powerKw.length / 24);
  const day = Math.round((atMs - localStart) / DAY_MS);
  const model = createPvDayAheadModel(problem, { weather: request.weather });
  const error = checkDay(day, request, {
    startMs: localStart,
    firstDay: model.minHistoryDays + WARMUP_DAYS,
    lastDay: nDays - 1,
    lastDataDay: nDays - 1,
    lastReason: "PV forecasts need the dataset's clear-sky irradiance of the day, so ",
  });
  if (error) return { ok: false, errors: [error] };
  const h = request.horizonHours;
  const capacityKw = estimatePvCapacityKw(problem, day);
  const q = predictDay(model, problem.powerKw, day, new LevelBands(WARMUP_DAYS, 150, 0, capacityKw * 1.2), {
    warmupDays: WARMUP_DAYS,
    context: findClearSkyPotentialKw(problem, capacityKw),
  });
  const historyFrom = (day - HISTORY_DAYS) * 24;
  return {
    ok: true,
    prediction: {
      dataset: dataset.name,
      kind: 'pv',
      at: request.at,
      horizonHours: h,
      weather: request.weather,
      unit: 'kW',
      clock: { kind: 'fixed-offset', utcOffsetMinutes: dataset.site.standardOffsetMinutes },
      zones: [
        {
          zone: 'pv',
          timesMs: hoursOf(problem.startMs, day * 24, h),
          p10: q.p10.slice(0, h),
          p50: q.p50.slice(0, h),
          p90: q.p90.slice(0, h),
          actual: sliceOrNaN(problem.powerKw, day * 24, h),
          recent: q.recent,
          history: {
            timesMs: hoursOf(problem.startMs, historyFrom, HISTORY_DAYS * 24),
            values: problem.powerKw.slice(historyFrom, day * 24),
          },
        },
      ],
    },
  };
}
