/**
 * Charts as static, self-contained SVG rendered in Node without a browser (ECharts server-side
 * rendering): forecast plots and report figures described by the chart port of `app`.
 */
export { renderChartSvg } from './render-chart-svg.ts';
