/**
 * `kirchhoff forecast backtest` on the Trondheim EV folder: per-session energy and departure
 * forecasts, with the target that the default beats the per-driver median on energy MAE.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from './support/shared-dir.ts';

const root = join(import.meta.dirname, '..');
const kirchhoff = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'kirchhoff.js'), ...args], { encoding: 'utf8', cwd: root });
const ev = join(sharedDir, 'data', 'trondheim-residential-ev-charging');

describe('kirchhoff forecast backtest on EV sessions', () => {
  it('scores energy and departure per session; default beats the per-driver median', () => {
    const run = kirchhoff('forecast', 'backtest', ev, '--from', '2019-01-18', '--to', '2019-12-27', '--json');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const [def, median] = out.results;
    expect([def.model, median.model]).toEqual(['default', 'per-driver-median']);
    expect(def.sessions).toBeGreaterThan(5000);
    expect(def.energy_mae_kwh).toBeLessThan(median.energy_mae_kwh);
    expect(def.departure_mae_h).toBeLessThan(median.departure_mae_h);
    expect(def.coverage_energy_p10_p90).toBeGreaterThan(0.6);
  });

  it('names the earliest --from', () => {
    const run = kirchhoff('forecast', 'backtest', ev, '--from', '2019-01-01', '--to', '2019-02-01');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the earliest --from is 2019-01-18/);
  });
});
