/** The battery fleet's mean state of charge over time, one line per controller, with the range in the caption. */
import type { SimulationRecord } from '../../domain/operation/index.ts';
import type { ChartSection } from './chart-section.ts';
import { controllerTitle, formatNumber, orderedRuns } from './compare-kpis.ts';
import { scenarioTimeAxis } from './report-clock.ts';
import { findExtreme, hasFinite } from './series-stats.ts';

const COLORS = { kirchhoff: '#0072B2', baseline: '#D55E00' } as const;

export function buildSocSection(record: SimulationRecord): ChartSection | undefined {
  const runs = orderedRuns(record).filter((run) => hasFinite(run.series.socFraction));
  if (runs.length === 0) return undefined;
  const percent = runs.map((run) => run.series.socFraction.map((v) => 100 * v));
  const ranges = runs.map((run, k) => {
    const low = findExtreme(percent[k], 'min').value;
    const high = findExtreme(percent[k], 'max').value;
    return `${controllerTitle(run.controller)} ${formatNumber(low, 1)} % to ${formatNumber(high, 1)} %`;
  });
  return {
    heading: 'Battery state of charge',
    paragraphs: [
      `Mean state of charge of the battery fleet, in % of its capacity. Range: ${ranges.join('; ')}.`,
    ],
    chart: {
      kind: 'time-series',
      title: `${record.scenario}: battery fleet state of charge`,
      subtitle: 'mean over the fleet, % of capacity',
      yLabel: 'state of charge (%)',
      timeAxis: scenarioTimeAxis(record),
      series: runs.map((run, k) => ({
        kind: 'line' as const,
        name: controllerTitle(run.controller),
        timesMs: record.intervalStartMs,
        values: percent[k],
        color: COLORS[run.controller],
      })),
    },
  };
}
