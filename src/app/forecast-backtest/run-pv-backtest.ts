/**
 * The `forecast backtest` use case for a PV dataset: day-ahead forecasts of hourly PV power issued
 * at each local (standard-time) midnight from `from` to `to`, trained only on data before each
 * origin, scored on daylight hours. Models: `default` (the physical model with estimated site
 * parameters and a learned residual correction), `previous-day` (yesterday's PV, the persistence
 * the targets refer to) and `seasonal-naive` (the same hour a week before).
 */
import {
  backtestPv,
  buildPvProblem,
  countPvDays,
  createLagModel,
  createPvDayAheadModel,
  DAY_MS,
  type DayAheadModel,
  type PvBacktestScores,
  type PvProblem,
} from '../../core/forecast/index.ts';
import type { PvDataset } from '../ports.ts';

export const PV_MODELS = ['default', 'seasonal-naive', 'previous-day'] as const;
export type PvModelName = (typeof PV_MODELS)[number];
const WARMUP_DAYS = 56;

export interface PvBacktestRequest {
  readonly from: string;
  readonly to: string;
  readonly weather: 'actual' | 'persistence';
  readonly models?: readonly PvModelName[];
  readonly onProgress?: (done: number, total: number) => void;
}

export type PvBacktestOutcome =
  | {
      readonly ok: true;
      readonly report: {
        readonly dataset: string;
        readonly from: string;
        readonly to: string;
        readonly weather: 'actual' | 'persistence';
        readonly results: readonly PvBacktestScores[];
      };
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** The dataset as a PV problem (hourly, days from the site's standard-time midnight). */
export function buildPvDatasetProblem(dataset: PvDataset): PvProblem {
  return buildPvProblem(dataset.name, dataset.power, dataset.weather, dataset.site);
}

function createModel(
  problem: PvProblem,
  name: PvModelName,
  weather: PvBacktestRequest['weather'],
): DayAheadModel {
  if (name === 'seasonal-naive') return createLagModel(problem.powerKw, name, 7);
  if (name === 'previous-day') return createLagModel(problem.powerKw, name, 1);
  return createPvDayAheadModel(problem, { weather });
}

export function runPvBacktest(dataset: PvDataset, request: PvBacktestRequest): PvBacktestOutcome {
  const problem = buildPvDatasetProblem(dataset);
  const nDays = countPvDays(problem);
  const localStart = problem.startMs + dataset.site.standardOffsetMinutes * 60_000;
  const day = (date: string, option: string): number | string => {
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms))
      return `${option} ${date}: expected a date YYYY-MM-DD`;
    return Math.round((ms - localStart) / DAY_MS);
  };
  const fromDay = day(request.from, '--from');
  const toDay = day(request.to, '--to');
  if (typeof fromDay === 'string') return { ok: false, errors: [fromDay] };
  if (typeof toDay === 'string') return { ok: false, errors: [toDay] };
  const dateOf = (d: number) => new Date(localStart + d * DAY_MS).toISOString().slice(0, 10);
  if (toDay < fromDay) return { ok: false, errors: [`--to ${request.to} is before --from ${request.from}`] };
  if (toDay >= nDays)
    return { ok: false, errors: [`--to ${request.to}: the data ends on ${dateOf(nDays - 1)}`] };
  const names = request.models ?? PV_MODELS;
  const models = names.map((n) => createModel(problem, n, request.weather));
  const needed = Math.max(...models.map((m) => m.minHistoryDays)) + WARMUP_DAYS;
  if (fromDay < needed) {
    return {
      ok: false,
      errors: [
        `--from ${request.from}: the data starts on ${dateOf(0)} and the models need ${needed} days of history ` +
          `(training and a ${WARMUP_DAYS}-day warm-up of the quantile bands); the earliest --from is ${dateOf(needed)}`,
      ],
    };
  }
  const outcome = backtestPv(problem, models, {
    fromDay,
    toDay,
    warmupDays: WARMUP_DAYS,
    onProgress: request.onProgress,
  });
  return {
    ok: true,
    report: {
      dataset: dataset.name,
      from: request.from,
      to: request.to,
      weather: request.weather,
      results: outcome.scores,
    },
  };
}
