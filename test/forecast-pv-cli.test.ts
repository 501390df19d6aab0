/**
 * `kirchhoff forecast backtest` on the NREL PVDAQ system 50 folder of ../shared/data: the JSON
 * rows of the PV models and, over one year of rolling-origin forecasts with the observed weather,
 * the target: the default model's nRMSE at most half of yesterday's-PV persistence.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from './support/shared-dir.ts';

const root = join(import.meta.dirname, '..');
const kirchhoff = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'kirchhoff.js'), ...args], { encoding: 'utf8', cwd: root });
const pv = join(sharedDir, 'data', 'nrel-pvdaq-system50-pv');

describe('kirchhoff forecast backtest on a PV dataset', () => {
  it('scores the PV models on daylight hours; default nRMSE is at most half of persistence', () => {
    const run = kirchhoff('forecast', 'backtest', pv, '--from', '2012-01-01', '--to', '2012-12-31', '--json');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ dataset: 'nrel-pvdaq-system50-pv', weather: 'actual' });
    const byModel = Object.fromEntries(out.results.map((r: { model: string }) => [r.model, r]));
    expect(Object.keys(byModel)).toEqual(['default', 'seasonal-naive', 'previous-day']);
    for (const r of out.results) {
      expect(Object.keys(r)).toEqual([
        'model',
        'zone',
        'nrmse',
        'mae',
        'rmse',
        'pinball',
        'coverage_p10_p90',
        'hours',
        'capacity_kw',
        'unit',
      ]);
      expect(r.capacity_kw).toBeGreaterThan(2.5);
      expect(r.capacity_kw).toBeLessThan(3.5);
      expect(r.hours).toBeGreaterThan(3000);
    }
    expect(byModel.default.nrmse).toBeLessThanOrEqual(0.5 * byModel['previous-day'].nrmse);
    expect(byModel.default.mae).toBeLessThan(byModel['previous-day'].mae);
  });

  it('names the earliest possible --from and the end of the data', () => {
    const early = kirchhoff('forecast', 'backtest', pv, '--from', '2011-05-01', '--to', '2011-07-01');
    expect(early.status).toBe(1);
    expect(early.stderr).toMatch(/the earliest --from is 2011-06-24/);
    const late = kirchhoff('forecast', 'backtest', pv, '--from', '2013-09-01', '--to', '2013-12-01');
    expect(late.status).toBe(1);
    expect(late.stderr).toMatch(/--to 2013-12-01: the data ends on 2013-09-30/);
  });
});
