/**
 * The picture of a prediction: the week of history, the P10-P90 band and the P50 of the forecast,
 * the actuals of the horizon where known, and a marker at the forecast origin.
 */
import type { TimeSeriesChart } from '../chart-port.ts';
import type { Prediction, ZonePrediction } from './predict-forecast.ts';

export function buildForecastChart(prediction: Prediction, zone: ZonePrediction): TimeSeriesChart {
  const what = prediction.kind === 'pv' ? 'PV power' : 'load';
  const offset = prediction.clock.utcOffsetMinutes;
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  const clockLabel =
    prediction.clock.kind === 'wall'
      ? 'local time (wall clock of the data)'
      : `local standard time (UTC${sign}${hh}:${mm})`;
  const weather =
    prediction.weather === 'actual'
      ? 'observed weather of the day (an upper bound)'
      : 'weather known at the origin';
  return {
    kind: 'time-series',
    title: `${prediction.dataset}: ${what} forecast, ${zone.zone}, issued ${prediction.at}`,
    subtitle: `default model, P10-P90 band and P50, ${prediction.horizonHours} h ahead; ${weather}`,
    yLabel: `${what} (${prediction.unit})`,
    timeAxis: { label: clockLabel, utcOffsetMinutes: prediction.clock.kind === 'wall' ? 0 : offset },
    series: [
      {
        kind: 'band',
        name: 'P10-P90',
        timesMs: zone.timesMs,
        lower: zone.p10,
        upper: zone.p90,
        color: '#9ecae1',
      },
      {
        kind: 'line',
        name: 'history',
        timesMs: zone.history.timesMs,
        values: zone.history.values,
        color: '#444444',
      },
      {
        kind: 'line',
        name: 'actual',
        timesMs: zone.timesMs,
        values: zone.actual,
        color: '#444444',
        dashed: true,
      },
      { kind: 'line', name: 'P50', timesMs: zone.timesMs, values: zone.p50, color: '#08519c' },
    ],
    markers: [{ atMs: zone.timesMs[0], label: 'forecast origin' }],
  };
}
