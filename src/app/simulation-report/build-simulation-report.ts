/**
 * The simulation report as a document: the outcome in plain words, the KPI table of the
 * controllers side by side, the charts (demand against forecast per zone, dispatch stacks with
 * event markers, prices, state of charge, voltage heat maps, forecast error per day) rendered
 * through the chart port, and the event table.
 */
import type { SimulationRecord } from '../../domain/operation/index.ts';
import type { RenderChartSvg } from '../chart-port.ts';
import type { ReportDocument, ReportSection } from '../report-document.ts';
import { type ChartSection, renderChartSection } from './chart-section.ts';
import { compareKpis, controllerTitle, formatNumber, orderedRuns } from './compare-kpis.ts';
import { buildDispatchSection } from './dispatch-chart.ts';
import { buildEventTable } from './event-timeline.ts';
import { buildZoneForecastSection } from './forecast-chart.ts';
import { buildKpiTable } from './kpi-table.ts';
import { buildMapeSection } from './mape-chart.ts';
import { buildOutcomeSections } from './outcome-summary.ts';
import { buildPriceSection } from './price-chart.ts';
import { formatScenarioTime, formatUtcOffset, intervalBoundaryMs } from './report-clock.ts';
import { buildSocSection } from './soc-chart.ts';
import { buildVoltageHeatMapSection } from './voltage-heat-map.ts';

function describeRun(record: SimulationRecord): string {
  const n = record.intervalStartMs.length;
  const at = (i: number): string =>
    formatScenarioTime(intervalBoundaryMs(record, i), record.utcOffsetMinutes);
  const controllers = orderedRuns(record)
    .map((run) => controllerTitle(run.controller))
    .join(' and ');
  const period =
    n > 0 ? `from ${at(0)} to ${at(n)} (${formatUtcOffset(record.utcOffsetMinutes)})` : 'no intervals';
  return (
    `${record.description ? `${record.description} ` : ''}${controllers}; ` +
    `${formatNumber(n, 0)} intervals of ${record.intervalMin} min ${period}; seed ${record.seed}.`
  );
}

export function buildSimulationReport(
  record: SimulationRecord,
  renderChartSvg: RenderChartSvg,
): ReportDocument {
  const runs = orderedRuns(record);
  const comparisons = compareKpis(record);
  const charts: (ChartSection | undefined)[] = [
    ...record.zones.map((zone) => buildZoneForecastSection(record, zone)),
    ...runs.map((run) => buildDispatchSection(record, run)),
    ...runs.map((run) => buildPriceSection(record, run)),
    buildSocSection(record),
    ...runs.map((run) => buildVoltageHeatMapSection(record, run)),
    buildMapeSection(record),
  ];
  const chartSections = charts
    .filter((c): c is ChartSection => c !== undefined)
    .map((c) => renderChartSection(c, renderChartSvg));
  const sections: ReportSection[] = [
    ...buildOutcomeSections(record, comparisons),
    {
      heading: 'Key performance indicators',
      paragraphs: [
        'The KPIs of each run, computed from the simulated grid (true values, not the controllers’ view). ' +
          'The difference is Kirchhoff against the baseline, in points for a share in %, else relative. ' +
          'The column "better" names the controller with the better value; values that round to the same ' +
          'are equal; rows without a better direction are context.',
      ],
      table: buildKpiTable(comparisons),
    },
    ...chartSections,
    {
      heading: 'Events',
      paragraphs: [
        record.events.length > 0
          ? `The scenario's events and the controllers' actions, in time order, on the scenario clock ` +
            `(${formatUtcOffset(record.utcOffsetMinutes)}); the numbers are those of the markers on the dispatch charts.`
          : 'The run had no events.',
      ],
      ...(record.events.length > 0 ? { table: buildEventTable(record) } : {}),
    },
  ];
  return { title: `Closed-loop simulation: ${record.scenario}`, subtitle: describeRun(record), sections };
}
