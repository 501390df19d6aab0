import { describe, expect, it } from 'vitest';
import type { TimeSeries, TimeSeriesChart } from '../../app/chart-port.ts';
import { renderChartSvg } from './index.ts';
import { countSubpaths, paths, plotPaths, rootAttributes, svgProblems, texts } from './svg-probe.ts';

const HOUR_MS = 3_600_000;
const START_MS = Date.UTC(2024, 2, 14, 23);
const hours = (n: number, fromMs = START_MS): number[] =>
  Array.from({ length: n }, (_, i) => fromMs + i * HOUR_MS);

function chartOf(series: TimeSeries[], more: Partial<TimeSeriesChart> = {}): TimeSeriesChart {
  return {
    kind: 'time-series',
    title: 'Day-ahead load forecast',
    yLabel: 'load (MW)',
    timeAxis: { label: 'local time (UTC+01:00)', utcOffsetMinutes: 60 },
    series,
    ...more,
  };
}

/** History with a gap, then P50 and a P10-P90 band after the origin. */
function forecastChart(): TimeSeriesChart {
  const historyT = hours(48);
  const forecastT = hours(24, START_MS + 48 * HOUR_MS);
  const p50 = forecastT.map((_, i) => 50 + 10 * Math.sin(i / 4));
  return chartOf(
    [
      {
        kind: 'band',
        name: 'P10-P90',
        timesMs: forecastT,
        lower: p50.map((v) => v - 8),
        upper: p50.map((v) => v + 8),
        color: '#0072B2',
      },
      {
        kind: 'line',
        name: 'measured',
        timesMs: historyT,
        values: historyT.map((_, i) => (i >= 20 && i < 24 ? Number.NaN : 40 + 10 * Math.sin(i / 4))),
        color: '#333333',
      },
      { kind: 'line', name: 'P50', timesMs: forecastT, values: p50, color: '#E69F00', dashed: true },
    ],
    {
      subtitle: 'issued 2024-03-16 00:00',
      markers: [{ atMs: START_MS + 48 * HOUR_MS, label: 'forecast origin' }],
    },
  );
}

