/**
 * End to end: a week-long synthetic record (672 intervals of 15 minutes, both controllers) through
 * buildSimulationReport with the real ECharts renderer and renderReportHtml, written to a temporary
 * file and read back as text: self-contained, every chart inlined as SVG, and small enough to mail
 * (under 3 MB; about 1.1 MB, nearly all of it SVG: the voltage heat maps are downsampled to 30-minute
 * columns and the time series are drawn at full resolution).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildSimulationReport,
  createSimulationRecordFixture,
  formatMetricsJson,
  formatTimeseriesCsv,
} from '../src/app/simulation-report/index.ts';
import { renderChartSvg } from '../src/services/plot/index.ts';
import { renderReportHtml } from '../src/services/report/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'kirchhoff-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('simulation report of a week', () => {
  const record = createSimulationRecordFixture({ days: 7 });
  const startMs = performance.now();
  const doc = buildSimulationReport(record, renderChartSvg);
  const html = renderReportHtml(doc);
  const elapsedMs = performance.now() - startMs;
  const path = join(dir, 'report.html');
  writeFileSync(path, html, 'utf8');
  const text = readFileSync(path, 'utf8');
  const bytes = Buffer.byteLength(text, 'utf8');
  process.stderr.write(`week report: ${(bytes / 1e6).toFixed(2)} MB of HTML in ${elapsedMs.toFixed(0)} ms\n`);

  it('has 672 intervals and both controllers', () => {
    expect(record.intervalStartMs.length).toBe(672);
    expect(doc.subtitle).toContain('672 intervals of 15 min');
  });

  it('inlines every chart as SVG and stays under 3 MB', () => {
    const figures = [...text.matchAll(/<figure role="img"[^>]*>\n<svg /g)];
    expect(figures.length).toBe(doc.sections.filter((s) => s.svg).length);
    expect(text).not.toContain('Chart left out');
    expect(bytes).toBeLessThan(3_000_000);
  });

  it('loads nothing and runs nothing', () => {
    expect(text).not.toMatch(/<script\b/i);
    expect(text).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(text).not.toMatch(/<link\b|@import/i);
  });

  it('writes the metrics and the CSV of the same record', () => {
    const metrics = JSON.parse(formatMetricsJson(record));
    expect(metrics.intervals).toBe(672);
    expect(metrics.controllers.kirchhoff.forecast_mape_by_day).toHaveLength(7);
    expect(formatTimeseriesCsv(record).split('\r\n')).toHaveLength(1 + 2 * 672 + 1);
  });
});
