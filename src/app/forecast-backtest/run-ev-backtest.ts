/**
 * The `forecast backtest` use case for EV charging sessions: at 00:00 local time of each day from
 * `from` to `to`, forecast the energy and the departure of every session plugging in that day from
 * the sessions completed before, and score each model. Models: `default` (the conditional quantile)
 * and `per-driver-median` (the baseline). Local time comes from the dataset's offset lookup.
 */
import {
  backtestEvSessions,
  createConditionalEvModel,
  createPerDriverMedianModel,
  type EvBacktestScores,
  type EvSessionModel,
  type EvSessionPrediction,
  type LocalOffsetLookup,
  localDayNumber,
} from '../../core/forecast/index.ts';
import type { EvDataset } from '../ports.ts';

export const EV_MODELS = ['default', 'per-driver-median'] as const;
export type EvModelName = (typeof EV_MODELS)[number];
/** Days of sessions needed before the first forecast day. */
export const EV_HISTORY_DAYS = 28;
const DAY_MS = 86_400_000;

export interface EvBacktestRequest {
  /** First and last forecast day, 'YYYY-MM-DD' (local). */
  readonly from: string;
  readonly to: string;
  /** Run only these models (default: all). */
  readonly models?: readonly EvModelName[];
  /** Return every session's forecasts in the report (default false). */
  readonly keepPredictions?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface EvBacktestReport {
  readonly dataset: string;
  readonly from: string;
  readonly to: string;
  readonly results: readonly EvBacktestScores[];
  readonly predictions?: readonly EvSessionPrediction[];
}

export type EvBacktestOutcome =
  | { readonly ok: true; readonly report: EvBacktestReport }
  | { readonly ok: false; readonly errors: readonly string[] };

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function parseDay(date: string, option: string): number | string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms) || isoDay(ms / DAY_MS) !== date) {
    return `${option} ${date}: expected a date YYYY-MM-DD`;
  }
  return ms / DAY_MS;
}

function createModel(name: EvModelName, offsetAt: LocalOffsetLookup): EvSessionModel {
  return name === 'per-driver-median' ? createPerDriverMedianModel() : createConditionalEvModel({ offsetAt });
}

export function runEvBacktest(dataset: EvDataset, request: EvBacktestRequest): EvBacktestOutcome {
  const { offsetAt } = dataset;
  if (dataset.sessions.length === 0) return { ok: false, errors: [`${dataset.name}: no sessions`] };
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const s of dataset.sessions) {
    firstMs = Math.min(firstMs, s.plugInMs);
    lastMs = Math.max(lastMs, s.plugInMs);
  }
  const firstDay = localDayNumber(firstMs, offsetAt);
  // The day of the last plug-in may be cut short by the end of the data: the last full day is before it.
  const lastFullDay = localDayNumber(lastMs, offsetAt) - 1;
  const earliest = firstDay + EV_HISTORY_DAYS;
  const fromDay = parseDay(request.from, '--from');
  const toDay = parseDay(request.to, '--to');
  const errors: string[] = [];
  if (typeof fromDay === 'string') errors.push(fromDay);
  else if (fromDay < earliest) {
    errors.push(
      `--from ${request.from}: the sessions start on ${isoDay(firstDay)} and the models need ` +
        `${EV_HISTORY_DAYS} days of history; the earliest --from is ${isoDay(earliest)}`,
    );
  }
  if (typeof toDay === 'string') errors.push(toDay);
  else if (toDay > lastFullDay) {
    errors.push(
      `--to ${request.to}: the data ends on ${isoDay(lastFullDay)} (the last full day of plug-ins)`,
    );
  }
  if (errors.length === 0 && (toDay as number) < (fromDay as number)) {
    errors.push(`--to ${request.to} is before --from ${request.from}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const names = request.models ?? EV_MODELS;
  const outcome = backtestEvSessions(
    dataset.sessions,
    names.map((name) => createModel(name, offsetAt)),
    {
      fromDay: fromDay as number,
      toDay: toDay as number,
      offsetAt,
      keepPredictions: request.keepPredictions,
      onProgress: request.onProgress,
    },
  );
  return {
    ok: true,
    report: {
      dataset: dataset.name,
      from: request.from,
      to: request.to,
      results: outcome.scores,
      ...(request.keepPredictions ? { predictions: outcome.predictions } : {}),
    },
  };
}
