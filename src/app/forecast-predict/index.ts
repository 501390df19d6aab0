/** Use case: a day-ahead forecast with quantiles as it would be issued live, and its chart. */
export { buildForecastChart } from './forecast-chart.ts';
export type { Prediction, PredictOutcome, PredictRequest, ZonePrediction } from './predict-forecast.ts';
export { predictForecast } from './predict-forecast.ts';
