/**
 * The `forecast backtest` use case for load datasets: day-ahead forecasts issued at 00:00 local
 * time for each day from `from` to `to`, trained only on data strictly before each origin, scored
 * per model and zone. Models: `default` (the regression blended with the previous day by recent
 * accuracy), `seasonal-naive`, `previous-day`, and on request `regression` alone.
 */
import {
  type BacktestScores,
  backtestDayAhead,
  createCombinedModel,
  createDayAheadRegression,
  createNaiveModel,
  DAY_MS,
  type DayAheadModel,
  findLoadAnomalies,
  type LoadProblem,
} from '../../core/forecast/index.ts';
import type { LoadDataset } from '../ports.ts';
import { buildLoadProblems } from './build-load-problems.ts';
import { resolveBacktestDays } from './resolve-backtest-days.ts';

/** The models a backtest runs unless told otherwise. */
export const LOAD_MODELS = ['default', 'seasonal-naive', 'previous-day'] as const;
/** All models `--model` accepts: also the regression alone, the main member of `default`. */
export const LOAD_MODEL_CHOICES = [...LOAD_MODELS, 'regression'] as const;
export type LoadModelName = (typeof LOAD_MODEL_CHOICES)[number];
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

/** A finding in the scored data that a zone's score may owe more to the data than to the model. */
export interface LoadDataNote {
  readonly zone: string;
  readonly kind: 'outage' | 'level-shift';
  /** First day concerned, 'YYYY-MM-DD'. */
  readonly date: string;
  readonly note: string;
}

export interface LoadBacktestReport {
  readonly dataset: string;
  readonly from: string;
  readonly to: string;
  readonly weather: 'actual' | 'persistence';
  readonly results: readonly BacktestScores[];
  /** Outages and level shifts found in the scored days (load-anomalies.ts): candidates for exclusion. */
  readonly dataNotes: readonly LoadDataNote[];
}

export type LoadBacktestOutcome =
  | { readonly ok: true; readonly report: LoadBacktestReport }
  | { readonly ok: false; readonly errors: readonly string[] };

/** A load model by name: `default` blends the regression with the previous day (combined-model.ts). */
export function createLoadModel(
  problem: LoadProblem,
  name: LoadModelName,
  weather: LoadBacktestRequest['weather'],
): DayAheadModel {
  if (name === 'seasonal-naive') return createNaiveModel(problem, name, 7);
  if (name === 'previous-day') return createNaiveModel(problem, name, 1);
  const regression = createDayAheadRegression(problem, { weather });
  if (name === 'regression') return regression;
  return createCombinedModel(
    'default',
    regression,
    createNaiveModel(problem, 'previous-day', 1),
    problem.load,
  );
}

export function runLoadBacktest(dataset: LoadDataset, request: LoadBacktestRequest): LoadBacktestOutcome {
  const problems = buildLoadProblems(dataset);
  if (problems.length === 0 || problems[0].load.length < 24) {
    return { ok: false, errors: [`${dataset.name}: no complete day of load and temperature`] };
  }
  const { startMs } = problems[0];
  const nDays = Math.floor(problems[0].load.length / 24);
  const names = request.models ?? LOAD_MODELS;
  const models0 = names.map((n) => createLoadModel(problems[0], n, request.weather));
  const history = Math.max(...models0.map((m) => m.minHistoryDays));
  const days = resolveBacktestDays(request, startMs, nDays, history, WARMUP_DAYS);
  if (!days.ok) return days;
  const { fromDay, toDay } = days;
  const results: BacktestScores[] = [];
  const dataNotes: LoadDataNote[] = [];
  const total = problems.length;
  problems.forEach((problem, z) => {
    const models = names.map((n) => createLoadModel(problem, n, request.weather));
    const outcome = backtestDayAhead(problem, models, {
      fromDay,
      toDay,
      warmupDays: WARMUP_DAYS,
      onProgress: request.onProgress && ((done, all) => request.onProgress?.(z * all + done, total * all)),
    });
    results.push(...outcome.scores);
    for (const anomaly of findLoadAnomalies(problem.load, fromDay, toDay)) {
      const date = new Date(startMs + anomaly.day * DAY_MS).toISOString().slice(0, 10);
      const what =
        anomaly.kind === 'outage'
          ? `${anomaly.size} outage hours (load below 5 % of its median), the first on ${date}`
          : `a level shift on ${date}: the next 28 days' median daily load is ${anomaly.size.toFixed(2)} times the previous 28 days'`;
      dataNotes.push({ zone: problem.zone, kind: anomaly.kind, date, note: `${problem.zone}: ${what}` });
    }
  });
  return {
    ok: true,
    report: {
      dataset: dataset.name,
      from: request.from,
      to: request.to,
      weather: request.weather,
      results,
      dataNotes,
    },
  };
}
