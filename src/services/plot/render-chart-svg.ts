/** The `RenderChartSvg` port implemented with ECharts' server-side SVG renderer. */
import type { Chart, RenderChartSvg } from '../../app/chart-port.ts';
import { DEFAULT_HEIGHT_PX, DEFAULT_WIDTH_PX } from './chart-frame.ts';
import { buildHeatMapOption } from './heat-map-chart.ts';
import { renderOptionToSvg } from './svg-document.ts';
import { buildTimeSeriesOption } from './time-series-chart.ts';

/** Renders `chart` to a self-contained SVG document (same chart, same string). */
export const renderChartSvg: RenderChartSvg = (chart: Chart): string => {
  const widthPx = chart.widthPx ?? DEFAULT_WIDTH_PX;
  const heightPx = chart.heightPx ?? DEFAULT_HEIGHT_PX;
  if (chart.kind === 'heat-map') return renderOptionToSvg(buildHeatMapOption(chart), widthPx, heightPx, true);
  return renderOptionToSvg(buildTimeSeriesOption(chart), widthPx, heightPx);
};
