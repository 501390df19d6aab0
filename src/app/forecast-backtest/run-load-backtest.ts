/**
 * The `forecast backtest` use case for load datasets: day-ahead forecasts issued at 00:00 local
 * time for each day from `from` to `to`, trained only on data strictly before each origin, scored
 * per model and zone. Models: `default` (the regression), `seasonal-naive`, `previous-day`.
 */
import {
  type BacktestScores,
  backtestDayAhead,
  createDayAheadRegression,
  createNaiveModel,
  DAY_MS,
  type DayAheadModel,
  type LoadProblem,
} from '../../core/forecast/index.ts';
import type { LoadDataset } from '../ports.ts';
import { buildLoadProblems } from './build-load-problems.ts';

export const LOAD_MODELS = ['default', 'seasonal-naive', 'previous-day'] as const;
export type LoadModelName = (typeof LOAD_MODELS)[number];
const WARMUP_DAYS = 56;

export interface LoadBacktestRequest {
  /** First and last forecast day, 'YYYY-MM-DD' (local). */
  readonly from: string;
  readonly to: string;
  readonly weather: 'actual' | 'persistence';
  /** Run only these models (default: all). */
  readonly models?: readonly LoadModelName[];
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LoadBacktestReport {
  readonly dataset: string;
  readonly from: string;
  readonly to: string;
  readonly weather: 'actual' | 'persistence';
  readonly results: readonly BacktestScores[];
}

export type LoadBacktestOutcome =
  | { readonly ok: true; readonly report: LoadBacktestReport }
  | { readonly ok: false; readonly errors: readonly string[] };

function createModel(
  problem: LoadProblem,
  name: LoadModelName,
  weather: LoadBacktestRequest['weather'],
): DayAheadModel {
  if (name === 'seasonal-naive') return createNaiveModel(problem, name, 7);
  if (name === 'previous-day') return createNaiveModel(problem, name, 1);
  return createDayAheadRegression(problem, { weather });
}

export function runLoadBacktest(dataset: LoadDataset, request: LoadBacktestRequest): LoadBacktestOutcome {
  const problems = buildLoadProblems(dataset);
  if (problems.length === 0 || problems[0].load.length < 24) {
    return { ok: false, errors: [`${dataset.name}: no complete day of load and temperature`] };
  }
  const { startMs } = problems[0];
  const nDays = Math.floor(problems[0].load.length / 24);
  const day = (date: string, option: string): number | string => {
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms))
      return `${option} ${date}: expected a date YYYY-MM-DD`;
    return Math.round((ms - startMs) / DAY_MS);
  };
  const fromDay = day(request.from, '--from');
  const toDay = day(request.to, '--to');
  if (typeof fromDay === 'string') return { ok: false, errors: [fromDay] };
  if (typeof toDay === 'string') return { ok: false, errors: [toDay] };
  const first = new Date(startMs).toISOString().slice(0, 10);
  const last = new Date(startMs + (nDays - 1) * DAY_MS).toISOString().slice(0, 10);
  if (toDay < fromDay) return { ok: false, errors: [`--to ${request.to} is before --from ${request.from}`] };
  if (toDay >= nDays) return { ok: false, errors: [`--to ${request.to}: the data ends on ${last}`] };
  const names = request.models ?? LOAD_MODELS;
  const models0 = names.map((n) => createModel(problems[0], n, request.weather));
  const needed = Math.max(...models0.map((m) => m.minHistoryDays)) + WARMUP_DAYS;
  if (fromDay < needed) {
    const earliest = new Date(startMs + needed * DAY_MS).toISOString().slice(0, 10);
    return {
      ok: false,
      errors: [
        `--from ${request.from}: the data starts on ${first} and the models need ${needed} days of history ` +
          `(training and a ${WARMUP_DAYS}-day warm-up of the quantile bands); the earliest --from is ${earliest}`,
      ],
    };
  }
  const results: BacktestScores[] = [];
  const total = problems.length;
  problems.forEach((problem, z) => {
    const models = names.map((n) => createModel(problem, n, request.weather));
    const outcome = backtestDayAhead(problem, models, {
      fromDay,
      toDay,
      warmupDays: WARMUP_DAYS,
      onProgress: request.onProgress && ((done, all) => request.onProgress?.(z * all + done, total * all)),
    });
    results.push(...outcome.scores);
  });
  return {
    ok: true,
    report: { dataset: dataset.name, from: request.from, to: request.to, weather: request.weather, results },
  };
}
