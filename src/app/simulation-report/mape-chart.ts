/**
 * The day-ahead forecast error as it evolved: MAPE of the zone-total demand per simulated day
 * (forecastMapeByDay), as bars at the middle of each day, one series per controller with a forecast.
 */
import type { SimulationRecord } from '../../domain/operation/index.ts';
import type { ChartSection } from './chart-section.ts';
import { controllerTitle, formatNumber, orderedRuns } from './compare-kpis.ts';
import { formatScenarioTime, intervalBoundaryMs, scenarioTimeAxis } from './report-clock.ts';

const DAY_MS = 86_400_000;
const COLORS = { kirchhoff: '#0072B2', baseline: '#D55E00' } as const;

export function buildMapeSection(record: SimulationRecord): ChartSection | undefined {
  const runs = orderedRuns(record).filter((run) => run.kpis.forecastMapeByDay.some(Number.isFinite));
  if (runs.length === 0) return undefined;
  const perDay = Math.round(1440 / record.intervalMin);
  const dayStartMs = (d: number): number => intervalBoundaryMs(record, d * perDay);
  const days = Math.max(...runs.map((run) => run.kpis.forecastMapeByDay.length));
  const noonMs = Array.from({ length: days }, (_, d) => dayStartMs(d) + DAY_MS / 2);
  const lists = runs.map((run) => {
    const values = run.kpis.forecastMapeByDay.map((v, d) => {
      const day = formatScenarioTime(dayStartMs(d), record.utcOffsetMinutes).slice(0, 10);
      return `${day} ${formatNumber(v, 2)} %`;
    });
    return `${controllerTitle(run.controller)}: ${values.join(', ')}`;
  });
  return {
    heading: 'Forecast error per day',
    paragraphs: [
      `Mean absolute percentage error of the forecast of the zone-total demand, per simulated day. ${lists.join('. ')}.`,
    ],
    chart: {
      kind: 'time-series',
      title: `${record.scenario}: forecast MAPE per day`,
      subtitle: 'zone-total demand, % per simulated day',
      yLabel: 'MAPE (%)',
      timeAxis: scenarioTimeAxis(record),
      series: runs.map((run) => ({
        kind: 'bar' as const,
        name: controllerTitle(run.controller),
        timesMs: noonMs.slice(0, run.kpis.forecastMapeByDay.length),
        values: run.kpis.forecastMapeByDay,
        color: COLORS[run.controller],
      })),
    },
  };
}
