/**
 * The ECharts option of a `TimeSeriesChart`: lines, step lines, P10-P90 style bands, stacked
 * areas and bars on a time axis in the data's clock, with vertical markers. NaN values are gaps:
 * lines break there and are never joined across them.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { LegendComponentOption } from 'echarts/components';
import type {
  AreaStackSeries,
  BandSeries,
  ChartMarker,
  LineSeries,
  StepSeries,
  TimeSeries,
  TimeSeriesChart,
} from '../../app/chart-port.ts';
import { finiteOrNull, MUTED_COLOR, paletteColor, TEXT_COLOR, titleOption } from './chart-frame.ts';
import type { PlotOption } from './svg-document.ts';
import { clockShiftMs, createTickFormatter } from './time-labels.ts';

type Point = [number, number | null];
type LegendEntry = NonNullable<LegendComponentOption['data']>[number];
type PlotSeries = LineSeriesOption | BarSeriesOption;

/** Options every series of this chart takes: static, no hover styles, no animation. */
const STATIC = { silent: true, emphasis: { disabled: true }, animation: false } as const;

/** Points (time on the axis clock, value or null) of two parallel arrays. */
function toPoints(timesMs: ArrayLike<number>, values: ArrayLike<number>, shiftMs: number): Point[] {
  const points: Point[] = new Array(timesMs.length);
  for (let i = 0; i < timesMs.length; i++) points[i] = [timesMs[i] + shiftMs, finiteOrNull(values[i])];
  return points;
}

/** A point with no value on either side, which a line cannot show, as a data item with a dot. */
type DotItem = { value: Point; symbol: 'circle'; symbolSize: number };

/** The points, with the isolated ones as dot items; and whether there was any. */
function markIsolated(points: readonly Point[]): { data: (Point | DotItem)[]; any: boolean } {
  let any = false;
  const data = points.map((p, i): Point | DotItem => {
    const alone = p[1] !== null && points[i - 1]?.[1] == null && points[i + 1]?.[1] == null;
    any ||= alone;
    return alone ? { value: p, symbol: 'circle', symbolSize: 4 } : p;
  });
  return { data, any };
}

/** A line; symbols only on isolated points (only those items have a symbol other than 'none'). */
function lineSeries(s: LineSeries, color: string, shiftMs: number): PlotSeries {
  const { data, any } = markIsolated(toPoints(s.timesMs, s.values, shiftMs));
  return {
    ...STATIC,
    type: 'line',
    name: s.name,
    data,
    color,
    symbol: 'none',
    showSymbol: any,
    showAllSymbol: true,
    connectNulls: false,
    sampling: 'lttb',
    lineStyle: { color, width: 1.5, type: s.dashed ? 'dashed' : 'solid' },
    z: 4,
  };
}

/** Each value from its time to the next (the last for one more step), vertical risers between. */
function stepSeries(s: StepSeries, color: string, shiftMs: number): PlotSeries {
  const n = s.timesMs.length;
  const lastStepMs = n > 1 ? s.timesMs[n - 1] - s.timesMs[n - 2] : 0;
  const data: Point[] = [];
  for (let i = 0; i < n; i++) {
    const start = s.timesMs[i] + shiftMs;
    const end = (i + 1 < n ? s.timesMs[i + 1] : s.timesMs[i] + lastStepMs) + shiftMs;
    const v = finiteOrNull(s.values[i]);
    if (v === null) data.push([start, null]);
    else data.push([start, v], [end, v]);
  }
  return {
    ...STATIC,
    type: 'line',
    name: s.name,
    data,
    color,
    symbol: 'none',
    showSymbol: false,
    connectNulls: false,
    lineStyle: { color, width: 1.5 },
    z: 4,
  };
}

/**
 * A band as two stacked lines: the lower bound, invisible, and the width above it, filled.
 * `stackStrategy: 'all'` stacks whatever the signs, so bands below zero work.
 */
function bandSeries(s: BandSeries, color: string, shiftMs: number, index: number): PlotSeries[] {
  const lower = toPoints(s.timesMs, s.lower, shiftMs);
  const width = lower.map(([t, lo], i): Point => {
    const hi = finiteOrNull(s.upper[i]);
    return [t, lo === null || hi === null ? null : hi - lo];
  });
  const stack = `band-${index}`;
  const common = {
    ...STATIC,
    type: 'line',
    stack,
    stackStrategy: 'all',
    symbol: 'none',
    showSymbol: false,
    connectNulls: false,
    z: 2,
  } as const;
  return [
    { ...common, name: `${s.name} (lower bound)`, data: lower, lineStyle: { width: 0, opacity: 0 } },
    {
      ...common,
      name: s.name,
      data: width,
      color,
      lineStyle: { width: 0, opacity: 0 },
      areaStyle: { color, opacity: 0.25 },
    },
  ];
}

