/**
 * Demand against the forecast per zone: the true demand, the P50 forecast and its P10-P90 band of
 * Kirchhoff's run (or of the first run with a forecast for the zone), with the band's coverage and
 * the MAPE in the caption.
 */
import type { SimulationRecord } from '../../domain/operation/index.ts';
import type { TimeSeries } from '../chart-port.ts';
import type { ChartSection } from './chart-section.ts';
import { controllerTitle, formatNumber, orderedRuns } from './compare-kpis.ts';
import { scenarioTimeAxis } from './report-clock.ts';
import { bandCoveragePercent, hasFinite, meanAbsolutePercentageError } from './series-stats.ts';

export function buildZoneForecastSection(record: SimulationRecord, zone: string): ChartSection | undefined {
  const runs = orderedRuns(record).filter((run) => run.series.zones[zone] !== undefined);
  if (runs.length === 0) return undefined;
  const forecaster = runs.find((run) => hasFinite(run.series.zones[zone].forecastMw));
  const demand = runs[0].series.zones[zone].demandMw;
  const timesMs = record.intervalStartMs;
  const series: TimeSeries[] = [];
  const paragraphs: string[] = [];
  if (forecaster) {
    const z = forecaster.series.zones[zone];
    const who = controllerTitle(forecaster.controller);
    series.push(
      {
        kind: 'band',
        name: 'P10-P90',
        timesMs,
        lower: z.forecastP10Mw,
        upper: z.forecastP90Mw,
        color: '#9ecae1',
      },
      { kind: 'line', name: `forecast P50 (${who})`, timesMs, values: z.forecastMw, color: '#08519c' },
    );
    const coverage = bandCoveragePercent(z.demandMw, z.forecastP10Mw, z.forecastP90Mw);
    const mape = meanAbsolutePercentageError(z.demandMw, z.forecastMw);
    paragraphs.push(
      `True demand of zone ${zone} against ${who}'s forecast as it was used in the run. ` +
        `The demand fell inside the P10-P90 band in ${formatNumber(coverage, 1)} % of the intervals ` +
        `(a calibrated band holds about 80 %); mean absolute percentage error of the P50: ${formatNumber(mape, 2)} %.`,
    );
  } else {
    paragraphs.push(`True demand of zone ${zone}. No controller recorded a forecast for this zone.`);
  }
  series.push({ kind: 'line', name: 'true demand', timesMs, values: demand, color: '#333333' });
  return {
    heading: `Demand and forecast, zone ${zone}`,
    paragraphs,
    chart: {
      kind: 'time-series',
      title: `${record.scenario}: demand and forecast, zone ${zone}`,
      subtitle: forecaster
        ? 'true demand, P50 forecast and P10-P90 band'
        : 'true demand (no forecast recorded)',
      yLabel: 'demand (MW)',
      timeAxis: scenarioTimeAxis(record),
      series,
    },
  };
}
