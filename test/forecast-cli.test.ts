/**
 * `kirchhoff forecast backtest` end to end on the Tetouan dataset of ../shared/data: the JSON
 * schema of the issue, the three models per zone plus the total, and one-line errors.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from './support/shared-dir.ts';

const root = join(import.meta.dirname, '..');
const kirchhoff = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'kirchhoff.js'), ...args], { encoding: 'utf8', cwd: root });
const tetouan = join(sharedDir, 'data', 'tetouan-city-load');

describe('kirchhoff forecast backtest', () => {
  it('prints one row per model and zone (and the total) in the documented JSON', () => {
    const run = kirchhoff(
      'forecast',
      'backtest',
      tetouan,
      '--from',
      '2017-06-01',
      '--to',
      '2017-06-14',
      '--json',
    );
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['dataset', 'from', 'to', 'weather', 'results', 'data_notes']);
    expect(out).toMatchObject({
      dataset: 'tetouan-city-load',
      from: '2017-06-01',
      to: '2017-06-14',
      weather: 'actual',
    });
    expect(out.results.map((r: { zone: string; model: string }) => `${r.zone}/${r.model}`)).toEqual(
      ['zone1', 'zone2', 'zone3', 'total'].flatMap((z) => [
        `${z}/default`,
        `${z}/seasonal-naive`,
        `${z}/previous-day`,
      ]),
    );
    for (const r of out.results) {
      expect(Object.keys(r)).toEqual([
        'model',
        'zone',
        'mape',
        'rmse',
        'mase',
        'pinball',
        'coverage_p10_p90',
      ]);
      expect(r.mape).toBeGreaterThan(0);
      expect(r.mape).toBeLessThan(30);
      expect(r.coverage_p10_p90).toBeGreaterThan(0.4);
    }
    expect(run.stderr).toContain('a perfect weather forecast: an upper bound');
  });

  it('meets the GEFCom2012 system target over two summer months: total MAPE at most 3.5 % with actual weather', () => {
    const gefcom = join(sharedDir, 'data', 'gefcom2012-load');
    const run = kirchhoff(
      'forecast',
      'backtest',
      gefcom,
      '--from',
      '2007-06-01',
      '--to',
      '2007-07-31',
      '--model',
      'default',
      '--json',
    );
    expect(run.status, run.stderr).toBe(0);
    const total = JSON.parse(run.stdout).results.find((r: { zone: string }) => r.zone === 'total');
    expect(total.mape).toBeLessThanOrEqual(3.5);
    expect(total.coverage_p10_p90).toBeGreaterThan(0.7);
  });

  it('explains a --from without enough history in one line', () => {
    const run = kirchhoff('forecast', 'backtest', tetouan, '--from', '2017-01-10', '--to', '2017-01-20');
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/the earliest --from is 2017-04-27/);
  });

  it('rejects an unknown model and a folder that is not a dataset', () => {
    const model = kirchhoff(
      'forecast',
      'backtest',
      tetouan,
      '--from',
      '2017-06-01',
      '--to',
      '2017-06-02',
      '--model',
      'x',
    );
    expect(model.status).toBe(2);
    expect(model.stderr).toMatch(/--model x: expected one of default, seasonal-naive, previous-day/);
    const folder = kirchhoff('forecast', 'backtest', root, '--from', '2017-06-01', '--to', '2017-06-02');
    expect(folder.status).toBe(1);
    expect(folder.stderr.length).toBeGreaterThan(0);
  });
});
