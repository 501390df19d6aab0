/**
 * The ECharts option of a `HeatMapChart`: one row of cells per label (a bus), one column per time,
 * coloured on a fixed scale (viridis) from `min` to `max`. NaN leaves a cell empty.
 */
import type { HeatMapChart } from '../../app/chart-port.ts';
import { MUTED_COLOR, TEXT_COLOR, titleOption } from './chart-frame.ts';
import type { PlotOption } from './svg-document.ts';
import { clockShiftMs, createTickFormatter, formatWallTime } from './time-labels.ts';

const HOUR_MS = 3_600_000;
/** Label steps a heat map's time axis may take, in hours. */
const LABEL_STEPS_H = [1, 2, 3, 6, 12, 24, 48, 168, 336, 672];
const MAX_LABELS = 12;
const VIRIDIS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

/** The smallest step (ms) from `LABEL_STEPS_H` that leaves at most `MAX_LABELS` labels over the span. */
function labelStepMs(spanMs: number): number {
  for (const hours of LABEL_STEPS_H) if (spanMs / (hours * HOUR_MS) <= MAX_LABELS) return hours * HOUR_MS;
  return LABEL_STEPS_H[LABEL_STEPS_H.length - 1] * HOUR_MS;
}

/** The ECharts option of `chart` (sizes apart). */
export function buildHeatMapOption(chart: HeatMapChart): PlotOption {
  const shiftMs = clockShiftMs(chart.timeAxis);
  const columns = chart.xTimesMs.length;
  const wallMs = Array.from(chart.xTimesMs, (t) => t + shiftMs);
  const cells: [number, number, number][] = [];
  chart.yLabels.forEach((_, row) => {
    for (let column = 0; column < columns; column++) {
      const v = chart.values[row * columns + column];
      if (Number.isFinite(v)) cells.push([column, row, v]);
    }
  });
  const stepMs = labelStepMs(columns > 1 ? wallMs[columns - 1] - wallMs[0] : 0);
  const isLabelled = (i: number): boolean => wallMs[i] % stepMs === 0;
  const firstLabelled = wallMs.findIndex((_, i) => isLabelled(i));
  const formatTick = createTickFormatter(chart.timeAxis);
  return {
    title: [
      titleOption(chart.title, chart.subtitle),
      {
        text: chart.valueLabel,
        right: 16,
        top: 44,
        textStyle: { color: TEXT_COLOR, fontSize: 12, fontWeight: 'normal' },
      },
    ],
    grid: { left: 80, right: 120, top: 72, bottom: 64 },
    xAxis: {
      type: 'category',
      // Unique category values (times), labelled by the tick formatter at round steps.
      data: wallMs.map(formatWallTime),
      name: chart.timeAxis.label,
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: { color: TEXT_COLOR },
      axisTick: { alignWithLabel: true, interval: isLabelled },
      axisLabel: {
        interval: isLabelled,
        formatter: (_: string, i: number) => formatTick(wallMs[i], i === firstLabelled ? 0 : 1),
        color: TEXT_COLOR,
      },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: [...chart.yLabels],
      name: chart.yLabel ?? '',
      nameLocation: 'middle',
      nameGap: 56,
      nameTextStyle: { color: TEXT_COLOR },
      axisLabel: { color: TEXT_COLOR },
      splitArea: { show: false },
    },
    visualMap: {
      type: 'continuous',
      min: chart.min,
      max: chart.max,
      dimension: 2,
      calculable: false,
      precision: 3,
      orient: 'vertical',
      right: 24,
      top: 'middle',
      itemHeight: 240,
      text: [String(chart.max), String(chart.min)],
      textStyle: { color: TEXT_COLOR },
      inRange: { color: VIRIDIS },
      outOfRange: { color: MUTED_COLOR },
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        silent: true,
        emphasis: { disabled: true },
        progressive: 0,
        animation: false,
      },
    ],
  };
}
