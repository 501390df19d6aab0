/** Use case: rolling-origin day-ahead backtests of the forecasting models on a dataset folder. */
export { buildLoadProblems } from './build-load-problems.ts';
export type {
  LoadBacktestOutcome,
  LoadBacktestReport,
  LoadBacktestRequest,
  LoadModelName,
} from './run-load-backtest.ts';
export { LOAD_MODELS, runLoadBacktest } from './run-load-backtest.ts';
