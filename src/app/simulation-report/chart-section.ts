/** A report section that is a chart with its caption, before rendering; rendered into a `ReportSection`. */
import type { Chart, RenderChartSvg } from '../chart-port.ts';
import type { ReportSection } from '../report-document.ts';

export interface ChartSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly chart: Chart;
}

export function renderChartSection(section: ChartSection, renderChartSvg: RenderChartSvg): ReportSection {
  return { heading: section.heading, paragraphs: section.paragraphs, svg: renderChartSvg(section.chart) };
}
