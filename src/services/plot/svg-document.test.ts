import { afterEach, describe, expect, it } from 'vitest';
import type { TimeSeriesChart } from '../../app/chart-port.ts';
import { renderChartSvg } from './index.ts';
import { scopeSvgIds } from './svg-document.ts';

const HOUR_MS = 3_600_000;

function chart(title: string): TimeSeriesChart {
  const times = Array.from({ length: 24 }, (_, i) => Date.UTC(2024, 0, 1) + i * HOUR_MS);
  return {
    kind: 'time-series',
    title,
    yLabel: 'load (MW)',
    timeAxis: { label: 'time (UTC)' },
    series: [
      { kind: 'band', name: 'band', timesMs: times, lower: times.map(() => 1), upper: times.map(() => 3) },
      { kind: 'line', name: 'line', timesMs: times, values: times.map((_, i) => i % 5) },
    ],
    markers: [{ atMs: times[12], label: 'origin' }],
  };
}

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('renderOptionToSvg', () => {
  it('gives the same string for the same chart, whatever the process time zone', () => {
    process.env.TZ = 'UTC';
    const first = renderChartSvg(chart('A'));
    expect(renderChartSvg(chart('A'))).toBe(first);
    process.env.TZ = 'America/Denver';
    expect(renderChartSvg(chart('A'))).toBe(first);
  });

  it('names clip paths after the document, so two charts on one page keep their own', () => {
    const a = renderChartSvg(chart('A'));
    const b = renderChartSvg(chart('B'));
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).length).toBeGreaterThan(0);
    expect(a).not.toMatch(/\bzr\d*-/);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    for (const id of ids(a)) expect(a).toContain(`url(#${id})`);
  });

  it('leaves out the hydration attributes of the interactive runtime', () => {
    expect(renderChartSvg(chart('A'))).not.toContain('ecmeta_');
  });

  it('replaces the zrender counter by a hash of the document', () => {
    const svg =
      '<svg><clipPath id="zr3-c0"></clipPath><g clip-path="url(#zr3-c0)" class="zr3-cls-0"></g></svg>';
    const scoped = scopeSvgIds(svg);
    expect(scoped).toBe(scopeSvgIds(svg.replaceAll('zr3-', 'zr12-')));
    expect(scoped).toMatch(/^<svg><clipPath id="k[0-9a-f]{8}-c0">/);
    expect(scopeSvgIds(svg.replace('c0', 'c1'))).not.toBe(scoped);
  });
});
