/** Use case: rolling-origin day-ahead backtests of the forecasting models on a dataset folder. */
export { buildLoadProblems } from './build-load-problems.ts';
export type {
  EvBacktestOutcome,
  EvBacktestReport,
  EvBacktestRequest,
  EvModelName,
} from './run-ev-backtest.ts';
export { EV_HISTORY_DAYS, EV_MODELS, runEvBacktest } from './run-ev-backtest.ts';
export type {
  LoadBacktestOutcome,
  LoadBacktestReport,
  LoadBacktestRequest,
  LoadDataNote,
  LoadModelName,
} from './run-load-backtest.ts';
export { createLoadModel, LOAD_MODEL_CHOICES, LOAD_MODELS, runLoadBacktest } from './run-load-backtest.ts';
export type { PvBacktestOutcome, PvBacktestRequest, PvModelName } from './run-pv-backtest.ts';
export { buildPvDatasetProblem, PV_MODELS, runPvBacktest } from './run-pv-backtest.ts';
