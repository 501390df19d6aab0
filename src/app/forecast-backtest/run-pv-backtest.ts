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
  type DayAheadModel,
  type PvBacktestScores,
  type PvProblem,
} from '../../core/forecast/index.ts';
import type { PvDataset } from '../ports.ts';
import { resolveBacktestDays } from './resolve-backtest-days.ts';

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
  const names = request.models ?? PV_MODELS;
  const models = names.map((n) => createModel(problem, n, request.weather));
  const history = Math.max(...models.map((m) => m.minHistoryDays));
  const days = resolveBacktestDays(request, localStart, nDays, history, WARMUP_DAYS);
  if (!days.ok) return days;
  const { fromDay, toDay } = days;
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