/**
 * Stacked areas. Each layer is split into its positive part, stacked upwards on the positive parts
 * below it, and its negative part, stacked downwards, so a layer that changes sign (a battery)
 * never jumps between the two stacks.
 */
function areaStackSeries(s: AreaStackSeries, colors: string[], shiftMs: number, index: number): PlotSeries[] {
  const out: PlotSeries[] = [];
  s.layers.forEach((layer, i) => {
    const points = toPoints(s.timesMs, layer.values, shiftMs);
    for (const sign of ['positive', 'negative'] as const) {
      const part = points.map(
        ([t, v]): Point => [t, v === null ? null : sign === 'positive' ? Math.max(v, 0) : Math.min(v, 0)],
      );
      if (!part.some(([, v]) => v !== null && v !== 0)) continue;
      out.push({
        ...STATIC,
        type: 'line',
        name: layer.name,
        data: part,
        color: colors[i],
        stack: `area-stack-${index}`,
        stackStrategy: sign,
        symbol: 'none',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 0, opacity: 0 },
        areaStyle: { color: colors[i], opacity: 0.85 },
        z: 1,
      });
    }
  });
  return out;
}

/** Dashed vertical lines labelled at their top, on a series of their own without data. */
function markerSeries(markers: readonly ChartMarker[], shiftMs: number): LineSeriesOption {
  return {
    ...STATIC,
    type: 'line',
    name: '',
    data: [],
    markLine: {
      silent: true,
      animation: false,
      symbol: ['none', 'none'],
      lineStyle: { color: MUTED_COLOR, type: 'dashed', width: 1 },
      label: { formatter: '{b}', position: 'end', color: TEXT_COLOR },
      emphasis: { disabled: true },
      data: markers.map((m) => ({ name: m.label, xAxis: m.atMs + shiftMs })),
    },
    z: 5,
  };
}

/** ECharts series and legend entries of the chart's series, colours from the palette in order. */
function buildSeries(
  series: readonly TimeSeries[],
  shiftMs: number,
): { series: PlotSeries[]; legend: LegendEntry[] } {
  const out: PlotSeries[] = [];
  const legend: LegendEntry[] = [];
  let colorIndex = 0;
  const nextColor = (own: string | undefined): string => own ?? paletteColor(colorIndex++);
  series.forEach((s, index) => {
    if (s.kind === 'line') {
      out.push(lineSeries(s, nextColor(s.color), shiftMs));
      legend.push({ name: s.name, itemStyle: { opacity: 0 } });
    } else if (s.kind === 'step') {
      out.push(stepSeries(s, nextColor(s.color), shiftMs));
      legend.push({ name: s.name, itemStyle: { opacity: 0 } });
    } else if (s.kind === 'band') {
      out.push(...bandSeries(s, nextColor(s.color), shiftMs, index));
      legend.push({ name: s.name, icon: 'rect', itemStyle: { opacity: 0.25 } });
    } else if (s.kind === 'area-stack') {
      out.push(
        ...areaStackSeries(
          s,
          s.layers.map((l) => nextColor(l.color)),
          shiftMs,
          index,
        ),
      );
      legend.push(...s.layers.map((l) => ({ name: l.name, icon: 'rect' })));
    } else {
      const color = nextColor(s.color);
      const data = toPoints(s.timesMs, s.values, shiftMs);
      out.push({
        ...STATIC,
        type: 'bar',
        name: s.name,
        data,
        color,
        itemStyle: { color },
        barMaxWidth: 24,
        progressive: 0,
        z: 3,
      });
      legend.push({ name: s.name, icon: 'rect' });
    }
  });
  return { series: out, legend };
}

/** The ECharts option of `chart` (sizes apart). */
export function buildTimeSeriesOption(chart: TimeSeriesChart): PlotOption {
  const shiftMs = clockShiftMs(chart.timeAxis);
  const { series, legend } = buildSeries(chart.series, shiftMs);
  if (chart.markers && chart.markers.length > 0) series.push(markerSeries(chart.markers, shiftMs));
  return {
    title: titleOption(chart.title, chart.subtitle),
    legend: { data: legend, bottom: 8, itemGap: 28, selectedMode: false, textStyle: { color: TEXT_COLOR } },
    grid: { left: 80, right: 40, top: 72, bottom: 84 },
    xAxis: {
      type: 'time',
      name: chart.timeAxis.label,
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: { color: TEXT_COLOR },
      axisLine: { onZero: false },
      axisLabel: { formatter: createTickFormatter(chart.timeAxis), hideOverlap: true, color: TEXT_COLOR },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: chart.yLabel,
      nameLocation: 'middle',
      nameGap: 52,
      nameTextStyle: { color: TEXT_COLOR },
      scale: chart.yIncludesZero === false,
      axisLabel: { color: TEXT_COLOR },
    },
    series,
  };
}