describe('renderChartSvg: time series', () => {
  it('writes a well-formed SVG document of the requested size', () => {
    const svg = renderChartSvg({ ...forecastChart(), widthPx: 800, heightPx: 400 });
    expect(svgProblems(svg)).toEqual([]);
    expect(rootAttributes(svg)).toMatchObject({ width: '800', height: '400', viewBox: '0 0 800 400' });
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('shows the title, subtitle, axis names, legend and marker label', () => {
    const shown = texts(renderChartSvg(forecastChart()));
    for (const text of [
      'Day-ahead load forecast',
      'issued 2024-03-16 00:00',
      'load (MW)',
      'local time (UTC+01:00)',
      'P10-P90',
      'measured',
      'P50',
      'forecast origin',
    ]) {
      expect(shown).toContain(text);
    }
  });

  it('draws one line per line series, split where values are NaN', () => {
    const svg = renderChartSvg(forecastChart());
    const measured = plotPaths(svg, { fill: 'none', stroke: '#333333' });
    const p50 = plotPaths(svg, { fill: 'none', stroke: '#E69F00' });
    expect(measured).toHaveLength(1);
    expect(p50).toHaveLength(1);
    expect(countSubpaths(measured[0].d)).toBe(2);
    expect(countSubpaths(p50[0].d)).toBe(1);
    expect(p50[0]['stroke-dasharray']).toBeDefined();
  });

  it('shades the band as one filled path, split at a gap in either bound', () => {
    const times = hours(12);
    const band = (gapAt: number | undefined): TimeSeries => ({
      kind: 'band',
      name: 'band',
      timesMs: times,
      lower: times.map(() => 10),
      upper: times.map((_, i) => (i === gapAt ? Number.NaN : 20)),
      color: '#0072B2',
    });
    const fills = (gapAt: number | undefined) =>
      plotPaths(renderChartSvg(chartOf([band(gapAt)])), { fill: '#0072B2', 'fill-opacity': '0.25' });
    expect(fills(undefined)).toHaveLength(1);
    expect(countSubpaths(fills(undefined)[0].d)).toBe(1);
    expect(countSubpaths(fills(5)[0].d)).toBe(2);
  });

  it('keeps a band below zero below zero (stacked whatever the signs)', () => {
    const times = hours(12);
    const svg = renderChartSvg(
      chartOf([
        {
          kind: 'band',
          name: 'band',
          timesMs: times,
          lower: times.map((_, i) => -40 - i),
          upper: times.map((_, i) => -20 - i),
          color: '#0072B2',
        },
      ]),
    );
    expect(plotPaths(svg, { fill: '#0072B2' })).toHaveLength(1);
    const tickValues = texts(svg)
      .map(Number)
      .filter((v) => Number.isFinite(v));
    expect(Math.max(...tickValues)).toBe(0);
    expect(Math.min(...tickValues)).toBeLessThanOrEqual(-51);
  });

  it('marks an isolated value between gaps with a dot', () => {
    const times = hours(9);
    const values = [1, 2, 3, Number.NaN, 5, Number.NaN, 7, 8, 9];
    const svg = renderChartSvg(
      chartOf([{ kind: 'line', name: 'x', timesMs: times, values, color: '#009E73' }]),
    );
    expect(countSubpaths(plotPaths(svg, { fill: 'none', stroke: '#009E73' })[0].d)).toBe(3);
    const dots = paths(svg).filter((p) => p.fill === '#009E73' && p.transform?.startsWith('matrix('));
    expect(dots).toHaveLength(1);
  });

  it('draws steps that hold each value to the next time, with a gap for NaN', () => {
    const times = hours(6);
    const svg = renderChartSvg(
      chartOf([
        {
          kind: 'step',
          name: 'price',
          timesMs: times,
          values: [1, 2, Number.NaN, 4, 5, 6],
          color: '#D55E00',
        },
      ]),
    );
    const [step] = plotPaths(svg, { fill: 'none', stroke: '#D55E00' });
    expect(countSubpaths(step.d)).toBe(2);
    // Two points per value held: 2 before the gap (4 points), 3 after (6 points).
    expect(step.d.match(/[ML]/g)).toHaveLength(10);
  });

  it('stacks areas, a layer that changes sign drawn as a part above and a part below zero', () => {
    const times = hours(8);
    const svg = renderChartSvg(
      chartOf([
        {
          kind: 'area-stack',
          timesMs: times,
          layers: [
            { name: 'PV', values: times.map(() => 10), color: '#E69F00' },
            { name: 'battery', values: [-5, -5, -5, 0, 0, 5, 5, 5], color: '#009E73' },
          ],
        },
      ]),
    );
    expect(plotPaths(svg, { fill: '#E69F00' })).toHaveLength(1);
    expect(plotPaths(svg, { fill: '#009E73' })).toHaveLength(2);
    expect(texts(svg)).toEqual(expect.arrayContaining(['PV', 'battery']));
  });

  it('draws bars', () => {
    const times = hours(5);
    const svg = renderChartSvg(
      chartOf([
        { kind: 'bar', name: 'energy', timesMs: times, values: [1, 2, Number.NaN, 4, 5], color: '#CC79A7' },
      ]),
    );
    expect(plotPaths(svg, { fill: '#CC79A7' })).toHaveLength(4);
  });

  it("labels ticks in the data's clock: round hours of UTC+01:00 are given to formatTime as instants", () => {
    const times = hours(24, Date.UTC(2024, 0, 1, 0));
    const svg = renderChartSvg(
      chartOf([{ kind: 'line', name: 'x', timesMs: times, values: times.map((_, i) => i) }], {
        timeAxis: {
          label: 'time',
          utcOffsetMinutes: 90,
          formatTime: (ms) => `${new Date(ms).toISOString().slice(11, 16)}Z`,
        },
      }),
    );
    const labels = texts(svg).filter((t) => t.endsWith('Z'));
    expect(labels.length).toBeGreaterThan(3);
    // Ticks fall on whole local hours, i.e. at hh:30 UTC.
    for (const label of labels) expect(label).toMatch(/^\d\d:30Z$/);
  });

  it('renders 8,760 points x 5 series with lines sampled to the plot width', () => {
    const times = hours(8760, Date.UTC(2023, 0, 1));
    const series: TimeSeries[] = [0, 1, 2, 3, 4].map((k) => ({
      kind: 'line',
      name: `s${k}`,
      timesMs: times,
      values: times.map((_, i) => (i === 4000 ? Number.NaN : 100 + 10 * k + Math.sin(i * (k + 1)))),
      color: ['#000001', '#000002', '#000003', '#000004', '#000005'][k],
    }));
    const svg = renderChartSvg(chartOf(series));
    for (let k = 1; k <= 5; k++) {
      const [line] = plotPaths(svg, { fill: 'none', stroke: `#00000${k}` });
      expect(countSubpaths(line.d)).toBe(2);
      expect(line.d.match(/[ML]/g)!.length).toBeLessThan(8760 / 4);
    }
  });
});
