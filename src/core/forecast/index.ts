/**
 * Forecasting core: time series with explicit clocks, accuracy measures, day-ahead load models
 * (naive baselines and the default regression) and the rolling-origin backtest.
 */
export type { BacktestOptions, BacktestOutcome, BacktestScores } from './backtest-day-ahead.ts';
export { backtestDayAhead, QUANTILE_LEVELS } from './backtest-day-ahead.ts';
export type { DayAheadModel } from './day-ahead-model.ts';
export { createNaiveModel } from './day-ahead-model.ts';
export type { RegressionOptions } from './day-ahead-regression.ts';
export { createDayAheadRegression } from './day-ahead-regression.ts';
export type { PointScores } from './forecast-metrics.ts';
export { intervalCoverage, pinballLoss, scorePoints, seasonalNaiveScale } from './forecast-metrics.ts';
export type { LoadProblem } from './load-problem.ts';
export { dateKey, toHourlyWall, wallStartMs } from './load-problem.ts';
export { empiricalQuantile, ResidualBands } from './residual-bands.ts';
export type { RegularSeries, SeriesClock } from './time-series.ts';
export { DAY_MS, HOUR_MS, indexAt, timeAt } from './time-series.ts';
