/**
 * `kirchhoff forecast predict` end to end on Tetouan and PVDAQ: the table, CSV and JSON outputs,
 * and the SVG plot written where asked (a fresh temporary folder).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from './support/shared-dir.ts';

const root = join(import.meta.dirname, '..');
const kirchhoff = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'kirchhoff.js'), ...args], { encoding: 'utf8', cwd: root });
const tetouan = join(sharedDir, 'data', 'tetouan-city-load');
const pv = join(sharedDir, 'data', 'nrel-pvdaq-system50-pv');

describe('kirchhoff forecast predict', () => {
  it('prints every zone as CSV and plots the total', () => {
    const plot = join(mkdtempSync(join(tmpdir(), 'kirchhoff-')), 'nested', 'total.svg');
    const run = kirchhoff('forecast', 'predict', tetouan, '--at', '2017-08-01', '--csv', '--plot', plot);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('zone,time,p10,p50,p90,actual');
    expect(lines).toHaveLength(1 + 4 * 24);
    expect(lines[1]).toMatch(/^zone1,2017-08-01T00:00,[\d.]+,[\d.]+,[\d.]+,[\d.]+$/);
    const svg = readFileSync(plot, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('load forecast, total, issued 2017-08-01');
    expect(run.stderr).toContain(`plot: ${plot}`);
  });

  it('gives the PV forecast as JSON with times in the site standard time', () => {
    const plot = join(mkdtempSync(join(tmpdir(), 'kirchhoff-')), 'pv.svg');
    const run = kirchhoff(
      'forecast',
      'predict',
      pv,
      '--at',
      '2012-06-10',
      '--horizon',
      '24h',
      '--json',
      '--plot',
      plot,
    );
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      dataset: 'nrel-pvdaq-system50-pv',
      at: '2012-06-10',
      horizon_h: 24,
      unit: 'kW',
    });
    const [zone] = out.zones;
    expect(zone.time[12]).toBe('2012-06-10T12:00-07:00');
    expect(zone.p50[0]).toBe(0); // midnight: no sun
    expect(zone.p50[12]).toBeGreaterThan(0.5);
    expect(zone.p10[12]).toBeLessThanOrEqual(zone.p50[12]);
    expect(zone.p90[12]).toBeGreaterThanOrEqual(zone.p50[12]);
  });

  it('says in one line when --at is not a midnight or is too late', () => {
    const hour = kirchhoff('forecast', 'predict', tetouan, '--at', '2017-08-01T06:00');
    expect(hour.status).toBe(1);
    expect(hour.stderr).toMatch(/expected a local midnight/);
    const late = kirchhoff('forecast', 'predict', tetouan, '--at', '2018-01-01');
    expect(late.status).toBe(1);
    expect(late.stderr).toMatch(/the latest --at is 2017-10-20/);
  });
});
