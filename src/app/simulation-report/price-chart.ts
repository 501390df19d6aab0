/**
 * Prices per zone of one controller as step series (a price holds for its whole interval), with
 * the range in the caption; none for a run without any price.
 */
import type { ControllerRun, SimulationRecord } from '../../domain/operation/index.ts';
import type { ChartSection } from './chart-section.ts';
import { controllerPhrase, controllerTitle, formatNumber } from './compare-kpis.ts';
import { scenarioTimeAxis } from './report-clock.ts';
import { findExtreme, hasFinite } from './series-stats.ts';

export function buildPriceSection(record: SimulationRecord, run: ControllerRun): ChartSection | undefined {
  const zones = record.zones.filter((zone) => hasFinite(run.series.zones[zone]?.pricePerMwh ?? []));
  if (zones.length === 0) return undefined;
  const who = controllerTitle(run.controller);
  const whoText = controllerPhrase(run.controller);
  const unit = `${record.currency}/MWh`;
  const ranges = zones.map((zone) => {
    const prices = run.series.zones[zone].pricePerMwh;
    const low = findExtreme(prices, 'min').value;
    const high = findExtreme(prices, 'max').value;
    return `${zone} ${formatNumber(low, 2)} to ${formatNumber(high, 2)}`;
  });
  return {
    heading: `Prices per zone, ${who}`,
    paragraphs: [
      `The price of energy in each zone and interval under ${whoText}, in ${unit}; ` +
        `a price holds for its whole interval. Range: ${ranges.join('; ')}.`,
    ],
    chart: {
      kind: 'time-series',
      title: `${record.scenario}: prices per zone, ${who}`,
      subtitle: `${unit}, per interval`,
      yLabel: `price (${unit})`,
      timeAxis: scenarioTimeAxis(record),
      series: zones.map((zone) => ({
        kind: 'step' as const,
        name: zone,
        timesMs: record.intervalStartMs,
        values: run.series.zones[zone].pricePerMwh,
      })),
    },
  };
}
