import { describe, expect, it } from 'vitest';
import type { HeatMapChart } from '../../app/chart-port.ts';
import { renderChartSvg } from './index.ts';
import { paths, rootAttributes, svgProblems, texts } from './svg-probe.ts';

const QUARTER_HOUR_MS = 900_000;

/** 12 buses x 96 quarter hours of one day, with `gaps` cells NaN and `infinite` ones +Infinity. */
function voltageMap(gaps: readonly number[] = [], infinite: readonly number[] = []): HeatMapChart {
  const buses = 12;
  const steps = 96;
  const values = Float64Array.from({ length: buses * steps }, (_, k) => 1 - 0.004 * Math.floor(k / steps));
  for (const k of gaps) values[k] = Number.NaN;
  for (const k of infinite) values[k] = Number.POSITIVE_INFINITY;
  return {
    kind: 'heat-map',
    title: 'Bus voltages',
    subtitle: 'a sunny day',
    timeAxis: { label: 'time (UTC)' },
    xTimesMs: Array.from({ length: steps }, (_, i) => Date.UTC(2024, 5, 1) + i * QUARTER_HOUR_MS),
    yLabel: 'bus',
    yLabels: Array.from({ length: buses }, (_, b) => `bus ${b + 1}`),
    values,
    valueLabel: 'voltage (pu)',
    min: 0.94,
    max: 1.04,
  };
}

/** Cells: rectangles filled with a colour of the scale (other shapes are outlines or transparent). */
function cells(svg: string): Record<string, string>[] {
  return paths(svg).filter(
    (p) =>
      /^M[\d.]+ [\d.]+l[\d.]+ 0l0 [\d.]+l-[\d.]+ 0Z$/.test(p.d) &&
      p.fill?.startsWith('rgb(') &&
      p['fill-opacity'] !== '0',
  );
}

describe('renderChartSvg: heat map', () => {
  it('writes a well-formed SVG with titles, row labels and the colour scale', () => {
    const svg = renderChartSvg(voltageMap());
    expect(svgProblems(svg)).toEqual([]);
    expect(rootAttributes(svg)).toMatchObject({ width: '960', height: '480', viewBox: '0 0 960 480' });
    expect(texts(svg)).toEqual(
      expect.arrayContaining([
        'Bus voltages',
        'a sunny day',
        'voltage (pu)',
        'bus 1',
        'bus 12',
        'time (UTC)',
        '1.04',
      ]),
    );
  });

  it('draws one cell per finite value and none for NaN or infinities', () => {
    expect(cells(renderChartSvg(voltageMap()))).toHaveLength(12 * 96);
    expect(cells(renderChartSvg(voltageMap([0, 100, 1151], [7])))).toHaveLength(12 * 96 - 4);
  });

  it('labels the time axis at round steps (every 2 hours over a day)', () => {
    const labels = texts(renderChartSvg(voltageMap())).filter((t) => /\d\d:\d\d$|2024$/.test(t));
    expect(labels).toEqual([
      '1 Jun 2024',
      ...[2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22].map((h) => `${String(h).padStart(2, '0')}:00`),
    ]);
  });

  it('colours by value on the fixed scale: the low and high rows differ, equal values match', () => {
    const fills = cells(renderChartSvg(voltageMap())).map((c) => c.fill);
    expect(new Set(fills.slice(0, 96)).size).toBe(1);
    expect(fills[0]).not.toBe(fills[fills.length - 1]);
  });
});
