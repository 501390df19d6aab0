/**
 * Forecasting core: time series with explicit clocks, accuracy measures, day-ahead load models
 * (naive baselines and the default regression) and the rolling-origin backtest.
 */

export type { AccuracySummary, DayAccuracy } from './accuracy-tracker.ts';
export { AccuracyTracker } from './accuracy-tracker.ts';
export type { BacktestOptions, BacktestOutcome, BacktestScores } from './backtest-day-ahead.ts';
export { backtestDayAhead, QUANTILE_LEVELS } from './backtest-day-ahead.ts';
export { createCombinedModel } from './combined-model.ts';
export type { DayAheadModel } from './day-ahead-model.ts';
export { createLagModel, createNaiveModel } from './day-ahead-model.ts';
export type { RegressionOptions } from './day-ahead-regression.ts';
export { createDayAheadRegression } from './day-ahead-regression.ts';
export type {
  EvBacktestOptions,
  EvBacktestResult,
  EvBacktestScores,
  EvSessionPrediction,
} from './ev-backtest.ts';
export { backtestEvSessions } from './ev-backtest.ts';
export type { ConditionalModelOptions } from './ev-conditional-model.ts';
export {
  circularBandwidthH,
  createConditionalEvModel,
  estimateCredibilityK,
} from './ev-conditional-model.ts';
export type {
  EvSessionForecast,
  EvSessionModel,
  EvSessionQuery,
  EvSessionRecord,
  LocalOffsetLookup,
  LocalTimeFeatures,
  QuantileTriple,
} from './ev-session-model.ts';
export {
  createPerDriverMedianModel,
  EV_QUANTILE_LEVELS,
  localDayNumber,
  localMidnightMs,
  localTimeFeatures,
} from './ev-session-model.ts';
export type { PointScores } from './forecast-metrics.ts';
export { intervalCoverage, pinballLoss, scorePoints, seasonalNaiveScale } from './forecast-metrics.ts';
export { LevelBands } from './level-bands.ts';
export type { LoadAnomaly } from './load-anomalies.ts';
export { findLoadAnomalies } from './load-anomalies.ts';
export type { LoadProblem } from './load-problem.ts';
export { dateKey, toHourlyWall, wallStartMs } from './load-problem.ts';
export type { DayBands, QuantileDay, QuantileDays } from './predict-day.ts';
export { forecastDays, predictDay } from './predict-day.ts';
export type { PvBacktestOutcome, PvBacktestScores } from './pv-backtest.ts';
export { backtestPv, estimatePvCapacityKw, findClearSkyPotentialKw } from './pv-backtest.ts';
export type { PvModelOptions } from './pv-day-ahead-model.ts';
export { buildPersistenceSky, createPvDayAheadModel } from './pv-day-ahead-model.ts';
export type { PvSiteParameters } from './pv-physical-model.ts';
export { estimatePvSite, physicalPowerKw } from './pv-physical-model.ts';
export type { PvLocation, PvProblem, PvWeatherInput, SkyTable } from './pv-problem.ts';
export { buildPvProblem, countPvDays, SAMPLES_PER_HOUR } from './pv-problem.ts';
export { empiricalQuantile, ResidualBands } from './residual-bands.ts';
export type { RegularSeries, SeriesClock } from './time-series.ts';
export { DAY_MS, HOUR_MS, indexAt, timeAt } from './time-series.ts';
export { weightedQuantiles, weightedQuantilesSorted } from './weighted-quantile.ts';
