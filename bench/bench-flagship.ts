/**
 * The flagship run as a benchmark: `kirchhoff simulate examples/flagship/scenario.json` in its own
 * process (the same command as `npm start`), timed end to end; its metrics.json gives the KPI table
 * of both controllers, which is written into docs/benchmarks.md (by run-benchmarks.ts) and between
 * the flagship markers of README.md (here), so that the README's numbers come from a run.
 * Run alone with `tsx bench/bench-flagship.ts` to refresh the README table.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Kpis {
  demand_mwh: number;
  losses_mwh: number;
  losses_share: number;
  peak_import_mw: number;
  local_share: number;
  unserved_mwh: { critical: number; essential: number; flexible: number };
  voltage_violations: number;
  thermal_violations: number;
  cost: number;
  energy_cost: number;
  co2_t: number;
  battery_cycles: number;
  ev_delivered_share: number;
  runtime_s: number;
  power_flow_failures: number;
  ms_per_interval: { forecast: number; dispatch: number; power_flow: number };
  forecast_mape_by_day: (number | null)[];
}

export function runFlagship(): { markdown: string; wallS: number } {
  const out = join('out', 'flagship');
  const started = performance.now();
  execFileSync(
    process.execPath,
    [join('bin', 'kirchhoff.js'), 'simulate', join('examples', 'flagship', 'scenario.json'), '--out', out],
    {
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  const wallS = (performance.now() - started) / 1000;
  const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
  const k: Kpis = metrics.controllers.kirchhoff;
  const b: Kpis = metrics.controllers.baseline;
  const change = (x: number, y: number) =>
    y === 0 ? (x === 0 ? '0 %' : 'n/a') : `${x > y ? '+' : ''}${((100 * (x - y)) / y).toFixed(1)} %`;
  const row = (label: string, f: (v: Kpis) => number, digits: number, target = '') =>
    `| ${label} | ${f(k).toFixed(digits)} | ${f(b).toFixed(digits)} | ${change(f(k), f(b))} | ${target} |`;
  const mape = k.forecast_mape_by_day.map((v) => (v === null ? 'n/a' : v.toFixed(2))).join(', ');
  const markdown = [
    `Flagship (\`npm start\`: ${metrics.intervals} intervals of ${metrics.interval_min} min, ${metrics.start.slice(0, 10)} to ${metrics.end.slice(0, 10)}, seed ${metrics.seed}), both controllers, from \`out/flagship/metrics.json\` of one run; ${wallS.toFixed(0)} s end to end including reading the data and writing the report.`,
    '',
    '| KPI | Kirchhoff | baseline | change | target |',
    '|---|---:|---:|---:|---|',
    row('energy losses (MWh)', (v) => v.losses_mwh, 2, 'at least 25 % lower'),
    row('losses (% of demand)', (v) => 100 * v.losses_share, 2),
    row('peak import (MW)', (v) => v.peak_import_mw, 2, 'at least 20 % lower'),
    row('local share of demand (%)', (v) => 100 * v.local_share, 1),
    row('unserved critical (MWh)', (v) => v.unserved_mwh.critical, 3, 'zero (baseline > 0)'),
    row('unserved essential (MWh)', (v) => v.unserved_mwh.essential, 2),
    row('unserved flexible (MWh)', (v) => v.unserved_mwh.flexible, 2),
    row(
      'voltage violations (bus-intervals)',
      (v) => v.voltage_violations,
      0,
      'none where the baseline has them',
    ),
    row('thermal violations (branch-intervals)', (v) => v.thermal_violations, 0),
    row('energy cost incl. demand charge', (v) => v.energy_cost, 0),
    row('cost incl. value of lost load', (v) => v.cost, 0),
    row('CO2 (t)', (v) => v.co2_t, 1),
    row('battery cycles', (v) => v.battery_cycles, 2),
    row('EV energy delivered by departure (%)', (v) => 100 * v.ev_delivered_share, 1),
    row('intervals whose power flow failed', (v) => v.power_flow_failures, 0),
    row('run time (s)', (v) => v.runtime_s, 1),
    row('per interval: forecast (ms)', (v) => v.ms_per_interval.forecast, 2),
    row('per interval: dispatch and checks (ms)', (v) => v.ms_per_interval.dispatch, 1),
    row('per interval: AC power flow (ms)', (v) => v.ms_per_interval.power_flow, 1),
    '',
    `Kirchhoff's day-ahead forecast error of the district total, MAPE per day (%): ${mape}.`,
  ].join('\n');
  return { markdown, wallS };
}

export function writeReadmeTable(markdown: string): void {
  const start = '<!-- flagship-kpis:start -->';
  const end = '<!-- flagship-kpis:end -->';
  const readme = readFileSync('README.md', 'utf8');
  const a = readme.indexOf(start);
  const z = readme.indexOf(end);
  if (a < 0 || z < a) throw new Error('README.md: flagship markers not found');
  writeFileSync('README.md', `${readme.slice(0, a + start.length)}\n${markdown}\n${readme.slice(z)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdown } = runFlagship();
  writeReadmeTable(markdown);
  process.stdout.write(`${markdown}\n`);
}
